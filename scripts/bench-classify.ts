/**
 * How well and how fast the classifier does. Prints plain-text tables:
 * accuracy against hand labels on sets kept apart (the in-sample table the
 * rules were written with, the out-of-sample dev half and the dev-extra sets
 * rules may be tuned on, and the test half that is only ever reported), with confusion
 * matrices; the two annotators' agreement; the rate over 10,000 tools; and
 * the distribution of verdicts over the committed catalog.
 *
 * Usage: npm run bench:classify [-- --misses]   (--misses lists the in-sample,
 * dev-half and dev-extra mismatches; the test half's are never listed)
 */
import { parseArgs } from "node:util";
import { readCatalog } from "../src/catalog/catalog-files.ts";
import type { ToolDefinition } from "../src/catalog/tool-definition-schema.ts";
import { categories, classifyTool, confidences, risks, verdictFlags, type Category, type Risk, type Verdict } from "../src/classify/index.ts";
import { labelledTools } from "../test/classify/labelled-tools.ts";
import { HOSTILE_BOUND_MS, hostileDefinitions } from "../test/classify/hostile-definitions.ts";
import { devExtraRows } from "../test/classify/dev-extra.ts";
import { annotatorLabels, outOfSampleRows, type Half } from "../test/classify/out-of-sample.ts";

const { values } = parseArgs({ options: { misses: { type: "boolean", default: false } } });

interface Scored {
  server: string;
  tool: ToolDefinition;
  verdict: Verdict;
  expected: { category: Category; risk: Risk };
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(cells[0] ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

const percent = (n: number, total: number) => (total === 0 ? "-" : `${((100 * n) / total).toFixed(1)}%`);
const riskDistance = (a: Risk, b: Risk) => Math.abs(risks.indexOf(a) - risks.indexOf(b));

function accuracyRow(name: string, rows: Scored[]): (string | number)[] {
  const n = rows.length;
  const category = rows.filter((r) => r.verdict.category === r.expected.category).length;
  const riskExact = rows.filter((r) => r.verdict.risk === r.expected.risk).length;
  const withinOne = rows.filter((r) => riskDistance(r.verdict.risk, r.expected.risk) <= 1).length;
  const servers = new Set(rows.map((r) => r.server)).size;
  return [name, n, servers, percent(category, n), percent(riskExact, n), percent(withinOne, n)];
}

function confusion<T extends string>(title: string, values: readonly T[], rows: Scored[], pick: (x: { category: Category; risk: Risk }) => T): string {
  const body = values.map((expected) => [
    expected,
    ...values.map((got) => rows.filter((r) => pick(r.expected) === expected && pick(r.verdict) === got).length),
  ]);
  return table([`${title} (labelled ↓, verdict →)`, ...values], body);
}

function classifyAll(items: { server: string; tool: ToolDefinition; expected: Scored["expected"]; tags?: string[] }[]): Scored[] {
  return items.map(({ server, tool, expected, tags }) => ({ server, tool, expected, verdict: classifyTool(tool, { serverName: server, tags: tags ?? [] }) }));
}

const inSample = classifyAll(labelledTools.map((row) => ({ server: row.server, tool: row.tool, tags: row.tags ?? [], expected: { category: row.category, risk: row.risk } })));
// Out of sample: the server's name only, no tags, as a user's private server would be classified.
const outRows = outOfSampleRows();
const outOfSample = (half: Half) => classifyAll(outRows.filter((r) => r.half === half).map((r) => ({ server: r.server, tool: r.tool, expected: r.label })));
const dev = outOfSample("dev");
const test = outOfSample("test");
// Labelled afterwards, from catalog servers outside the set, for tuning only.
const devExtra = classifyAll(devExtraRows().map((r) => ({ server: r.server, tool: r.tool, expected: r.label })));
const devExtra2 = classifyAll(devExtraRows("dev-extra-2").map((r) => ({ server: r.server, tool: r.tool, expected: r.label })));

console.log("\n== accuracy against hand labels ==\n");
console.log(
  table(["set", "tools", "servers", "category", "risk exact", "risk within one"], [
    accuracyRow("in-sample table (rules written with it)", inSample),
    accuracyRow("out-of-sample dev half (tuned on)", dev),
    accuracyRow("dev-extra (tuned on)", devExtra),
    accuracyRow("dev-extra-2 (for tuning; first figures in the README)", devExtra2),
    accuracyRow("out-of-sample test half (never tuned on)", test),
  ]),
);
for (const [name, rows] of [["in-sample", inSample], ["dev half", dev], ["dev-extra", devExtra], ["dev-extra-2", devExtra2], ["test half", test]] as const) {
  console.log(`\n-- ${name} --\n`);
  console.log(confusion("category", categories, rows, (x) => x.category));
  console.log();
  console.log(confusion("risk", risks, rows, (x) => x.risk));
}

// The annotators' agreement, before adjudication, on the tools both labelled.
const first = annotatorLabels("annotator-1");
const second = annotatorLabels("annotator-2");
const pairs: { a: { category: Category; risk: Risk }; b: { category: Category; risk: Risk }; half: Half }[] = [];
for (const [server, labels] of second) {
  const half = outRows.find((r) => r.server === server)?.half ?? "dev";
  for (const [tool, b] of labels) {
    const a = first.get(server)?.get(tool);
    if (a) pairs.push({ a, b, half });
  }
}
if (pairs.length > 0) {
  const agree = (pick: (p: (typeof pairs)[number]) => boolean) => pairs.filter(pick).length;
  console.log("\n== two annotators, labelling independently (before adjudication) ==\n");
  console.log(
    table(["tools both labelled", "servers", "category", "risk exact", "risk within one"], [
      [
        pairs.length,
        second.size,
        percent(agree((p) => p.a.category === p.b.category), pairs.length),
        percent(agree((p) => p.a.risk === p.b.risk), pairs.length),
        percent(agree((p) => riskDistance(p.a.risk, p.b.risk) <= 1), pairs.length),
      ],
    ]),
  );
}

if (values.misses) {
  for (const [name, rows] of [["in-sample", inSample], ["dev half", dev], ["dev-extra", devExtra], ["dev-extra-2", devExtra2]] as const) {
    const misses = rows.filter((r) => r.verdict.category !== r.expected.category || r.verdict.risk !== r.expected.risk);
    console.log(`\n-- ${name} mismatches: ${misses.length} --\n`);
    if (misses.length > 0) console.log(table(["tool", "labelled", "verdict"], misses.map((r) => [`${r.server}/${r.verdict.name.slice(0, 60)}`, `${r.expected.category} / ${r.expected.risk}`, `${r.verdict.category} / ${r.verdict.risk}`])));
  }
}

// The rate: 10,000 tools, cycling through every labelled definition (after one warm-up pass).
const pool = [...labelledTools.map((r) => ({ tool: r.tool, server: r.server })), ...outRows.map((r) => ({ tool: r.tool, server: r.server }))];
for (const item of pool) classifyTool(item.tool, { serverName: item.server });
const started = performance.now();
for (let i = 0; i < 10_000; i++) {
  const item = pool[i % pool.length]!;
  classifyTool(item.tool, { serverName: item.server });
}
const millis = performance.now() - started;
console.log("\n== speed ==\n");
console.log(table(["tools", "time", "per tool", "rate", "target"], [[10_000, `${(millis / 1000).toFixed(2)} s`, `${(millis / 10_000).toFixed(3)} ms`, `${Math.round(10_000 / (millis / 1000))} tools/s`, "under 2 s: " + (millis < 2000 ? "met" : "NOT met")]]));

// Hostile definitions (1 MB texts, 10,000-deep schemas, 10,000 properties): the fastest of three calls each.
const hostileRows = hostileDefinitions.map(([label, definition]) => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    classifyTool(definition as ToolDefinition, {});
    best = Math.min(best, performance.now() - t0);
  }
  return [label, `${best.toFixed(1)} ms`, `under ${HOSTILE_BOUND_MS} ms: ${best < HOSTILE_BOUND_MS ? "met" : "NOT met"}`];
});
console.log("\n== hostile definitions, one call each (fastest of 3) ==\n");
console.log(table(["definition", "time", "target"], hostileRows));

