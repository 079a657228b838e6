import { describe, expect, it } from "vitest";
import { builderCedar } from "../../src/playground/builder-cedar.ts";
import { initialRows, type BuilderRow, type BuilderTool } from "../../src/playground/builder-policy.ts";
import { cedarTargets } from "../../src/policy/index.ts";
import { validationProblems } from "../policy/cedar-engine.ts";

const tools: BuilderTool[] = [
  { name: "list_charges", parameters: [], verdict: { category: "Read", risk: "Low", flags: [] } },
  { name: "create_refund", parameters: [{ name: "amount", type: "integer", required: true }], verdict: { category: "Financial", risk: "Critical", flags: [] } },
  { name: "delete_customer", parameters: [], verdict: { category: "Destructive", risk: "Critical", flags: [] } },
  { name: "unclassified.tool", parameters: [] },
];

const rowsWith = (changes: Record<string, Partial<BuilderRow>>) => initialRows(tools).map((row) => ({ ...row, ...changes[row.tool] }));

describe("the builder's choices as Cedar", () => {
  it.each(cedarTargets)("writes %s policies the engine validates against the target's schema, whatever each row is set to", (target) => {
    for (const action of ["allow", "rate_limit", "require_approval", "deny", "hide"] as const) {
      const rows = initialRows(tools).map((row) => ({ ...row, action }));
      const { policies } = builderCedar(rows, { default: "deny" }, target);
      expect(validationProblems(target, policies).errors).toEqual([]);
    }
  });

  it("writes what a person chose, not the recommendation, with a comment that says so", () => {
    const { policies } = builderCedar(rowsWith({ list_charges: { action: "deny" } }), { default: "allow" }, "docker");
    expect(policies).toMatch(/\/\/ list_charges: Read, Low risk\. Set to deny in the policy builder \(recommended: [a-z ]+\)\.\n@id\("deny list_charges"\)\nforbid /);
  });

  it("lists the builder's own caps as not enforced, the cap on all calls with the count the person typed", () => {
    const { unexpressed, file } = builderCedar(rowsWith({ list_charges: { action: "rate_limit", limit: { count: 7, window: "hour" } } }), { default: "allow", globalLimit: { count: 50, window: "minute" } }, "toolhive");
    expect(unexpressed).toContain("list_charges: the cap of 7/hour is not enforced: ToolHive has no rate limits.");
    expect(unexpressed.some((line) => line.startsWith("The cap on all calls together (50/minute) is not enforced"))).toBe(true);
    expect(file).toContain("# Not expressed: list_charges: the cap of 7/hour is not enforced");
    expect(file.split("\n")[0]).toBe("# ToolHive Cedar authorization config (generated from the choices made in the catalog's policy builder).");
  });

  it("forbids an approval row in ToolHive and asks for approval in Docker", () => {
    const rows = rowsWith({ delete_customer: { action: "require_approval" } });
    expect(builderCedar(rows, { default: "deny" }, "toolhive").policies).toMatch(/@id\("no approval step delete_customer"\)\nforbid /);
    expect(builderCedar(rows, { default: "deny" }, "docker").policies).toMatch(/@requireApproval\("A person approves each call to delete_customer\."\)\npermit /);
  });

  it("gives a tool the proxy cannot count (its name holds a dot) no cap to report", () => {
    const { unexpressed } = builderCedar(rowsWith({ "unclassified.tool": { action: "rate_limit" } }), { default: "allow" }, "docker");
    expect(unexpressed.filter((line) => line.startsWith("unclassified.tool"))).toEqual([]);
  });
});
