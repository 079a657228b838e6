import { describe, expect, it } from "vitest";
import { emptyState, evaluateCall, parsePolicy } from "../../src/policy/index.ts";
import { parseArguments } from "../../src/playground/call-arguments.ts";
import { createChecker, checkPolicy } from "../../src/playground/check-policy.ts";
import { argumentSkeleton } from "../../src/playground/schema-skeleton.ts";
import { simulateCalls } from "../../src/playground/simulate-calls.ts";
import { lineCount, offsetOf } from "../../src/playground/text-positions.ts";
import type { CallBatch } from "../../src/playground/url-state.ts";

const policyText = `version: "1"
tools:
  create_issue:
    rules:
      - name: "hourly issue limit"
        rate_limit: 5/hour
  merge:
    rules:
      - name: "human approval"
        action: require_approval
  pay:
    rules:
      - name: "daily spend"
        conditions:
          - path: state.pay.spend
            op: lte
            value: 100
        state:
          counter: spend
          window: day
          increment_from: args.amount
  "*":
    rules:
      - name: "all calls cap"
        rate_limit: 8/minute
`;
const policy = parsePolicy(policyText).policy;
const batch = (tool: string, at: string, count = 1, extra: Partial<CallBatch> = {}): CallBatch => ({ tool, args: "{}", at, stepSeconds: 0, count, approved: false, ...extra });

describe("simulated calls", () => {
  it("allow five calls of a 5/hour limit, deny the sixth with the proxy's text, and reset at the next UTC hour", () => {
    const timeline = simulateCalls(policy, [batch("create_issue", "2026-03-01T14:10:00Z", 6), batch("create_issue", "2026-03-01T15:00:00Z")]);
    expect(timeline.map((e) => e.outcome)).toEqual(["allowed", "allowed", "allowed", "allowed", "allowed", "denied", "allowed"]);
    expect(timeline[5]).toMatchObject({ number: 6, reason: "counter", rule: { tool: "create_issue", index: 0, name: "hourly issue limit" }, agentText: "[INTERCEPT POLICY DENIED] Rate limit of 5 per hour reached. Try again later." });
    expect(timeline[4]!.counters).toEqual([
      { key: "_global._rate_minute", value: 5, window: "minute", windowStart: "2026-03-01T14:10:00.000Z" },
      { key: "create_issue._rate_hour", value: 5, window: "hour", windowStart: "2026-03-01T14:00:00.000Z" },
    ]);
    expect(timeline[6]!.counters.find((c) => c.key === "create_issue._rate_hour")).toMatchObject({ value: 1, windowStart: "2026-03-01T15:00:00.000Z" });
  });

  it("space the calls of a batch by its step", () => {
    const timeline = simulateCalls(policy, [batch("create_issue", "2026-03-01T14:59:58Z", 3, { stepSeconds: 1 })]);
    expect(timeline.map((e) => e.at)).toEqual(["2026-03-01T14:59:58.000Z", "2026-03-01T14:59:59.000Z", "2026-03-01T15:00:00.000Z"]);
  });

  it("hold a call for approval until it is approved, and sum spend from an argument", () => {
    const timeline = simulateCalls(policy, [
      batch("merge", "2026-03-01T10:00:00Z"),
      batch("merge", "2026-03-01T10:01:00Z", 1, { approved: true }),
      batch("pay", "2026-03-01T10:02:00Z", 2, { args: '{"amount": 60}' }),
    ]);
    expect(timeline.map((e) => e.outcome)).toEqual(["approval_required", "allowed", "allowed", "denied"]);
    expect(timeline[0]!.agentText).toMatch(/^\[INTERCEPT APPROVAL REQUIRED\] /);
  });

  it("do not send a call whose arguments are not a JSON object, and keep the counters as they were", () => {
    const timeline = simulateCalls(policy, [batch("create_issue", "2026-03-01T10:00:00Z", 1, { args: "{nope" }), batch("create_issue", "2026-03-01T10:00:00Z", 1, { args: "[]" })]);
    expect(timeline.map((e) => [e.outcome, e.reason, e.counters.length])).toEqual([["not_sent", "bad_arguments", 0], ["not_sent", "bad_arguments", 0]]);
  });

  it("decide exactly as the engine does call by call", () => {
    const batches = [batch("create_issue", "2026-03-01T14:59:00Z", 12, { stepSeconds: 7 }), batch("pay", "2026-03-01T15:00:00Z", 3, { args: '{"amount": 40}' }), batch("unknown", "2026-03-01T15:00:00Z", 2)];
    let state = emptyState();
    const direct = batches.flatMap((b) => Array.from({ length: b.count }, (_, i) => {
      const decision = evaluateCall(policy, { tool: b.tool, arguments: JSON.parse(b.args), approved: b.approved }, state, new Date(Date.parse(b.at) + i * b.stepSeconds * 1000));
      state = decision.state;
      return [decision.outcome, decision.reason, decision.agentText];
    }));
    expect(simulateCalls(policy, batches).map((e) => [e.outcome, e.reason, e.agentText])).toEqual(direct);
  });
});

