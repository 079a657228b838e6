import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogServerSchema, type CatalogServer } from "../../src/catalog/catalog-schema.ts";
import { fixtureServers, fixtureServer } from "../site/fixture-catalog.ts";
import { evaluateCall, emptyState, parsePolicy, recommendPolicy, renderPolicy, validatePolicy } from "../../src/policy/index.ts";
import { actionsFor, applyBulk, builderActions, builderPolicy, initialRows, limitCountProblem, readLimitCount, rowRules, type BuilderRow, type BuilderTool } from "../../src/playground/builder-policy.ts";

const catalogDir = path.resolve("catalog");
const catalogIds = ["azure", "brave-search", "chrome-devtools", "context7", "desktop-commander", "everything", "filesystem", "firecrawl", "github", "gitlab", "google-maps", "hubspot", "kubernetes", "memory", "mongodb", "notion", "playwright", "postgres", "sequential-thinking", "slack", "stripe", "supabase"];
const catalog: CatalogServer[] = await Promise.all(
  catalogIds.map(async (id) => catalogServerSchema.parse(JSON.parse(await readFile(path.join(catalogDir, `${id}.json`), "utf8")))),
);
const fixtures = fixtureServers.map(fixtureServer);
const allServers = [...catalog, ...fixtures];

const tool = (name: string, category: BuilderTool["verdict"] extends infer V ? V extends { category: infer C } ? C : never : never, risk: "Low" | "Medium" | "High" | "Critical", parameters: BuilderTool["parameters"] = []): BuilderTool => ({
  name,
  parameters,
  verdict: { category, risk, flags: [] },
});

const sample: BuilderTool[] = [
  tool("read_file", "Read", "Low"),
  tool("write_file", "Write", "Medium"),
  tool("delete_branch", "Destructive", "High"),
  tool("delete_repo", "Destructive", "Critical"),
  tool("create_refund", "Financial", "High", [{ name: "amount", type: "integer", required: true }]),
  tool("files.list", "Read", "Low"),
];

const render = (rows: BuilderRow[], settings: Parameters<typeof builderPolicy>[1] = { default: "allow" }) => {
  const { policy, comments } = builderPolicy(rows, settings);
  return renderPolicy(policy, { comments });
};

describe("the builder's rows", () => {
  it("start from the recommendation: a limit for reads and writes, approval for destructive, deny for critical deletes", () => {
    const rows = initialRows(sample);
    expect(rows.map((r) => [r.tool, r.action, `${r.limit.count}/${r.limit.window}`])).toEqual([
      ["create_refund", "require_approval", "10/day"],
      ["delete_branch", "require_approval", "10/hour"],
      ["delete_repo", "deny", "5/day"],
      ["files.list", "allow", "60/minute"],
      ["read_file", "rate_limit", "60/minute"],
      ["write_file", "rate_limit", "30/hour"],
    ]);
    expect(rows.find((r) => r.tool === "create_refund")?.spendCap).toEqual({ amount: 10_000, window: "day", parameter: "amount", required: true });
  });

  it("leave out tools named \"*\" or with an empty name, and keep the first of duplicates", () => {
    const rows = initialRows([tool("*", "Read", "Low"), tool("", "Read", "Low"), tool("a", "Read", "Low"), tool("a", "Destructive", "Critical")]);
    expect(rows.map((r) => [r.tool, r.action])).toEqual([["a", "rate_limit"]]);
  });

  it("offer no rate limit to a tool whose name holds a dot, since the proxy cannot count it", () => {
    const [dotted] = initialRows([tool("files.list", "Read", "Low")]);
    expect(actionsFor(dotted!)).toEqual(["allow", "require_approval", "deny", "hide"]);
  });

  it("keep unclassified tools as allowed rows with no rules", () => {
    const [row] = initialRows([{ name: "pending", parameters: [] }]);
    expect(row).toMatchObject({ tool: "pending", action: "allow" });
    expect(rowRules(row!)).toEqual([]);
  });
});

