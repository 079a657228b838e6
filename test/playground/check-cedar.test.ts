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
