import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { readCatalog } from "../../src/catalog/catalog-files.ts";
import type { Category, Risk } from "../../src/classify/verdict-schema.ts";
import {
  cedarTargets,
  cedarToolSnippet,
  emptyState,
  evaluateCall,
  recommendPolicy,
  recommendRule,
  renderCedar,
  type CedarTarget,
  type RecommendableTool,
  type RuleRecommendation,
} from "../../src/policy/index.ts";
import { cedarComment } from "../../src/policy/cedar-text.ts";
import { serverCedar } from "../../src/site/server-policy.ts";
import { authorizeToolCall, validationProblems } from "./cedar-engine.ts";

function tool(name: string, category: Category, risk: Risk, flags: RecommendableTool["verdict"]["flags"] = [], amount = false): RecommendableTool {
  return { name, parameters: amount ? [{ name: "amount", type: "integer", required: true }] : [], verdict: { category, risk, flags } };
}

const readTool = tool("read_file", "Read", "Low");
const sendTool = tool("send_email", "Write", "High");
const dropTool = tool("drop_database", "Destructive", "Critical");
const hiddenTool = tool("helpful_tool", "Read", "Low", ["hidden-instructions"]);
const payTool = tool("create_payment", "Financial", "Critical", [], true);
const hostile = ['quote"d', "back\\slash", "line\nbreak", "ünïcødé-工具", "rtl\u202eelif", "*/ -- ;", "a.b", " padded "].map((name) => tool(name, "Write", "Medium"));