describe("checking a policy for the page", () => {
  it("simulates nothing while the policy has errors", () => {
    const reply = checkPolicy({ id: 3, text: policyText.replace("5/hour", "5/hours"), batches: [batch("create_issue", "2026-03-01T10:00:00Z")] });
    expect(reply).toMatchObject({ id: 3, valid: false });
    expect(reply.timeline).toBeUndefined();
    expect(reply.policyTools).toEqual(["create_issue", "merge", "pay"]);
  });

  it("reuses the last validation when only the calls change", () => {
    const check = createChecker();
    const first = check({ id: 1, text: policyText, tools: ["create_issue"], batches: [] });
    const second = check({ id: 2, text: policyText, tools: ["create_issue"], batches: [batch("create_issue", "2026-03-01T10:00:00Z")] });
    expect(second.findings).toBe(first.findings);
    expect(second.timeline).toHaveLength(1);
    const third = check({ id: 3, text: policyText, batches: [] });
    expect(third.findings).not.toBe(first.findings);
    expect(third.findings).toEqual([]);
  });
});

describe("the arguments box", () => {
  it.each([
    ["", { ok: true, value: {} }],
    ['{"a": 1}', { ok: true, value: { a: 1 } }],
    ["[1]", { ok: false, message: 'arguments must be a JSON object, e.g. {"path": "/tmp"}' }],
    ["null", { ok: false, message: 'arguments must be a JSON object, e.g. {"path": "/tmp"}' }],
  ])("reads %j", (text, expected) => {
    expect(parseArguments(text)).toEqual(expected);
  });
});

describe("argument skeletons from input schemas", () => {
  it.each([
    ["one placeholder per type", { type: "object", properties: { s: { type: "string" }, n: { type: "number" }, i: { type: "integer" }, b: { type: "boolean" }, a: { type: "array" }, o: { type: "object", properties: { x: { type: "string" } } } } }, { s: "", n: 0, i: 0, b: false, a: [], o: { x: "" } }],
    ["defaults, consts and first enum values", { properties: { d: { type: "string", default: "main" }, c: { const: 3 }, e: { enum: ["asc", "desc"] } } }, { d: "main", c: 3, e: "asc" }],
    ["nullable and union types", { properties: { t: { type: ["null", "integer"] }, u: { anyOf: [{ type: "null" }, { type: "boolean" }] } } }, { t: 0, u: false }],
    ["no schema at all", undefined, {}],
    ["a schema that is not an object", "string", {}],
  ])("give %s", (_what, schema, expected) => {
    expect(argumentSkeleton(schema)).toEqual(expected);
  });

  it("keep hostile keys as plain keys and stop at a bounded depth and width", () => {
    const deep: Record<string, unknown> = { type: "object", properties: {} };
    let cursor = deep;
    for (let i = 0; i < 50; i++) {
      const next = { type: "object", properties: {} };
      (cursor.properties as Record<string, unknown>).next = next;
      cursor = next;
    }
    const wide = { properties: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`p${i}`, { type: "string" }])) };
    const hostile = JSON.parse('{"properties": {"__proto__": {"type": "string"}, "<img src=x>": {"type": "number"}}}');
    const skeleton = argumentSkeleton(hostile);
    expect(Object.getPrototypeOf(skeleton)).toBe(Object.prototype);
    expect(JSON.stringify(skeleton)).toBe('{"__proto__":"","<img src=x>":0}');
    expect(JSON.stringify(argumentSkeleton(deep))).toBe('{"next":{"next":{"next":{"next":{}}}}}');
    expect(Object.keys(argumentSkeleton(wide))).toHaveLength(60);
  });
});

