import { describe, expect, it } from "vitest";
import { classifyTool, risks } from "../../src/classify/index.ts";
import { labelledTools } from "./labelled-tools.ts";
import { annotatorLabels, fnv1a, halfOf, outOfSampleRows, serversInSet } from "./out-of-sample.ts";

const rows = outOfSampleRows();
const scored = rows.map((r) => ({ ...r, verdict: classifyTool(r.tool, { serverName: r.server }) }));
const share = (list: typeof scored, hit: (r: (typeof scored)[number]) => boolean) => list.filter(hit).length / Math.max(list.length, 1);
const distance = (a: string, b: string) => Math.abs(risks.indexOf(a as never) - risks.indexOf(b as never));

describe("the out-of-sample labelled set", () => {
  it("holds at least 600 tools from at least 30 servers, every tool labelled", () => {
    expect(rows.length).toBeGreaterThanOrEqual(600);
    expect(serversInSet().length).toBeGreaterThanOrEqual(30);
  });

  it("has a second annotator's independent labels for at least 150 of its tools", () => {
    const second = [...annotatorLabels("annotator-2").values()].reduce((n, labels) => n + labels.size, 0);
    expect(second).toBeGreaterThanOrEqual(150);
  });

  it("splits servers into halves by a fixed hash of their id, never by what they hold", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    for (const server of serversInSet()) expect(halfOf(server)).toBe(fnv1a(server) % 2 === 0 ? "dev" : "test");
    expect(new Set(rows.map((r) => r.half))).toEqual(new Set(["dev", "test"]));
  });

  // Floors a little under today's measures, so that a regression fails here; the targets are in bench:classify.
  it.each([
    ["dev", 0.94, 0.86, 0.98],
    ["test", 0.93, 0.82, 0.98],
  ] as const)("keeps the %s half's accuracy above its floor", (half, category, riskExact, withinOne) => {
    const set = scored.filter((r) => r.half === half);
    expect(share(set, (r) => r.verdict.category === r.label.category)).toBeGreaterThanOrEqual(category);
    expect(share(set, (r) => r.verdict.risk === r.label.risk)).toBeGreaterThanOrEqual(riskExact);
    expect(share(set, (r) => distance(r.verdict.risk, r.label.risk) <= 1)).toBeGreaterThanOrEqual(withinOne);
  });
});

const everyVerdict = [
  ...scored.map((r) => ({ label: `${r.server}/${r.tool.name}`, verdict: r.verdict })),
  ...labelledTools.map((r) => ({ label: `${r.server}/${r.tool.name}`, verdict: classifyTool(r.tool, { serverName: r.server, tags: r.tags ?? [] }) })),
];

describe("every verdict on real tools", () => {
  it("cites at least one concrete signal from the name, title, description or parameters", () => {
    const bare = everyVerdict.filter(({ verdict }) => !verdict.signals.some((s) => ["name", "title", "description", "parameters"].includes(s.source) && s.evidence !== "none" && s.evidence !== "no words"));
    expect(bare.map((b) => b.label)).toEqual([]);
  });

  it("is never Execute or Critical on a single weak signal: a statement of what it does, or two signals", () => {
    const thin = everyVerdict.filter(({ verdict }) => {
      if (verdict.category !== "Execute" && verdict.risk !== "Critical") return false;
      const stated = verdict.signals.some((s) => ["name", "title", "description"].includes(s.source) && /^(suggests|raises|says|a bare verb|its|the most)/.test(s.effect));
      const fromParameters = verdict.signals.filter((s) => s.source === "parameters");
      return !stated && fromParameters.length < 2;
    });
    expect(thin.map((t) => `${t.label}: ${t.verdict.category}/${t.verdict.risk}`)).toEqual([]);
  });
});

describe("weak signals alone", () => {
  it.each([
    ["an amount parameter", { name: "quantum_widget", inputSchema: { type: "object", properties: { amount: { type: "number" } } } }],
    ["a code parameter without a description", { name: "widget", inputSchema: { type: "object", properties: { code: { type: "string" } } } }],
    ["a query parameter on an unknown server", { name: "lookup_widget", description: "Lookup a widget.", inputSchema: { type: "object", properties: { query: { type: "string" } } } }],
    ["a postal code", { name: "find_store", description: "Find the nearest store.", inputSchema: { type: "object", properties: { postal_code: { type: "string" } } } }],
  ])("never make a tool Execute, Financial or Critical: %s", (_label, tool) => {
    const verdict = classifyTool(tool, {});
    expect(["Execute", "Financial"]).not.toContain(verdict.category);
    expect(verdict.risk).not.toBe("Critical");
  });
});
