import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyToolList } from "../../src/classify/index.ts";

const tools = [
  { name: "list_charges", description: "Fetches a list of Charges from Stripe.", inputSchema: { type: "object", properties: { limit: { type: "number" } } } },
  { name: "delete_repository", description: "Delete a repository.", inputSchema: { type: "object", properties: { repo: { type: "string" } }, required: ["repo"] } },
];

function run(args: string[], input?: string) {
  const result = spawnSync("npx", ["tsx", "scripts/classify.ts", ...args], { cwd: path.resolve(import.meta.dirname, "../.."), input, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("classifyToolList (the CLI's pure half)", () => {
  it("classifies a JSON array of tools", () => {
    const result = classifyToolList(JSON.stringify(tools), "tools.json");
    expect(result.ok && result.verdicts.map((v) => [v.name, v.category, v.risk])).toEqual([
      ["list_charges", "Read", "Low"],
      ["delete_repository", "Destructive", "Critical"],
    ]);
  });

  it("accepts a whole tools/list result", () => {
    const result = classifyToolList(JSON.stringify({ tools, nextCursor: "abc" }), "page.json");
    expect(result.ok && result.verdicts.length).toBe(2);
  });

  it("prints exactly the verdict fields", () => {
    const result = classifyToolList(JSON.stringify(tools.slice(0, 1)), "tools.json");
    expect(result.ok && Object.keys(result.verdicts[0] ?? {})).toEqual(["name", "category", "risk", "confidence", "rationale", "signals", "flags", "parameters"]);
  });

  const expected = 'expected a JSON array of MCP tools or a tools/list result {"tools": [...]}';
  it.each([
    ["text that is not JSON", "{tools: oops", `bad.json: not valid JSON (Expected property name or '}' in JSON at position 1); ${expected}.`],
    ["a number", "42", `bad.json: ${expected}, got a number.`],
    ["an object without tools", '{"result": []}', `bad.json: ${expected}, got an object without a "tools" array.`],
    ["a tools field that is not a list", '{"tools": {"name": "x"}}', `bad.json: ${expected}, got an object without a "tools" array.`],
    ["an item that is not an object", '[{"name": "a", "inputSchema": {}}, "b"]', "bad.json: the item at index 1 is a string, not a tool object."],
    ["a tool without a name", '[{"name": "a", "inputSchema": {}}, {"description": "no name"}]', 'bad.json: the tool at index 1 has no name; every tool needs a non-empty string "name".'],
    ["a tool with an empty name", '{"tools": [{"name": ""}]}', 'bad.json: the tool at index 0 has no name; every tool needs a non-empty string "name".'],
  ])("explains %s", (_label, text, message) => {
    expect(classifyToolList(text, "bad.json")).toEqual({ ok: false, message });
  });
});

describe("npm run classify", () => {
  it("prints verdicts for a file, with 2-space indentation", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "classify-"));
    const file = path.join(dir, "tools.json");
    writeFileSync(file, JSON.stringify(tools));
    const { status, stdout, stderr } = run([file]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const verdicts = JSON.parse(stdout) as { name: string; risk: string }[];
    expect(verdicts.map((v) => v.risk)).toEqual(["Low", "Critical"]);
    expect(stdout.split("\n")[1]).toBe("  {");
  });

  it("reads stdin when the file is -", () => {
    const { status, stdout } = run(["-"], JSON.stringify({ tools }));
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(2);
  });

  it("exits 2 with a clear message for a missing file", () => {
    const { status, stdout, stderr } = run(["/no/such/tools.json"]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatchInlineSnapshot(`
      "/no/such/tools.json: cannot read (no such file); expected a JSON file of MCP tools, or - for stdin.
      "
    `);
  });

  it("exits 2 naming stdin and the index of a tool without a name", () => {
    const { status, stderr } = run(["-"], '[{"name":"ok","inputSchema":{}},{"inputSchema":{}}]');
    expect(status).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "stdin: the tool at index 1 has no name; every tool needs a non-empty string "name".
      "
    `);
  });

  it("reads the server's tags: a transfer on a payments server moves money", () => {
    const transfer = [{ name: "create_transfer", description: "Create a transfer.", inputSchema: { type: "object", properties: { destination: { type: "string" } } } }];
    const plain = JSON.parse(run(["-"], JSON.stringify(transfer)).stdout) as { category: string }[];
    const tagged = JSON.parse(run(["-", "--tags", "payments,finance"], JSON.stringify(transfer)).stdout) as { category: string }[];
    expect([plain[0]?.category, tagged[0]?.category]).toEqual(["Write", "Financial"]);
  });

  it("drops the server's name from the front of tool names given --server", () => {
    const prefixed = [{ name: "acme_delete_widget", inputSchema: { type: "object" } }];
    const { status, stdout } = run(["-", "--server", "acme"], JSON.stringify(prefixed));
    expect(status).toBe(0);
    const [verdict] = JSON.parse(stdout) as { category: string; signals: { evidence: string; effect: string }[] }[];
    expect(verdict?.category).toBe("Destructive");
    expect(verdict?.signals.some((s) => s.effect === "a namespace, ignored" && s.evidence.includes("acme"))).toBe(true);
  });

  it("exits 2 naming the option when --tags is empty", () => {
    const { status, stderr } = run(["-", "--tags", " , "], "[]");
    expect(status).toBe(2);
    expect(stderr.split("\n")[0]).toBe("--tags: expected a comma-separated list of words such as payments,database, got an empty value.");
  });

  it("exits 2 with usage when no file is given", () => {
    const { status, stderr } = run([]);
    expect(status).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "usage: npm run --silent classify -- FILE [--server NAME] [--tags a,b]   (FILE is a JSON array of MCP tools or a tools/list result; - reads stdin)
      "
    `);
  });
});
