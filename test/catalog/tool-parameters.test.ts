import { describe, expect, it } from "vitest";
import { summarizeType, toolParameters } from "../../src/catalog/tool-parameters.ts";

describe("summarizeType", () => {
  it.each([
    [{ type: "string" }, "string"],
    [{ type: "array", items: { type: "number" } }, "number[]"],
    [{ type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }] } }, "(string | number)[]"],
    [{ enum: ["asc", "desc"] }, '"asc" | "desc"'],
    [{ type: ["string", "null"] }, "string | null"],
    [{ oneOf: [{ type: "string" }, { type: "string" }] }, "string"],
    [{}, "any"],
    ["not a schema", "any"],
    [{ enum: Array.from({ length: 10 }, (_, i) => `v${i}`) }, '"v0" | "v1" | "v2" | "v3" | "v4" | "v5" | …'],
  ])("%j reads as %s", (schema, summary) => {
    expect(summarizeType(schema)).toBe(summary);
  });
});

describe("toolParameters", () => {
  it("lists top-level properties in order with required marks and descriptions", () => {
    const parameters = toolParameters({
      name: "t",
      inputSchema: {
        type: "object",
        properties: { path: { type: "string", description: "Where" }, force: { type: "boolean", description: "  " } },
        required: ["path", "missing"],
      },
    });
    expect(parameters).toEqual([
      { name: "path", type: "string", required: true, description: "Where" },
      { name: "force", type: "boolean", required: false },
    ]);
  });

  it.each([
    [{ type: "object" }],
    [{ type: "object", properties: [] }],
    [{ type: "object", properties: null }],
  ])("a schema without usable properties (%j) has no parameters", (inputSchema) => {
    expect(toolParameters({ name: "t", inputSchema })).toEqual([]);
  });
});
