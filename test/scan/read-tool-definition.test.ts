import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toolDefinitionSchema } from "../../src/catalog/tool-definition-schema.ts";
import { readToolDefinition } from "../../src/scan/read-tool-definition.ts";

/** What the crawler (and so `npm run scan`) makes of an item: the schema's data, or its first issue as the page words it. */
function bySchema(item: unknown): { ok: true; tool: unknown } | { ok: false; reason: string } {
  const parsed = toolDefinitionSchema.safeParse(item);
  if (parsed.success) return { ok: true, tool: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, reason: `${issue.path.join(".") || "the item"}: ${issue.message}` };
}

/** Mostly well-formed values for a field, sometimes anything JSON can hold. */
const sometimes = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
const sha = fc.stringMatching(/^[0-9a-f]{64}$/);
const keyNames = fc.constantFrom("__proto__", "constructor", "type", "properties", "extra", "_meta", "toString");

const item = fc.oneof(
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 9,
    arbitrary: fc.record(
      {
        name: sometimes(fc.string({ maxLength: 4 })),
        title: optional(sometimes(fc.string())),
        description: optional(sometimes(fc.string())),
        inputSchema: sometimes(fc.dictionary(keyNames, fc.jsonValue({ maxDepth: 2 }))),
        outputSchema: optional(sometimes(fc.dictionary(keyNames, fc.jsonValue({ maxDepth: 1 })))),
        annotations: optional(
          sometimes(
            fc.record(
              { title: sometimes(fc.string()), readOnlyHint: sometimes(fc.boolean()), destructiveHint: sometimes(fc.boolean()), idempotentHint: fc.boolean(), openWorldHint: sometimes(fc.boolean()), __proto__: fc.boolean(), vendorHint: fc.jsonValue({ maxDepth: 1 }) },
              { requiredKeys: [] },
            ),
          ),
        ),
        cut: optional(sometimes(fc.record({ sha256: sometimes(sha), notes: sometimes(fc.array(sometimes(fc.string()), { maxLength: 2 })) }, { requiredKeys: [] }))),
        icons: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    ),
  },
);

describe("readToolDefinition", () => {
  it("keeps exactly what the catalog's tool schema keeps, in its key order, and refuses what it refuses with the same first reason", () => {
    fc.assert(
      fc.property(item, (raw) => {
        // Through JSON, as a paste arrives: "__proto__" becomes an own key, as in a real list.
        const value = JSON.parse(JSON.stringify(raw ?? null)) as unknown;
        const page = readToolDefinition(value);
        const cli = bySchema(value);
        expect(page).toEqual(cli);
        if (page.ok && cli.ok) expect(JSON.stringify(page.tool)).toBe(JSON.stringify(cli.tool));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    [4, "the item: Expected object, received number"],
    [{ inputSchema: {} }, "name: Required"],
    [{ name: "", inputSchema: {} }, "name: String must contain at least 1 character(s)"],
    [{ name: "a", inputSchema: [] }, "inputSchema: Expected object, received array"],
    [{ name: "a", inputSchema: {}, annotations: { readOnlyHint: "yes" } }, "annotations.readOnlyHint: Expected boolean, received string"],
    [{ name: "a", inputSchema: {}, cut: { sha256: "x", notes: ["n"] } }, "cut.sha256: Invalid"],
  ])("refuses %j saying %s", (value, reason) => {
    expect(readToolDefinition(value)).toEqual({ ok: false, reason });
  });

  it("drops keys the schema does not know but keeps the annotations' own, and never copies __proto__", () => {
    const value = JSON.parse('{"name":"a","icons":[],"inputSchema":{"__proto__":{"x":1},"type":"object"},"annotations":{"readOnlyHint":true,"vendor":1,"__proto__":{"polluted":true}}}') as unknown;
    const read = readToolDefinition(value);
    expect(read).toEqual({ ok: true, tool: { name: "a", inputSchema: { type: "object" }, annotations: { readOnlyHint: true, vendor: 1 } } });
    // toEqual does not see a prototype: a copied "__proto__" key would have set one.
    expect(read.ok && Object.getPrototypeOf(read.tool.inputSchema)).toBe(Object.prototype);
    expect(read.ok && Object.getPrototypeOf(read.tool.annotations)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
