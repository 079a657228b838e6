/**
 * How the classifier does: on the tests' labelled table (accuracy against
 * the labels) and on every catalog file under catalog/*.json (distribution
 * only). Prints plain-text tables. Usage: npm run bench:classify
 */
import { readCatalog } from "../src/catalog/catalog-files.ts";
import type { ToolDefinition } from "../src/catalog/tool-definition-schema.ts";
import { categories, classifyTool, confidences, risks, verdictFlags, type ClassifyContext, type Verdict } from "../src/classify/index.ts";
import { labelledTools } from "../test/classify/labelled-tools.ts";

interface Row {
  server: string;
  verdict: Verdict;
  expected?: { category: string; risk: string };
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(cells[0] ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

const percent = (n: number, total: number) => (total === 0 ? "-" : `${((100 * n) / total).toFixed(1)}%`);

function report(title: string, rows: Row[], millis: number): void {
  const total = rows.length;
  console.log(`\n== ${title}: ${total} tools, ${(millis / Math.max(total, 1)).toFixed(2)} ms per tool ==\n`);
  const count = <T extends string>(values: readonly T[], pick: (v: Verdict) => T | T[]) =>
    values.map((value) => [value, rows.filter((r) => ([] as T[]).concat(pick(r.verdict)).includes(value)).length] as const);
  console.log(table(["category", "tools", "share"], count(categories, (v) => v.category).map(([c, n]) => [c, n, percent(n, total)])));
  console.log();
  console.log(table(["risk", "tools", "share"], count(risks, (v) => v.risk).map(([c, n]) => [c, n, percent(n, total)])));
  console.log();
  console.log(table(["confidence", "tools", "share"], count(confidences, (v) => v.confidence).map(([c, n]) => [c, n, percent(n, total)])));
  console.log();
  console.log(table(["flag", "tools"], count(verdictFlags, (v) => v.flags).map(([c, n]) => [c, n])));

  const labelled = rows.filter((r) => r.expected);
  if (labelled.length > 0) {
    const categoryHits = labelled.filter((r) => r.verdict.category === r.expected?.category).length;
    const riskHits = labelled.filter((r) => r.verdict.risk === r.expected?.risk).length;
    console.log();
    console.log(
      table(["accuracy", "correct", "of", "share"], [
        ["category", categoryHits, labelled.length, percent(categoryHits, labelled.length)],
        ["risk", riskHits, labelled.length, percent(riskHits, labelled.length)],
      ]),
    );
    const misses = labelled.filter((r) => r.verdict.category !== r.expected?.category || r.verdict.risk !== r.expected?.risk);
    if (misses.length > 0) {
      console.log();
      console.log(table(["mismatch", "expected", "got"], misses.map((r) => [`${r.server}/${r.verdict.name}`, `${r.expected?.category} / ${r.expected?.risk}`, `${r.verdict.category} / ${r.verdict.risk}`])));
    }
  }
  const low = rows.filter((r) => r.verdict.confidence === "low");
  console.log();
  if (low.length === 0) console.log("low-confidence tools: none");
  else console.log(table(["low-confidence tool", "verdict", "flags"], low.map((r) => [`${r.server}/${r.verdict.name.slice(0, 60)}`, `${r.verdict.category} / ${r.verdict.risk}`, r.verdict.flags.join(", ") || "-"])));
}

function classifyAll(items: { server: string; tool: ToolDefinition; context: ClassifyContext; expected?: Row["expected"] }[]): { rows: Row[]; millis: number } {
  const started = performance.now();
  const rows = items.map(({ server, tool, context, expected }) => ({ server, verdict: classifyTool(tool, context), ...(expected ? { expected } : {}) }));
  return { rows, millis: performance.now() - started };
}

const labelledRun = classifyAll(
  labelledTools.map((row) => ({
    server: row.server,
    tool: row.tool,
    context: { serverName: row.server, tags: row.tags ?? [] },
    expected: { category: row.category, risk: row.risk },
  })),
);
report("labelled table (test/classify/labelled-tools.ts)", labelledRun.rows, labelledRun.millis);

const servers = await readCatalog("catalog");
const catalogTools = servers.flatMap((server) =>
  server.tools.map((t) => ({ server: server.id, tool: t.definition, context: { serverName: server.id, tags: server.tags } })),
);
if (catalogTools.length === 0) {
  console.log("\n== catalog: no catalog/*.json files with tools yet; skipped ==");
} else {
  const catalogRun = classifyAll(catalogTools);
  report(`catalog (${servers.length} servers)`, catalogRun.rows, catalogRun.millis);
}
