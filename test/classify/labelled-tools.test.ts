import { describe, expect, it } from "vitest";
import { classifyTool, verdictSchema } from "../../src/classify/index.ts";
import { labelledTools } from "./labelled-tools.ts";

const rows = labelledTools.map((row) => ({ ...row, label: `${row.server}/${row.tool.name.slice(0, 40)}` }));

describe("the labelled table of real-world tools", () => {
  it.each(rows)("$label is $category / $risk", (row) => {
    const verdict = classifyTool(row.tool, { serverName: row.server, tags: row.tags ?? [] });
    expect(verdictSchema.parse(verdict)).toEqual(verdict);
    expect({ category: verdict.category, risk: verdict.risk, flags: verdict.flags }).toEqual({
      category: row.category,
      risk: row.risk,
      flags: row.flags ?? [],
    });
  });

  it("has at least 120 rows", () => {
    expect(labelledTools.length).toBeGreaterThanOrEqual(120);
  });

  it.each(["Read", "Write", "Execute", "Destructive", "Financial"])("covers the category %s", (category) => {
    expect(labelledTools.some((row) => row.category === category)).toBe(true);
  });

  it.each(["Low", "Medium", "High", "Critical"])("covers the risk %s", (risk) => {
    expect(labelledTools.some((row) => row.risk === risk)).toBe(true);
  });

  it.each(["no-description", "annotation-conflict", "hidden-instructions", "broken-schema", "oversized"])("covers the flag %s", (flag) => {
    expect(labelledTools.some((row) => row.flags?.includes(flag as never))).toBe(true);
  });
});
