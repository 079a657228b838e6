import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validatePolicy } from "../../src/policy/index.ts";

// Real input schemas from the catalog's GitHub server.
const github = JSON.parse(readFileSync(new URL("../../catalog/github.json", import.meta.url), "utf8")) as { tools: Array<{ name: string; definition: { inputSchema: unknown } }> };
const toolSchemas = Object.fromEntries(github.tools.map((t) => [t.name, t.definition.inputSchema]));
const tools = github.tools.map((t) => t.name);

const policyWith = (tool: string, condition: string) => `version: "1"
tools:
  ${tool}:
    rules:
      - name: "check"
        conditions:
${condition}
`;

function warningsOf(text: string) {
  return validatePolicy(text, { tools, toolSchemas }).findings.filter((f) => f.severity === "warning");
}

describe("args.* paths checked against the chosen server's input schemas", () => {
  it("a misspelt argument is a warning at its line naming the closest parameter", () => {
    const text = policyWith("push_files", `          - path: args.brnach\n            op: eq\n            value: main`);
    const [finding, ...rest] = warningsOf(text);
    expect(rest).toEqual([]);
    expect(finding?.line).toBe(7);
    expect(finding?.message).toContain('"push_files" takes no argument "brnach"');
    expect(finding?.message).toContain("did you mean `branch`?");
  });

  it("an argument the tool takes, compared as its type allows, raises nothing", () => {
    expect(warningsOf(policyWith("push_files", `          - path: args.branch\n            op: eq\n            value: main`))).toEqual([]);
    expect(warningsOf(policyWith("add_issue_comment", `          - path: args.issue_number\n            op: lt\n            value: 100`))).toEqual([]);
  });

  it("a numeric comparison on a string parameter is a warning", () => {
    const [finding] = warningsOf(policyWith("push_files", `          - path: args.branch\n            op: gt\n            value: 3`));
    expect(finding?.message).toBe(`args.branch is string in "push_files"'s input schema, and gt compares numbers only, so the proxy fails this condition for every call`);
  });

  it("a regex on a numeric parameter is a warning", () => {
    const [finding] = warningsOf(policyWith("add_issue_comment", `          - path: args.issue_number\n            op: regex\n            value: "^1"`));
    expect(finding?.message).toContain("regex matches strings only");
  });

  it("without schemas, or under \"*\", no argument is checked", () => {
    const text = policyWith("push_files", `          - path: args.brnach\n            op: eq\n            value: main`);
    expect(validatePolicy(text, { tools }).findings).toEqual([]);
    expect(warningsOf(policyWith('"*"', `          - path: args.brnach\n            op: eq\n            value: main`))).toEqual([]);
  });

  it("a counter counting by a string argument is a warning at increment_from", () => {
    const text = `version: "1"
tools:
  push_files:
    rules:
      - name: "spend"
        conditions:
          - path: state.push_files.spend
            op: lte
            value: 10
        state:
          counter: spend
          window: day
          increment_from: args.message
`;
    const [finding] = warningsOf(text);
    expect(finding?.line).toBe(13);
    expect(finding?.message).toContain("a counter counts by a number");
  });
});