// The committed catalog: distribution only (it has no hand labels).
const servers = await readCatalog("catalog");
const catalogVerdicts = servers.flatMap((server) => server.tools.map((t) => ({ server: server.id, verdict: classifyTool(t.definition, { serverName: server.id, tags: server.tags }) })));
if (catalogVerdicts.length > 0) {
  const total = catalogVerdicts.length;
  const count = <T extends string>(list: readonly T[], pick: (v: Verdict) => T | T[]) =>
    list.map((value) => [value, catalogVerdicts.filter((r) => ([] as T[]).concat(pick(r.verdict)).includes(value)).length] as const);
  console.log(`\n== catalog: ${servers.length} servers, ${total} tools (classifier only, before overrides) ==\n`);
  console.log(table(["category", "tools", "share"], count(categories, (v) => v.category).map(([c, n]) => [c, n, percent(n, total)])));
  console.log();
  console.log(table(["risk", "tools", "share"], count(risks, (v) => v.risk).map(([c, n]) => [c, n, percent(n, total)])));
  console.log();
  console.log(table(["confidence", "tools", "share"], count(confidences, (v) => v.confidence).map(([c, n]) => [c, n, percent(n, total)])));
  console.log();
  console.log(table(["flag", "tools"], count(verdictFlags, (v) => v.flags).map(([c, n]) => [c, n])));
  const low = catalogVerdicts.filter((r) => r.verdict.confidence === "low");
  console.log();
  if (low.length === 0) console.log("low-confidence tools: none");
  else console.log(table(["low-confidence tool", "verdict", "flags"], low.map((r) => [`${r.server}/${r.verdict.name.slice(0, 60)}`, `${r.verdict.category} / ${r.verdict.risk}`, r.verdict.flags.join(", ") || "-"])));
}
