import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { describe, expect, it } from "vitest";
import { checkCedar } from "../../src/playground/check-cedar.ts";
import { recommendRule, renderCedar } from "../../src/policy/index.ts";
import { schemas } from "../policy/cedar-engine.ts";

const check = (text: string, target: "toolhive" | "docker" | "detect") => checkCedar(cedar, { id: 1, text, target });

describe("checkCedar", () => {
  it("validates against the same schema files the renderer's tests use", async () => {
    const { cedarSchemas } = await import("../../src/playground/check-cedar.ts");
    expect(cedarSchemas).toEqual(schemas);
  });

  it("detects Docker from MCP:: names and validates against Docker's schema", () => {
    const reply = check('forbid (principal, action == MCP::Action::"invokeTool", resource) when { resource.name == "rm" };\n', "detect");
    expect(reply).toMatchObject({ target: "docker", targetFrom: "detected", valid: true, findings: [] });
  });

  it("rejects a ToolHive policy checked against the Docker schema the user chose", () => {
    const reply = check('permit (principal, action == Action::"call_tool", resource == Tool::"x");\n', "docker");
    expect(reply.valid).toBe(false);
    expect(reply.targetFrom).toBe("chosen");
    expect(reply.findings.find((f) => f.severity === "error")).toMatchObject({ line: 1, message: expect.stringContaining("unrecognized action") });
  });

  it("assumes ToolHive and says so when the text names neither target", () => {
    const reply = check("permit (principal, action, resource);\n", "detect");
    expect(reply).toMatchObject({ target: "toolhive", targetFrom: "assumed", valid: true });
  });

  it("warns that an empty policy set denies every call", () => {
    const reply = check("// nothing yet\n", "toolhive");
    expect(reply.valid).toBe(true);
    expect(reply.findings).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringContaining("denies every call") })]);
  });

  it.each(["toolhive", "docker"] as const)("accepts what the %s renderer writes", (target) => {
    const tools = [
      { name: "delete_file", parameters: [], verdict: { category: "Destructive", risk: "Critical", flags: [] } },
      { name: "send_email", parameters: [], verdict: { category: "Write", risk: "High", flags: [] } },
    ] as const;
    const { policies } = renderCedar(tools.map((t) => recommendRule({ ...t, parameters: [], verdict: { ...t.verdict, flags: [] } })), target);
    expect(check(policies, "detect")).toMatchObject({ target, targetFrom: "detected", valid: true, findings: [] });
  });
});

it("opens the playground's Cedar mode with an example ToolHive's schema accepts as it stands", async () => {
  const { exampleCedar } = await import("../../src/playground/example-cedar.ts");
  expect(check(exampleCedar, "detect")).toMatchObject({ target: "toolhive", targetFrom: "detected", valid: true, findings: [] });
});

describe("a pasted ToolHive config", () => {
  const config = (items: string) => `# ToolHive authorizer\nversion: "1.0"\ntype: cedarv1\ncedar:\n  policies:\n${items}  entities_json: "[]"\n`;

  it("is checked by its cedar.policies, and detected as ToolHive's", () => {
    const reply = check(config(`    - 'permit (principal, action == Action::"call_tool", resource == Tool::"read_file");'\n`), "detect");
    expect(reply).toMatchObject({ target: "toolhive", targetFrom: "detected", config: true, valid: true, findings: [] });
  });

  it.each([
    ["a double-quoted item with escapes", `    - "@id(\\"a\\") permit (principal, action == Action::\\"call_tol\\", resource);"\n`, 7, 48],
    ["a single-quoted item", `    - 'permit (principal, action == Action::"call_tol", resource);'\n`, 7, 37],
    ["a plain item", `    - permit (principal, action == Action::"call_tol", resource);\n`, 7, 36],
    ["a | block", `    - |\n      @id("b")\n      permit (principal,\n        action == Action::"call_tol", resource);\n`, 10, 19],
  ])("places the engine's error inside %s at its line and column in the config", (_form, items, line, column) => {
    const text = config(`    - 'permit (principal, action == Action::"call_tool", resource);'\n${items}`);
    const reply = check(text, "detect");
    const error = reply.findings.find((f) => f.severity === "error");
    expect(error).toMatchObject({ path: "cedar.policies[1]", line, column, message: expect.stringContaining('unrecognized action `Action::"call_tol"`') });
    expect(text.split("\n")[line - 1]!.slice(column - 1)).toMatch(/^Action::\\?"call_tol/);
  });

  it("places a policy written in a folded form at its item", () => {
    const reply = check(config(`    - >\n      permit (principal,\n      action == Action::"call_tol", resource);\n`), "detect");
    expect(reply.findings.find((f) => f.severity === "error")).toMatchObject({ path: "cedar.policies[0]", line: 6, column: 7 });
  });

  it("reports a config without cedar.policies, and YAML it cannot read, at their places", () => {
    expect(check('version: "1.0"\ntype: cedarv1\ncedar: {}\n', "detect").findings).toEqual([expect.objectContaining({ severity: "error", path: "cedar.policies", message: expect.stringContaining("none were found") })]);
    expect(check('type: cedarv1\ncedar:\n  policies: [\n', "detect").findings[0]).toMatchObject({ severity: "error", message: expect.stringMatching(/^YAML: /) });
  });

  it.each(["toolhive", "docker"] as const)("accepts the %s file the renderer writes for a server, as it stands", (target) => {
    const tools = [
      { name: "read_file", parameters: [], verdict: { category: "Read", risk: "Low", flags: [] } },
      { name: 'quote"d \\ ünï', parameters: [], verdict: { category: "Destructive", risk: "Critical", flags: [] } },
    ] as const;
    const { file, policies } = renderCedar(tools.map((t) => recommendRule({ ...t, parameters: [], verdict: { ...t.verdict, flags: [] } })), target, { default: "allow" });
    // ToolHive's file is its config; Docker's is Cedar text with comments.
    expect(check(file, "detect")).toMatchObject({ target, valid: true, config: target === "toolhive" });
    expect(check(policies, "detect")).toMatchObject({ target, valid: true, config: false });
  });
});
