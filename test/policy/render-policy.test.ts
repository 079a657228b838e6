import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { operators, parsePolicy, renderPolicy, windows, type Policy } from "../../src/policy/index.ts";

const text = fc.string({ unit: "binary", maxLength: 20 });
const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)));
const rule = fc.record(
  {
    name: text,
    action: fc.constantFrom("evaluate", "deny", "require_approval"),
    rate_limit: fc.constantFrom("5/hour", "60/minute"),
    conditions: fc.array(fc.record({ path: text, op: fc.constantFrom(...operators), value: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })) }, { requiredKeys: ["path", "op"] }), { maxLength: 2 }),
    approval_timeout: fc.constantFrom("10m", "2h"),
    on_deny: text,
    state: fc.record({ counter: text, window: fc.constantFrom(...windows), increment: fc.integer({ min: 1, max: 5 }), increment_from: text }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const policy: fc.Arbitrary<Policy> = fc.record(
  {
    version: fc.constantFrom("1", "1.0", "2"),
    description: text,
    default: fc.constantFrom("allow", "deny"),
    hide: fc.array(text, { maxLength: 3 }),
    tools: fc.dictionary(text, fc.record({ rules: fc.array(rule, { maxLength: 3 }) }, { requiredKeys: [] }), { maxKeys: 4 }),
  },
  { requiredKeys: [] },
);

describe("rendering", () => {
  it("parsing a rendered policy gives the same policy, whatever the names hold", () => {
    fc.assert(
      fc.property(policy, (p) => {
        const parsed = parsePolicy(renderPolicy(p, { comments: Object.fromEntries(Object.keys(p.tools ?? {}).map((k) => [k, `about ${k}\nnext line`])) }));
        expect(parsed.findings).toEqual([]);
        expect(parsed.policy).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  it.each(['quote"d', "colon: here", "<script>alert(1)</script>", "工具\u202e", "line\nbreak # x", "__proto__", "*", "- item", "&anchor", "!tag"])(
    "a tool named %j survives rendering and parsing",
    (name) => {
      const p: Policy = { version: "1", tools: Object.defineProperty({}, name, { value: { rules: [] }, enumerable: true }) };
      const text = renderPolicy(p, { comments: { [name]: `why ${name}` } });
      expect(Object.keys(parsePolicy(text).policy.tools ?? {})).toEqual([name]);
    },
  );

  it("writes keys in a fixed order, tools in code-point order and \"*\" last, with a comment per tool", () => {
    const p: Policy = {
      tools: { "*": { rules: [] }, b: { rules: [{ on_deny: "no", action: "deny", name: "stop" }] }, a: {} },
      default: "deny",
      version: "1",
    };
    expect(renderPolicy(p, { comments: { b: "Destructive, Critical risk. Why." } })).toMatchInlineSnapshot(`
      "version: "1"
      default: deny
      tools:
        a: {}
        # Destructive, Critical risk. Why.
        b:
          rules:
            - name: stop
              action: deny
              on_deny: "no"
        "*":
          rules: []
      "
    `);
  });
});
