import { describe, expect, it } from "vitest";
import { diffTool, excerptsAroundChange } from "../../src/catalog/tool-changes.ts";

const long = (ending: string) => `Reads a report from the archive. ${"It explains every column of the report in detail. ".repeat(40)}Results are ${ending} by default.`;

describe("what a changelog shows of a changed text", () => {
  it("shows the words around a change near the end of a long description, not two identical beginnings", () => {
    const before = { definition: { name: "r", description: long("sorted"), inputSchema: {} }, parameters: [] };
    const after = { definition: { name: "r", description: long("deleted"), inputSchema: {} }, parameters: [] };
    const [change] = diffTool(before, after);
    expect(change).toEqual({
      field: "description",
      change: "changed",
      before: "… the report in detail. Results are sorted by default.",
      after: "… the report in detail. Results are deleted by default.",
    });
  });

  it("keeps a short text whole and marks where a long one is cut on both sides", () => {
    expect(excerptsAroundChange("Lists files.", "Lists folders.")).toEqual({ before: "Lists files.", after: "Lists folders." });
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const changed = [...words];
    changed[20] = "CHANGED";
    const { before, after } = excerptsAroundChange(words.join(" "), changed.join(" "));
    expect(before).toBe("… w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 …");
    expect(after).toBe("… w14 w15 w16 w17 w18 w19 CHANGED w21 w22 w23 w24 w25 w26 …");
  });

  it("bounds each excerpt when the changed part itself is long", () => {
    const { before, after } = excerptsAroundChange("a b", `a ${"x ".repeat(500)}b`);
    expect(before).toBe("a b");
    expect(after.length).toBe(160);
    expect(after.endsWith("…")).toBe(true);
  });
});
