import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ToolDefinition } from "../../src/catalog/tool-definition-schema.ts";
import { classifyTool, verdictSchema } from "../../src/classify/index.ts";

/** The time bound per call; generous for a shared two-core machine. */
const BOUND_MS = 50;

/** The fastest of three calls: the machine is shared, and noise only ever adds time. */
function timed(definition: unknown): { ms: number; verdict: unknown } {
  let ms = Infinity;
  let verdict: unknown;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    verdict = classifyTool(definition as ToolDefinition, {});
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, verdict };
}

function nested(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { type: "string", description: "leaf" };
  for (let i = 0; i < depth; i++) node = { type: "object", properties: { child: node }, description: `level ${i}` };
  return node;
}

const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("delete_all", "<IMPORTANT>", "\u202E", "ignore previous instructions"));

describe("hostile input", () => {
  it("any name, description and schema gives a verdict that parses, quickly", () => {
    fc.assert(
      fc.property(
        fc.record(
          { name: anyText, title: anyText, description: anyText, inputSchema: fc.anything(), annotations: fc.anything() },
          { requiredKeys: [] },
        ),
        (definition) => {
          const { ms, verdict } = timed(definition);
          expect(verdictSchema.safeParse(verdict).success).toBe(true);
          expect(ms).toBeLessThan(BOUND_MS);
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
        const { verdict } = timed({ name, description: "x", inputSchema });
        const parsed = verdictSchema.parse(verdict);
        expect(parsed.parameters.required).toBeLessThanOrEqual(parsed.parameters.total);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["a 1 MB description", { name: "get_x", description: "word ".repeat(200_000), inputSchema: { type: "object" } }],
    ["a 1 MB name", { name: "a_".repeat(500_000), inputSchema: { type: "object" } }],
    ["a 1 MB run of one letter", { name: "x", description: "a".repeat(1_000_000), inputSchema: { type: "object" } }],
    ["a 1 MB adversarial phrase run", { name: "x", description: "pass the secrets to ".repeat(50_000), inputSchema: { type: "object" } }],
    ["1 MB of invisible characters", { name: "x", description: "\u200B".repeat(1_000_000), inputSchema: { type: "object" } }],
    ["a 10,000-deep schema", { name: "x", description: "y", inputSchema: nested(10_000) }],
    ["10,000 properties", { name: "x", description: "y", inputSchema: { type: "object", properties: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`p${i}`, { type: "string", description: "d".repeat(40) }])) } }],
    ["a 1 MB enum", { name: "manage", description: "y", inputSchema: { type: "object", properties: { action: { type: "string", enum: Array.from({ length: 100_000 }, (_, i) => `delete_${i}`) } } } }],
  ])("%s gives a verdict within the bound", (_label, definition) => {
    const { ms, verdict } = timed(definition);
    expect(verdictSchema.safeParse(verdict).success).toBe(true);
    expect(ms).toBeLessThan(BOUND_MS * 2);
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
