import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDefinitionError, loadDefinitions, parseDefinition } from "../../src/catalog/load-definitions.ts";

const valid = `---
name: Example
summary: An example server.
homepage: https://example.org
repository: https://example.org/repo
package:
  registry: npm
  name: example-mcp
  version: 1.2.3
args: ["--flag"]
env:
  EXAMPLE_TOKEN: "\${EXAMPLE_TOKEN}"
tags: [files]
---
Editorial body.
`;

/** Replaces one front-matter line of the valid definition. */
const withLine = (from: string, to: string) => valid.replace(from, to);

function errorsOf(text: string, file = "catalog/servers/example.md"): string[] {
  const result = parseDefinition(text, file);
  return "errors" in result ? result.errors.map(formatDefinitionError) : [];
}

describe("parseDefinition", () => {
  it("a valid definition gives its id from the file name, its defaults and its body", () => {
    const result = parseDefinition(valid, "catalog/servers/example.md");
    expect("definition" in result && result.definition).toMatchObject({
      id: "example",
      transport: "stdio",
      args: ["--flag"],
      env: { EXAMPLE_TOKEN: "${EXAMPLE_TOKEN}" },
      overrides: {},
      installScripts: false,
      body: "Editorial body.",
    });
  });

  it("a package definition may opt in to its install scripts", () => {
    const result = parseDefinition(withLine("tags: [files]", "tags: [files]\ninstallScripts: true"), "catalog/servers/example.md");
    expect("definition" in result && result.definition.transport === "stdio" && result.definition.installScripts).toBe(true);
  });

  it.each([
    ["a YAML error", withLine("tags: [files]", "tags: [files"), ["catalog/servers/example.md:13: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"]],
    ["an unknown field", withLine("tags: [files]", "tags: [files]\nrate-limit: 5"), ["catalog/servers/example.md:14: rate-limit: unknown field (a misspelt field would otherwise be ignored)"]],
    ["a wrong type", withLine("summary: An example server.", "summary: [a, b]"), ["catalog/servers/example.md:3: summary: expected string, got array"]],
    ["a missing required field", withLine("name: Example\n", ""), ["catalog/servers/example.md:2: name: required, expected string"]],
    ["a version range instead of a pin", withLine("version: 1.2.3", "version: ^1.2.3"), ["catalog/servers/example.md:9: package.version: an exact version such as 1.2.3 (no ranges, no tags)"]],
    ["a registry other than npm", withLine("registry: npm", "registry: pypi"), ['catalog/servers/example.md:7: package.registry: expected "npm", got "pypi"']],
    ["missing launch information", withLine("package:\n  registry: npm\n  name: example-mcp\n  version: 1.2.3\n", ""), ["catalog/servers/example.md:2: package: a stdio server needs `package` (launched by its bin) or `command`"]],
    ["both bin and command", withLine("args:", "bin: example\ncommand: node\nargs:"), ["catalog/servers/example.md:11: command: give `bin` (a bin of `package`) or `command`, not both"]],
    ["an HTTP server without a url", withLine("args: [\"--flag\"]\nenv:\n  EXAMPLE_TOKEN: \"${EXAMPLE_TOKEN}\"\n", "transport: sse\n"), ["catalog/servers/example.md:2: url: required, expected string"]],
    ["an unknown transport", withLine("args:", "transport: websocket\nargs:"), ['catalog/servers/example.md:10: transport: expected "stdio", got "websocket"']],
    ["an env name that is not a variable name", withLine("EXAMPLE_TOKEN:", "EXAMPLE-TOKEN:"), ["catalog/servers/example.md:12: env.EXAMPLE-TOKEN: an environment variable name"]],
    ["an override without a note", withLine("tags: [files]", "tags: [files]\noverrides:\n  delete_all: { risk: Critical }"), ['catalog/servers/example.md:15: overrides.delete_all.note: required, expected string']],
    ["an override with an unknown category", withLine("tags: [files]", "tags: [files]\noverrides:\n  t: { category: Dangerous, note: why }"), ['catalog/servers/example.md:15: overrides.t.category: expected one of "Read", "Write", "Execute", "Destructive", "Financial", got "Dangerous"']],
    ["a duplicate key", withLine("tags: [files]", "tags: [files]\nname: Again"), ["catalog/servers/example.md:14: front matter is not valid YAML: Map keys must be unique"]],
    ["install scripts allowed by a word", withLine("tags: [files]", "tags: [files]\ninstallScripts: yes"), ['catalog/servers/example.md:14: installScripts: expected boolean, got string']],
    ["install scripts for a command", withLine("args:", "command: node\ninstallScripts: true\nargs:"), ["catalog/servers/example.md:11: installScripts: `installScripts` applies to a `package` launched by its bin; a `command` is not installed"]],
    ["no front matter", "Just a body.\n", ["catalog/servers/example.md:1: expected front matter between --- lines at the top of the file"]],
  ])("%s is reported with file, line, field and what was expected", (_, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it("a body that still holds the add-server template is refused at the marker's line, as an untouched template", () => {
    const text = valid.replace("Editorial body.", "Editorial body.\n\nTODO(add-server): the trial crawl listed 2 tools: a, b.");
    const result = parseDefinition(text, "catalog/servers/example.md");
    expect("errors" in result && result.errors).toEqual([
      {
        file: "catalog/servers/example.md",
        line: 17,
        field: "body",
        message: "still the add-server template: write your own description of the server, then delete every TODO(add-server) line",
        kind: "untouched-template",
      },
    ]);
  });

  it("a summary that is still add-server's marked line is refused at its line", () => {
    expect(errorsOf(withLine("summary: An example server.", "summary: \"TODO(add-server): one sentence on what the server is for\""))).toEqual([
      "catalog/servers/example.md:3: summary: still the add-server template: write one sentence on what the server is for",
    ]);
  });

  it("the marker inside the front matter's other fields is not a template body", () => {
    expect(errorsOf(withLine("tags: [files]", "tags: [files]\noverrides:\n  t: { risk: Low, note: \"TODO(add-server) was here\" }"))).toEqual([]);
  });

  it("a file name that is not a safe slug is refused", () => {
    expect(errorsOf(valid, "catalog/servers/../Evil Name.md")).toEqual([
      'catalog/servers/../Evil Name.md: the file name "Evil Name" is not a safe server id: expected a slug of lower-case letters, digits and single hyphens',
    ]);
  });

  it("an alias bomb in front matter is refused, not expanded", () => {
    const bomb = `---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n`;
    expect(errorsOf(bomb)[0]).toMatch(/front matter could not be read: .*alias/i);
  });
});

describe("loadDefinitions", () => {
  it("keeps the good definitions and reports the bad ones, in file-name order", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "definitions-")), "servers");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "b-good.md"), valid);
    writeFileSync(path.join(dir, "a-bad.md"), withLine("summary: An example server.", "summary: 5"));
    writeFileSync(path.join(dir, "notes.txt"), "not a definition");
    const loaded = await loadDefinitions(dir);
    expect(loaded.definitions.map((d) => d.id)).toEqual(["b-good"]);
    expect(loaded.errors.map(formatDefinitionError)).toEqual([`${path.join(dir, "a-bad.md")}:3: summary: expected string, got number`]);
  });

  it("a missing folder is an error naming it", async () => {
    await expect(loadDefinitions("/nonexistent/servers")).rejects.toThrow("cannot read the server definitions folder /nonexistent/servers");
  });
});