describe("each recommendation becomes a Cedar statement per target", () => {
  it.each([
    ["docker", readTool, /^permit \(principal, action == MCP::Action::"invokeTool", resource\) when \{ resource\.name == "read_file" \};$/m],
    ["toolhive", readTool, /^permit \(principal, action == Action::"call_tool", resource == Tool::"read_file"\);$/m],
    ["docker", sendTool, /^@requireApproval\("A person approves each call to send_email\."\)\npermit \(/m],
    ["toolhive", sendTool, /^forbid \(principal, action == Action::"call_tool", resource == Tool::"send_email"\);$/m],
    ["docker", dropTool, /^forbid \(principal, action == MCP::Action::"invokeTool", resource\) when \{ resource\.name == "drop_database" \};$/m],
    ["toolhive", hiddenTool, /^forbid \(principal, action == Action::"call_tool", resource == Tool::"helpful_tool"\);$/m],
  ] as const)("a %s policy for %o holds the statement its decision needs", (target, t, statement) => {
    expect(renderCedar([recommendRule(t)], target).policies).toMatch(statement);
  });

  it.each(cedarTargets)("a %s policy lists every rate limit it cannot enforce, in the list and as a comment in the file", (target) => {
    const { file, unexpressed } = renderCedar([recommendRule(readTool), recommendRule(sendTool)], target, { globalLimit: true });
    expect(unexpressed).toEqual([
      expect.stringMatching(/^read_file: the cap of 60\/minute is not enforced/),
      expect.stringMatching(/^send_email: the cap of 30\/hour is not enforced/),
      ...(target === "toolhive" ? [expect.stringMatching(/^send_email: ToolHive cannot hold a call for a person/)] : []),
      expect.stringMatching(/^The cap on all calls together \(120\/minute\) is not enforced/),
    ]);
    for (const line of unexpressed) expect(file).toContain(`Not expressed: ${line}`);
  });

  it("a spend cap is stated as not enforced, since Cedar keeps no totals", () => {
    const { unexpressed } = renderCedar([recommendRule(payTool)], "docker");
    expect(unexpressed).toContainEqual(expect.stringMatching(/^create_payment: the cap of 10000 on the sum of amount per day is not enforced/));
  });

  it("hiding is said to hide the tool from lists in ToolHive but not in Docker, whose listings Cedar does not gate", () => {
    expect(renderCedar([recommendRule(hiddenTool)], "toolhive").unexpressed.join()).toMatch(/list filtering then leaves the tool out of tools\/list/);
    expect(renderCedar([recommendRule(hiddenTool)], "docker").unexpressed.join()).toMatch(/does not filter tools\/list/);
  });

  it("ToolHive's file is its authorizer config, and each listed policy is the validated text on one line", () => {
    const rendering = renderCedar([readTool, sendTool, ...hostile].map(recommendRule), "toolhive");
    const config = parseYaml(rendering.file) as { version: string; type: string; cedar: { policies: string[]; entities_json: string } };
    expect(config.version).toBe("1.0");
    expect(config.type).toBe("cedarv1");
    expect(config.cedar.entities_json).toBe("[]");
    expect(config.cedar.policies).toHaveLength(2 + hostile.length);
    expect(validationProblems("toolhive", config.cedar.policies.join("\n")).errors).toEqual([]);
  });

  it.each(cedarTargets)("hostile tool names stay inside their string literals in a %s policy and are matched exactly", (target) => {
    const rendering = renderCedar(hostile.map(recommendRule), target);
    const { errors, warnings } = validationProblems(target, rendering.policies);
    expect(errors).toEqual([]);
    // The engine flags the names a person could misread; the others pass without a word.
    expect(warnings.join("\n")).toMatch(/mixed scripts/);
    expect(warnings.join("\n")).toMatch(/BIDI control characters/);
    expect(warnings.join("\n")).not.toMatch(/quote|slash|padded/);
    expect(rendering.file).not.toMatch(/[\u0080-\uffff]/);
    for (const t of hostile) expect(authorizeToolCall(target, rendering.policies, t.name).decision).toBe("allow");
    expect(authorizeToolCall(target, rendering.policies, "quote").decision).toBe("deny");
  });
});

describe("every generated Cedar policy in the catalog validates against its target's schema", () => {
  it.each(cedarTargets)("every tool page's %s snippet, every server's file as the site serves it, and both postures parse and validate with no errors", async (target) => {
    let checked = 0;
    const warned = new Set<string>();
    for (const server of await readCatalog("catalog")) {
      const classified = server.tools.flatMap((t) => (t.verdict ? [{ ...t, verdict: t.verdict }] : []));
      // Each tool page's snippet, comments and all, validated together: one engine call per server.
      const perTool = classified.map((t) => cedarToolSnippet(recommendRule(t), target).text).join("\n");
      const sets = [perTool, ...(["allow", "deny"] as const).map((posture) => renderCedar(recommendPolicy(classified, { default: posture, globalLimit: true }).recommendations, target, { default: posture, globalLimit: true }).policies)];
      if (server.tools.length > 0) {
        const served = serverCedar(server, target);
        for (const line of served.unexpressed) expect(served.file, server.id).toContain(`Not expressed: ${cedarComment(line)}`);
        sets.push(target === "toolhive" ? (parseYaml(served.file) as { cedar: { policies: string[] } }).cedar.policies.join("\n") : served.file);
      }
      for (const policies of sets) {
        const { errors, warnings } = validationProblems(target, policies);
        expect(errors, server.id).toEqual([]);
        for (const w of warnings) warned.add(w.replace(/^policy\d+: for policy `policy\d+`, /, ""));
      }
      checked += classified.length;
    }
    expect(checked).toBeGreaterThan(500);
    // The only warnings the engine gives are about names that are not plain ASCII.
    for (const w of warned) expect(w).toMatch(/mixed scripts|BIDI|not a printable ASCII|confusable/);
  }, 120_000);
});

/** What Intercept decides on a first call (no counter reached), and what each Cedar target must then decide. */
function expectedCedar(target: CedarTarget, outcome: string): "allow" | "deny" | "approval" {
  if (outcome === "allowed") return "allow";
  if (outcome === "approval_required") return target === "docker" ? "approval" : "deny";
  return "deny";
}

function firstCallArguments(recommendation: RuleRecommendation): Record<string, unknown> {
  return recommendation.spendCap ? { [recommendation.spendCap.parameter]: 1 } : {};
}

describe("the Cedar policies decide sample calls as the Intercept policy does", () => {
  it.each(cedarTargets)("for every catalog server under both defaults, a first call to a tool of each kind of decision and to an unknown tool get the same decision from %s as from Intercept", async (target) => {
    const now = new Date("2026-06-01T12:00:00Z");
    let compared = 0;
    for (const server of await readCatalog("catalog")) {
      const classified = server.tools.flatMap((t) => (t.verdict ? [{ ...t, verdict: t.verdict }] : []));
      for (const posture of ["allow", "deny"] as const) {
        const { policy, recommendations } = recommendPolicy(classified, { default: posture });
        const { policies } = renderCedar(recommendations, target, { default: posture });
        // One tool per kind of decision in this server (each call re-parses the whole policy set, so all tools would be quadratic).
        const kinds = new Map(recommendations.map((r) => [`${r.action}/${Boolean(r.spendCap)}`, r]));
        const calls = [...[...kinds.values()].map((r) => ({ tool: r.tool, arguments: firstCallArguments(r) })), { tool: "not_a_tool_of_this_server", arguments: {} }];
        for (const call of calls) {
          const intercept = evaluateCall(policy, call, emptyState(), now);
          expect(intercept.outcome, `${server.id}/${call.tool}`).not.toBe("cannot_simulate");
          const cedar = authorizeToolCall(target, policies, call.tool);
          const seen = cedar.decision === "allow" && cedar.deciding.some((text) => text.includes("@requireApproval")) ? "approval" : cedar.decision;
          expect(seen, `${target} ${posture} ${server.id}/${call.tool}: Intercept ${intercept.outcome}`).toBe(expectedCedar(target, intercept.outcome));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 300_000);

  it("a rate limit is where they part: Intercept denies the 61st call in a minute, Cedar still allows it, as the file says", () => {
    const { policy, recommendations } = recommendPolicy([readTool], { default: "deny" });
    let state = emptyState();
    const now = new Date("2026-06-01T12:00:00Z");
    for (let i = 0; i < 60; i++) state = evaluateCall(policy, { tool: "read_file" }, state, now).state;
    expect(evaluateCall(policy, { tool: "read_file" }, state, now).outcome).toBe("denied");
    const rendering = renderCedar(recommendations, "docker", { default: "deny" });
    expect(authorizeToolCall("docker", rendering.policies, "read_file").decision).toBe("allow");
    expect(rendering.unexpressed).toContainEqual(expect.stringContaining("60/minute is not enforced"));
  });
});
