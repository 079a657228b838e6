import { describe, expect, it } from "vitest";
import { pasteRefusal, sizeRefusal } from "../../src/playground/paste-guard.ts";

describe("an oversized paste is refused before it reaches the editor", () => {
  it("a paste that keeps the policy within the limit goes ahead", () => {
    expect(pasteRefusal({ current: 0, selected: 0, pasted: 1_000_000 })).toBeUndefined();
    expect(pasteRefusal({ current: 900_000, selected: 900_000, pasted: 1_000_000 })).toBeUndefined();
  });

  it("a 5 MB paste is refused with its size and the playground's own limit", () => {
    expect(pasteRefusal({ current: 800, selected: 800, pasted: 5_242_880 })).toBe(
      "Paste refused: 5,242,880 characters is more than the 1,000,000 this playground accepts (its own limit, not the proxy's; a policy has a few thousand). The editor is unchanged.",
    );
  });

  it("a paste that fits alone but not beside the editor's text names both sizes", () => {
    expect(pasteRefusal({ current: 600_000, selected: 0, pasted: 500_000 })).toContain("The pasted text is 500,000 characters; with what the editor holds, the policy would be 1,100,000.");
  });

  it("a shared link's policy is held to the same limit", () => {
    expect(sizeRefusal(1_000_001)).toMatch(/^1,000,001 characters is more than the 1,000,000 this playground accepts/);
    expect(sizeRefusal(1_000_000)).toBeUndefined();
  });
});
