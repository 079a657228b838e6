import { describe, expect, it } from "vitest";
import { HIGHLIGHTED_CHARACTERS, lineTokens, type PolicyLanguage } from "../../src/playground/line-tokens.ts";

/** Each token as `kind:text`, whitespace-only text tokens left out. */
function shown(line: string, language: PolicyLanguage = "intercept"): string[] {
  return lineTokens(line, language)
    .map((t) => `${t.kind}:${line.slice(t.start, t.end)}`)
    .filter((t) => !/^text:\s*$/.test(t));
}

describe("the editor's line tokens", () => {
  it("colours a key, its colon and a quoted value", () => {
    expect(shown('  version: "1"')).toEqual(["key:version", "punctuation::", 'string:"1"']);
  });

  it("reads a list item's key after the dash", () => {
    expect(shown('      - name: "hourly limit"')).toEqual(["punctuation:-", "key:name", "punctuation::", 'string:"hourly limit"']);
  });

  it("keeps a # inside quotes in the string, and starts a comment only at a # after a space", () => {
    expect(shown('on_deny: "issue #12 # not a comment" # a comment')).toEqual(["key:on_deny", "punctuation::", 'string:"issue #12 # not a comment"', "comment:# a comment"]);
    expect(shown("url: http://x/#frag")).toEqual(["key:url", "punctuation::", "string:http://x/#frag"]);
  });

  it("tells numbers and YAML literals from plain words", () => {
    expect(shown("value: 100")).toEqual(["key:value", "punctuation::", "number:100"]);
    expect(shown("approved: true")).toEqual(["key:approved", "punctuation::", "keyword:true"]);
    expect(shown("rate_limit: 30/minute")).toEqual(["key:rate_limit", "punctuation::", "string:30/minute"]);
  });

  it("splits a flow list into its punctuation and items", () => {
    expect(shown('value: ["a", 2]')).toEqual(["key:value", "punctuation::", "punctuation:[", 'string:"a"', "punctuation:,", "number:2", "punctuation:]"]);
  });

  it("treats a colon without a space after it as part of a word, not a key", () => {
    expect(shown("- http://example.com")).toEqual(["punctuation:-", "string:http://example.com"]);
  });

  it("colours a quoted key and a whole-line comment", () => {
    expect(shown('  "create issue":')).toEqual(['key:"create issue"', "punctuation::"]);
    expect(shown("  # note")).toEqual(["comment:# note"]);
  });

  it("covers every character of the line exactly once, in order", () => {
    for (const line of ['  - name: "a\\"b" # c', "a: 'it''s' x", "weird: [unclosed", '"open', "", "    ", "permit(principal, action == Action::\"call_tool\", resource);"]) {
      for (const language of ["intercept", "cedar"] as const) {
        const tokens = lineTokens(line, language);
        expect(tokens.map((t) => line.slice(t.start, t.end)).join("")).toBe(line);
        tokens.forEach((t, i) => expect(t.start).toBe(i === 0 ? 0 : tokens[i - 1]!.end));
      }
    }
  });

  it("colours Cedar keywords, entity types, strings and comments", () => {
    expect(shown('permit(principal, action == Action::"call_tool", resource) // ok', "cedar")).toEqual([
      "keyword:permit",
      "punctuation:(",
      "keyword:principal",
      "punctuation:,",
      "keyword:action",
      "punctuation:==",
      "entity:Action::",
      'string:"call_tool"',
      "punctuation:,",
      "keyword:resource",
      "punctuation:)",
      "comment:// ok",
    ]);
  });

  it("highlights only the first characters of a huge line and leaves the rest as one plain token, quickly", () => {
    const line = `key: ${"a: b ".repeat(200_000)}`;
    const started = performance.now();
    const tokens = lineTokens(line, "intercept");
    const elapsed = performance.now() - started;
    const tail = tokens.at(-1)!;
    expect(tail.kind).toBe("text");
    expect(tail.end).toBe(line.length);
    expect(tail.start).toBeLessThanOrEqual(HIGHLIGHTED_CHARACTERS);
    expect(tokens.length).toBeLessThan(HIGHLIGHTED_CHARACTERS);
    // Not a timing target: a guard against work that grows with the line (a 1 MB line took seconds).
    expect(elapsed).toBeLessThan(500);
  });
});
