import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { writeBlock, yamlString } from "../../src/policy/yaml-writer.ts";

const render = (value: Record<string, unknown>) => {
  const lines: string[] = [];
  writeBlock(lines, "", value);
  return `${lines.join("\n")}\n`;
};

const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ unit: "binary", maxLength: 8 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

describe("the YAML writer", () => {
  it.each([
    ["stop", "stop"],
    ["5/hour", "5/hour"],
    ["args.amount", "args.amount"],
    ["A person must approve this call, before it runs.", "A person must approve this call, before it runs."],
    ["no", '"no"'],
    ["Off", '"Off"'],
    ["y", '"y"'],
    ["null", '"null"'],
    ["1", '"1"'],
    ["1.0", '"1.0"'],
    ["1_000", '"1_000"'],
    ["1e5", '"1e5"'],
    ["0x1f", '"0x1f"'],
    ["12:30", '"12:30"'],
    ["2026-01-01", '"2026-01-01"'],
    ["", '""'],
    ["trailing ", '"trailing "'],
    ["*", '"*"'],
    ["- item", '"- item"'],
    ["key: value", '"key: value"'],
    ["a # comment", '"a # comment"'],
    ['say "hi"\\', '"say \\"hi\\"\\\\"'],
    ["line\nbreak\ttab", '"line\\nbreak\\ttab"'],
    ["bell\u0007del\u007f", '"bell\\u0007del\\u007F"'],
    ["admin\u202e\u2066txt", '"admin\\u202E\\u2066txt"'],
    ["zero\u200bwidth\ufeff", '"zero\\u200Bwidth\\uFEFF"'],
    ["lone \ud800 surrogate", '"lone \\uD800 surrogate"'],
    ["工具 😀", '"工具 😀"'],
  ])("writes %j as %s", (text, written) => {
    expect(yamlString(text)).toBe(written);
    expect(parse(`k: ${written}`)).toEqual({ k: text });
  });

  it("reads back as the same data under YAML 1.2 and YAML 1.1, whatever the strings hold", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "binary", maxLength: 8 }), json, { maxKeys: 4 }), (value) => {
        const text = render(value);
        const expected = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (Object.is(v, -0) ? 0 : v)));
        const normalise = (data: unknown) => JSON.parse(JSON.stringify(data ?? {}, (_k, v: unknown) => (Object.is(v, -0) ? 0 : v)));
        expect(normalise(parse(text, { version: "1.2", uniqueKeys: false }))).toEqual(expected);
        expect(normalise(parse(text, { version: "1.1", merge: false, uniqueKeys: false }))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("writes nested lists and mappings in block style, empty ones inline", () => {
    expect(render({ a: [1, [2, 3], { b: "x", c: [] }], d: {}, e: { f: null, g: true } })).toMatchInlineSnapshot(`
      "a:
        - 1
        - - 2
          - 3
        - b: x
          c: []
      d: {}
      e:
        f: null
        g: true
      "
    `);
  });
});
