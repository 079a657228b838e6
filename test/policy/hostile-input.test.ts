import { describe, expect, it } from "vitest";
import { parsePolicy, validatePolicy } from "../../src/policy/index.ts";

const aliasBomb = [
  'version: "1"',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`),
].join("\n");

let seed = 42;
const junk = Array.from({ length: 200_000 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256)).join("");

// How fast each answer comes is bench:playground's to measure (its worst-case row); here, that it comes and says what is wrong.
describe("hostile input gets a clear error, never a crash or a hang", () => {
  it.each<[string, string, RegExp]>([
    ["an alias bomb", aliasBomb, /expands to more than 20,000 values \(aliases repeating aliases\?; this checker.s own limit, not the proxy.s\)/],
    ["a map of 25,000 keys, no alias in it", `version: "1"\ntools:\n${Array.from({ length: 25_000 }, (_, i) => `  t${i}: {}\n`).join("")}`, /^YAML holds more than 20,000 values \(this checker's own limit, not the proxy's\); a policy has a few hundred$/m],
    ["10,000 nested flow lists", `version: "1"\ntools: ${"[".repeat(10_000)}${"]".repeat(10_000)}`, /nest more than 256 levels/],
    ["10,000 nested block lists", `version: "1"\ntools:\n${"- ".repeat(10_000)}x\n`, /nest more than 256 levels/],
    ["nesting just under the raw limit but deeper than a policy", `version: "1"\nx: ${"[".repeat(200)}${"]".repeat(200)}\n`, /nests more than 64 levels deep/],
    ["a 5 MB file", `version: "1"\ndescription: "${"x".repeat(5_000_000)}"\n`, /more than the 1,000,000 a policy may have/],
    ["binary junk", junk, /not a YAML text file: control character U\+/],
    ["an anchor that contains itself", `version: "1"\ntools: &t\n  a: *t\n`, /./],
  ])("%s", (_name, text, message) => {
    const result = validatePolicy(text);
    expect(result.valid).toBe(false);
    expect(result.findings[0]).toMatchObject({ severity: "error", line: expect.any(Number), column: expect.any(Number) });
    expect(result.findings.map((f) => f.message).join("\n")).toMatch(message);
  });

  it.each<[string, string]>([
    ["a value nested 300 levels deep", `version: "1"\ndescription: ${"[".repeat(300)}${"]".repeat(300)}\n`],
    ["a 10,001-tool policy", `version: "1"\ntools:\n${Array.from({ length: 10_001 }, (_, i) => `  t${i}:\n    rules: []\n`).join("")}`],
    ["a policy of 1,000,001 characters", `version: "1"\ndescription: "${"x".repeat(1_000_000)}"\n`],
    ["an alias bomb", aliasBomb],
  ])("%s is marked as past this checker's own limit, not as a file the proxy refuses", (_name, text) => {
    const [finding] = validatePolicy(text).findings;
    expect(finding).toMatchObject({ severity: "error", ownLimit: true });
    expect(finding?.message).toContain("this checker's own limit, not the proxy's");
  });

  it.each<[string, string]>([
    ["binary junk", junk],
    ["a duplicate key", 'version: "1"\nversion: "1"\n'],
    ["a wrong version", 'version: "2"\n'],
  ])("%s is an error of the file itself, with no own-limit mark", (_name, text) => {
    const findings = validatePolicy(text).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => f.ownLimit)).toBe(false);
  });

  it("parsePolicy never throws, even on text that is not a string", () => {
    expect(() => parsePolicy(undefined as unknown as string)).not.toThrow();
    expect(parsePolicy(undefined as unknown as string).findings[0]?.message).toBe("expected the policy as text");
  });
});
