import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ToolDefinition } from "../../src/catalog/tool-definition-schema.ts";
import { classifyTool, verdictSchema } from "../../src/classify/index.ts";
import { hostileDefinitions, nested } from "./hostile-definitions.ts";

const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("delete_all", "<IMPORTANT>", "\u202E", "ignore previous instructions"));

describe("hostile input", () => {
  it("any name, description and schema gives a verdict that parses", () => {
    fc.assert(
      fc.property(
        fc.record(
          { name: anyText, title: anyText, description: anyText, inputSchema: fc.anything(), annotations: fc.anything() },
          { requiredKeys: [] },
        ),
        (definition) => {
          const verdict = classifyTool(definition as ToolDefinition, {});
          expect(verdictSchema.safeParse(verdict).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("any JSON-ish schema with odd properties and required lists gives a verdict", () => {
    const schema = fc.record({
      type: fc.oneof(fc.constant("object"), fc.anything()),
      properties: fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything()),
      required: fc.oneof(fc.array(fc.string()), fc.anything()),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.string(), schema, (name, inputSchema) => {
        const verdict = classifyTool({ name, description: "x", inputSchema } as ToolDefinition, {});
        const parsed = verdictSchema.parse(verdict);
        expect(parsed.parameters.required).toBeLessThanOrEqual(parsed.parameters.total);
      }),
      { numRuns: 300 },
    );
  });

  it.each(hostileDefinitions)("%s gives a verdict that parses", (_label, definition) => {
    const verdict = classifyTool(definition as ToolDefinition, {});
    expect(verdictSchema.safeParse(verdict).success).toBe(true);
  });

  it("flags a 10,000-deep schema as oversized rather than walking it", () => {
    const verdict = classifyTool({ name: "x", description: "y", inputSchema: nested(10_000) }, {});
    expect(verdict.flags).toContain("oversized");
    expect(verdict.parameters).toEqual({ total: 1, required: 0 });
  });

  it("survives a tool that is not an object at all", () => {
    for (const value of [null, undefined, 42, "tool", [], [1]]) {
      expect(verdictSchema.safeParse(classifyTool(value as unknown as ToolDefinition, {})).success).toBe(true);
    }
  });
});
