import { describe, expect, it } from "vitest";
import { validatePolicy } from "../../src/policy/index.ts";
import { MAX_LIST_CHARS, readToolList } from "../../src/scan/read-tool-list.ts";
import { secretRedactor } from "../../src/scan/redact-secrets.ts";
import { decodeScanFragment, encodeScanState } from "../../src/scan/scan-state.ts";
import { scanPolicyYaml, scanTools } from "../../src/scan/scanned-tools.ts";
import { scanTable } from "../../src/scan/scan-table.ts";

const tool = (name: string, description = "Reads a record.") => ({ name, description, inputSchema: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } });

describe("readToolList", () => {
  it.each([
    ["a tools/list result", JSON.stringify({ tools: [tool("a")] }), 1],
    ["a bare array", JSON.stringify([tool("a"), tool("b")]), 2],
    ["scan --json output", JSON.stringify({ server: { name: "Acme" }, tools: [tool("a")], verdicts: [] }), 1],
  ])("reads %s", (_, text, count) => {
    const read = readToolList(text);
    expect(read.ok && read.tools.length).toBe(count);
  });

  it.each([
    ["", "Nothing to read."],
    ["{", "Not JSON ("],
    ["42", "Not a tool list: the JSON is a number."],
    ['{"items": []}', 'Not a tool list: the JSON is an object without a "tools" array.'],
    ["[1, 2]", "Not a tool list: none of its 2 items is a tool (item 0: the item: Expected object, received number)."],
  ])("refuses %j with a message saying what was expected", (text, start) => {
    const read = readToolList(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message.startsWith(start)).toBe(true);
  });

  it("refuses a text over the limit, naming the limit", () => {
    const read = readToolList(" ".repeat(MAX_LIST_CHARS + 1));
    expect(read).toEqual({ ok: false, message: "Too large: 32,000,001 characters, more than the 32,000,000 this page reads." });
  });

  it("drops malformed items and repeated names with their index and keeps the rest", () => {
    const read = readToolList(JSON.stringify([tool("a"), { name: "no_schema" }, tool("a"), tool("b")]));
    expect(read.ok && read.tools.map((t) => t.name)).toEqual(["a", "b"]);
    expect(read.ok && read.dropped).toEqual([
      { index: 1, reason: "inputSchema: Required" },
      { index: 2, reason: "a second tool with the same name" },
    ]);
    expect(read.ok && read.serverName).toBeUndefined();
  });
});

describe("the scan's verdicts and policy", () => {
  const hostile = ["__proto__", "file.read", 'say "hi"', "# not a comment", "delete_everything", "<b>x</b>"];
  const scanned = scanTools(hostile.map((name) => tool(name, name === "delete_everything" ? "Permanently deletes every repository." : undefined)));

  it("reads the server's tags, so a transfer on a payments server moves money", () => {
    const transfer = { name: "create_transfer", description: "Creates a transfer between two accounts.", inputSchema: { type: "object", properties: { amount: { type: "number" } }, required: ["amount"] } };
    expect(scanTools([transfer])[0]!.verdict.category).toBe("Write");
    expect(scanTools([transfer], { tags: ["payments"] })[0]!.verdict.category).toBe("Financial");
  });

  it("sorts the highest risk first", () => {
    expect(scanned[0]!.tool.name).toBe("delete_everything");
  });

  it("renders a policy the validator accepts whatever the names hold, with a comment above every tool", () => {
    for (const posture of ["allow", "deny"] as const) {
      const yaml = scanPolicyYaml(scanned, { default: posture, serverName: "Acme" });
      const validation = validatePolicy(yaml, { tools: hostile });
      expect(validation.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(validation.policy.default).toBe(posture);
      expect(yaml.match(/Classified with (high|moderate|low) confidence\./g)).toHaveLength(hostile.length);
    }
  });

  it("writes a table whose names pass through the caller's cleaning", () => {
    const table = scanTable(scanned, (text) => text.replace(/[<>]/g, "?"));
    expect(table.split("\n")[0]).toMatch(/^tool\s+category\s+risk\s+confidence\s+parameters\s+flags$/);
    expect(table).toContain("?b?x?/b?");
  });
});

describe("secretRedactor", () => {
  it.each([
    ["token tok-12345 leaked", "token [TOKEN] leaked"],
    ['json "tok-12345"', 'json "[TOKEN]"'],
    ["a \\\"quoted\\\" pass", "a [PASS] pass"],
    ["debug 1 stays", "debug 1 stays"],
  ])("turns %j into %j", (text, expected) => {
    expect(secretRedactor({ TOKEN: "tok-12345", PASS: '"quoted"', DEBUG: "1" })(text)).toBe(expected);
  });
});

describe("the scan page's link state", () => {
  it("gives back the tools and the builder's choices it was given", async () => {
    const state = { tools: [tool("a")], choices: { default: "deny" as const, cap: { count: 50, window: "minute" as const }, rows: [["a", { action: "deny" as const, count: 60, window: "minute" as const, timeout: "10m" }]] as Array<[string, { action: "deny"; count: number; window: "minute"; timeout: string }]> } };
    const encoded = await encodeScanState(state);
    expect(encoded.ok).toBe(true);
    expect(encoded.ok && (await decodeScanFragment(encoded.hash))).toEqual({ ok: true, state });
  });

  it.each([
    [{ default: "maybe", rows: [] }, "bad builder choices"],
    [{ default: "allow", rows: [["a", { action: "explode", count: 1, window: "minute", timeout: "10m" }]] }, "bad builder row"],
    [{ default: "allow", cap: { count: 0, window: "minute" }, rows: [] }, "bad cap on all calls"],
  ])("refuses choices it did not write (%j)", async (choices, why) => {
    const encoded = await encodeScanState({ tools: [], choices: choices as never });
    expect(encoded.ok && (await decodeScanFragment(encoded.hash))).toEqual({ ok: false, message: `The link's state could not be read (${why}); paste the tool list again.` });
  });

  it("says how large a list is when it does not fit in a link", async () => {
    // Random names do not compress: 40,000 tools of 16 random characters pass 200,000 characters.
    const tools = Array.from({ length: 40_000 }, (_, i) => tool(`${i}_${Math.random().toString(36).slice(2, 12)}`));
    const encoded = await encodeScanState({ tools });
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.message).toMatch(/^This list is too large to keep in the page's link: compressed, it takes [\d,]+ characters, more than the 200,000 a link holds\./);
  });
});
