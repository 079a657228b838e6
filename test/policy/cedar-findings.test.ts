import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { describe, expect, it } from "vitest";
import { cedarFindings, detectCedarTarget, positionsOfByteOffsets } from "../../src/policy/cedar-findings.ts";
import { schemas } from "./cedar-engine.ts";

const validate = (target: "toolhive" | "docker", text: string) => cedar.validate({ schema: schemas[target], policies: { staticPolicies: text }, validationSettings: { mode: "strict" } });

describe("positionsOfByteOffsets", () => {
  it.each([
    ["ascii", "ab\ncd", 4, { line: 2, column: 2 }],
    ["after a two-byte character", "é}", 2, { line: 1, column: 2 }],
    ["after an astral character (4 bytes, 2 UTF-16 units)", "😀x\ny", 4, { line: 1, column: 3 }],
    ["on the second line after accents", "ééé\nab", 8, { line: 2, column: 2 }],
    ["past the end", "ab", 10, { line: 1, column: 3 }],
  ])("places a UTF-8 offset %s at its UTF-16 line and column", (_what, text, offset, expected) => {
    expect(positionsOfByteOffsets(text, [offset]).get(offset)).toEqual(expected);
  });
});

describe("cedarFindings", () => {
  it("reports a parse error at the token the engine names, counting columns in UTF-16 after non-ASCII text", () => {
    const text = `// héllo 😀 wörld\npermit (principal, action, resource)\nwhen { resource.name == };\n`;
    const findings = cedarFindings(text, validate("toolhive", text));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 3, column: 25, path: "" });
    expect(findings[0]!.message).toContain("unexpected token `}`");
    expect(text.split("\n")[2]![24]).toBe("}");
  });

  it("reports an action the schema does not have at its line, with the engine's hint", () => {
    const text = `permit (principal, action == Action::"call_tool", resource);\n\nforbid (principal, action == Action::"call_tol", resource);\n`;
    const findings = cedarFindings(text, validate("toolhive", text));
    const error = findings.find((f) => f.severity === "error");
    expect(error).toMatchObject({ line: 3, column: 30, path: "policy1" });
    expect(error!.message).toContain('unrecognized action `Action::"call_tol"`');
    expect(error!.message).toContain('Hint: did you mean `Action::"call_tool"`?');
  });

  it("finds nothing in a policy the Docker schema accepts", () => {
    const text = `@id("deny delete")\nforbid (principal, action == MCP::Action::"invokeTool", resource) when { resource.name == "delete_file" };\n`;
    expect(cedarFindings(text, validate("docker", text))).toEqual([]);
  });
});

describe("detectCedarTarget", () => {
  it.each([
    ['permit (principal, action == MCP::Action::"invokeTool", resource);', "docker"],
    ['permit (principal, action == Action::"call_tool", resource == Tool::"x");', "toolhive"],
    ["permit (principal in THVGroup::\"eng\", action, resource);", "toolhive"],
    ['// not Docker: MCP::Action\npermit (principal, action == Action::"call_tool", resource);', "toolhive"],
    ['permit (principal, action, resource) when { resource.name == "MCP::Tool" };', undefined],
    ['permit (principal, action == MCP::Action::"invokeTool", resource == Tool::"x");', undefined],
  ] as const)("reads %j as %s", (text, expected) => {
    expect(detectCedarTarget(text)).toBe(expected);
  });
});