describe("the builder's policy", () => {
  it.each(allServers.filter((s) => s.tools.length > 0).map((s) => [s.id, s] as const))(
    "for %s starts equal to the server's recommended policy",
    (_id, server) => {
      const classified = server.tools.filter((t) => t.verdict);
      const description = `Recommended policy for ${server.name} (${server.id}), from the MCP Tool Catalog`;
      const expected = recommendPolicy(classified.map((t) => ({ ...t, verdict: t.verdict! })), { description });
      const { policy, comments } = builderPolicy(initialRows(classified), { default: "allow", description });
      expect(policy).toEqual(expected.policy);
      expect(comments).toEqual(expected.comments);
    },
  );

  it.each(builderActions)("validates with no errors or warnings for every tool of every server set to %s", (action) => {
    for (const server of allServers) {
      if (server.tools.length === 0) continue;
      const names = server.tools.map((t) => t.name);
      const rows = initialRows(server.tools).map((row) => (actionsFor(row).includes(action) ? { ...row, action } : row));
      for (const settings of [{ default: "allow" as const }, { default: "deny" as const, globalLimit: { count: 120, window: "minute" as const } }]) {
        const yaml = render(rows, settings);
        const { findings } = validatePolicy(yaml, { tools: names });
        expect(findings, `${server.id} ${action} ${settings.default}`).toEqual([]);
        expect(parsePolicy(yaml).policy).toEqual(builderPolicy(rows, settings).policy);
      }
    }
  });

  it("turns each action into the rules the proxy runs", () => {
    const [row] = initialRows([tool("write_file", "Write", "Medium")]);
    const as = (action: BuilderRow["action"]) => rowRules({ ...row!, action });
    expect(as("allow")).toEqual([]);
    expect(as("rate_limit")).toEqual([{ name: "hourly cap", rate_limit: "30/hour" }]);
    expect(as("require_approval").map((r) => r.action ?? "evaluate")).toEqual(["evaluate", "require_approval"]);
    expect(as("require_approval")[1]?.approval_timeout).toBe("10m");
    expect(as("deny")).toEqual([{ name: "blocked", action: "deny", on_deny: "Blocked by policy: agents may not call this tool." }]);
    const hidden = builderPolicy([{ ...row!, action: "hide" }], { default: "allow" }).policy;
    expect(hidden.hide).toEqual(["write_file"]);
    expect(hidden.tools).toEqual({});
  });

  it("denies the sixth call of a 5/hour limit it generated", () => {
    const [row] = initialRows([tool("write_file", "Write", "Medium")]);
    const { policy } = builderPolicy([{ ...row!, limit: { count: 5, window: "hour" } }], { default: "allow" });
    let state = emptyState();
    const outcomes = [];
    for (let i = 0; i < 6; i++) {
      const decision = evaluateCall(policy, { tool: "write_file" }, state, new Date("2026-03-01T14:10:00Z"));
      state = decision.state;
      outcomes.push(decision.outcome);
    }
    expect(outcomes).toEqual(["allowed", "allowed", "allowed", "allowed", "allowed", "denied"]);
  });

  it("adds a default posture and a global cap under \"*\"", () => {
    const { policy } = builderPolicy(initialRows(sample), { default: "deny", globalLimit: { count: 50, window: "hour" } });
    expect(policy.default).toBe("deny");
    expect(policy.tools?.["*"]).toEqual({ rules: [{ name: "all calls cap", rate_limit: "50/hour" }] });
  });

  it("says in the comment when a row no longer follows the recommendation", () => {
    const rows = initialRows([tool("write_file", "Write", "Medium")]).map((r) => ({ ...r, action: "deny" as const }));
    expect(builderPolicy(rows, { default: "allow" }).comments.write_file).toBe("Write, Medium risk. Set to deny in the policy builder (recommended: rate limit).");
  });
});

describe("bulk actions", () => {
  it("require approval for every Destructive tool and leave the rest alone", () => {
    const { rows, changed, matched } = applyBulk(initialRows(sample), { by: "category", value: "Destructive" }, "require_approval");
    expect([matched, changed]).toEqual([2, 1]);
    expect(rows.filter((r) => r.category === "Destructive").map((r) => r.action)).toEqual(["require_approval", "require_approval"]);
    expect(rows.find((r) => r.tool === "read_file")?.action).toBe("rate_limit");
  });

  it("apply to a risk level and skip rows that cannot take the action", () => {
    const { rows, changed, matched } = applyBulk(initialRows(sample), { by: "risk", value: "Low" }, "rate_limit");
    expect([matched, changed]).toEqual([2, 0]);
    expect(rows.find((r) => r.tool === "files.list")?.action).toBe("allow");
    const denied = applyBulk(rows, { by: "risk", value: "Low" }, "deny");
    expect(denied.changed).toBe(2);
  });
});

describe("limit counts typed by hand", () => {
  it.each([
    ["5", 5],
    [" 12 ", 12],
    ["0", undefined],
    ["-1", undefined],
    ["1.5", undefined],
    ["", undefined],
    ["1e3", undefined],
    ["1000000", 1_000_000],
    ["1000001", undefined],
  ])("read %j as %j", (text, expected) => {
    expect(readLimitCount(text)).toBe(expected);
  });
});

describe("a limit that does not read says why, for the message beside its field", () => {
  it.each([
    ["0", '"0" is not a whole number from 1 to 1,000,000.'],
    ["-5", '"-5" is not a whole number from 1 to 1,000,000.'],
    ["1.5", '"1.5" is not a whole number from 1 to 1,000,000.'],
    ["", "An empty limit is not a whole number from 1 to 1,000,000."],
    ["99999999", '"99999999" is not a whole number from 1 to 1,000,000.'],
    ["50", undefined],
  ])("%j", (text, expected) => {
    expect(limitCountProblem(text)).toBe(expected);
  });
});