describe("line and column positions", () => {
  const text = "a\nbb\n\nccc";
  it.each([
    [1, 1, 0],
    [2, 2, 3],
    [3, 1, 5],
    [4, 3, 8],
    [4, 99, 9],
    [99, 1, 9],
  ])("line %i column %i is offset %i", (line, column, offset) => {
    expect(offsetOf(text, line, column)).toBe(offset);
  });

  it("counts lines, an empty text being one line", () => {
    expect(lineCount(text)).toBe(4);
    expect(lineCount("")).toBe(1);
  });
});

describe("the playground's browser modules", () => {
  it("import no Node built-ins (a leaked one builds fine and breaks in the browser)", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const { builtinModules } = await import("node:module");
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const offenders: string[] = [];
    for (const file of await readdir("src/playground")) {
      const text = await readFile(`src/playground/${file}`, "utf8");
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        if (builtins.has(match[1]!) || match[1]!.startsWith("@modelcontextprotocol/sdk")) offenders.push(`${file}: ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("a rule the simulator cannot evaluate", () => {
  it("is shown as cannot simulate with its reason, leaves the counters alone, and later calls are still decided", () => {
    const text = `version: "1"\ntools:\n  push:\n    rules:\n      - name: "feature branches"\n        conditions:\n          - path: args.branch\n            op: regex\n            value: "^(?i:feat)/"\n  "*":\n    rules:\n      - name: "cap"\n        rate_limit: 8/minute\n`;
    const reply = checkPolicy({ id: 1, text, batches: [batch("push", "2026-03-01T14:00:00.000Z", 1, { args: '{"branch": "feat/x"}' }), batch("other", "2026-03-01T14:00:01.000Z")] });
    expect(reply.valid).toBe(true);
    const [undecided, decided] = reply.timeline!;
    expect(undecided).toMatchObject({ outcome: "cannot_simulate", rule: { tool: "push", index: 0, name: "feature branches" }, counters: [] });
    expect(undecided!.message).toMatch(/^cannot simulate this rule: regex "\^\(\?i:feat\)\/" is valid for the proxy, but this simulator cannot evaluate it/);
    expect(undecided!.agentText).toBeUndefined();
    expect(decided).toMatchObject({ outcome: "allowed", counters: [{ key: "_global._rate_minute", value: 1 }] });
  });
});

describe("simulated calls' explanations", () => {
  it("every drawn call carries its explanation, allowed ones included, and older calls carry none", () => {
    const timeline = simulateCalls(policy, [batch("create_issue", "2026-03-01T14:10:00Z", 502)]);
    expect(timeline[0]!.explanation).toBeUndefined();
    expect(timeline[1]!.explanation).toBeUndefined();
    expect(timeline[2]!.explanation?.at(-1)).toMatch(/^Allowed:/);
    expect(timeline[501]!.explanation?.at(-1)).toMatch(/^Denied by rule "(hourly issue limit|all calls cap)"/);
    const allowed = simulateCalls(policy, [batch("create_issue", "2026-03-01T14:10:00Z")])[0]!;
    expect(allowed.outcome).toBe("allowed");
    expect(allowed.explanation?.at(-1)).toBe("Allowed: no rule denied the call and every counter it touches had room.");
  });

  it("a call whose arguments are not JSON is explained as not sent", () => {
    const [entry] = simulateCalls(policy, [batch("create_issue", "2026-03-01T10:00:00Z", 1, { args: "{nope" })]);
    expect(entry!.explanation?.[0]).toMatch(/^Not sent:/);
  });
});

describe("simulated calls' links to rules", () => {
  it("each deciding rule carries its line in the policy text", () => {
    const reply = checkPolicy({ id: 1, text: policyText, batches: [batch("create_issue", "2026-03-01T14:10:00Z", 6), batch("merge", "2026-03-01T14:10:00Z")] });
    const lines = policyText.split("\n");
    const denied = reply.timeline![5]!;
    expect(denied.outcome).toBe("denied");
    expect(lines[denied.ruleLine! - 1]).toContain('name: "hourly issue limit"');
    const held = reply.timeline![6]!;
    expect(lines[held.ruleLine! - 1]).toContain('name: "human approval"');
    expect(reply.timeline![0]!.ruleLine).toBeUndefined();
  });
});
