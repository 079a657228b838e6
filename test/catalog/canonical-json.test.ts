import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonByLoop } from "../../src/catalog/canonical-json.ts";

/** The obvious recursive definition, to compare the loop against. */
function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** A small deterministic generator of JSON-like values, with undefined in places JSON drops it. */
function randomValue(seed: { n: number }, depth: number): unknown {
  seed.n = (seed.n * 1103515245 + 12345) % 2 ** 31;
  const pick = seed.n % (depth > 4 ? 5 : 8);
  switch (pick) {
    case 0: return null;
    case 1: return seed.n % 3 === 0 ? "a \"quoted\"\n\u2028 ✓" : `s${seed.n % 97}`;
    case 2: return (seed.n % 2001) / 7 - 100;
    case 3: return seed.n % 2 === 0;
    case 4: return undefined;
    case 5: return Array.from({ length: seed.n % 4 }, () => randomValue(seed, depth + 1));
    default: {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < seed.n % 5; i++) record[["b", "a", "é", "Z", "10", "2", ""][(seed.n + i) % 7]!] = randomValue(seed, depth + 1);
      return record;
    }
  }
}

describe("canonical JSON", () => {
  it("writes the same bytes as JSON.stringify over sorted keys, at every indent", () => {
    const seed = { n: 7 };
    for (let i = 0; i < 500; i++) {
      const value = { root: randomValue(seed, 0), list: [randomValue(seed, 0), undefined, randomValue(seed, 0)] };
      for (const indent of [0, 2]) {
        const expected = JSON.stringify(sortKeysDeep(value), null, indent);
        expect(canonicalJson(value, indent)).toBe(expected);
        expect(canonicalJsonByLoop(value, indent)).toBe(expected);
      }
    }
  });

  it("sorts keys by code point, not by locale", () => {
    expect(canonicalJson({ b: 1, a: 2, Z: 3, é: 4 })).toBe('{"Z":3,"a":2,"b":1,"é":4}');
  });

  it("writes a value nested 100,000 levels deep without overflowing the stack", () => {
    const root: Record<string, unknown> = {};
    let node = root;
    for (let i = 0; i < 100_000; i++) {
      const child: Record<string, unknown> = {};
      node.a = [child];
      node = child;
    }
    const text = canonicalJson(root);
    expect(text.length).toBe(100_000 * '{"a":['.length + 2 + 100_000 * "]}".length);
    expect(text.startsWith('{"a":[{"a":[')).toBe(true);
  });
});
