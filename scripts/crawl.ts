/**
 * Crawls the MCP servers defined in catalog/servers into catalog/*.json.
 * Options and exit codes are documented in the README.
 */
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomically } from "../src/catalog/catalog-files.ts";
import { catalogDiffers, renderChangeReport } from "../src/catalog/change-report.ts";
import { formatDefinitionError, loadDefinitions } from "../src/catalog/load-definitions.ts";
import { bundledServerIds } from "../src/crawl/bundled-servers.ts";
import { writeShardManifest } from "../src/catalog/shard-manifest.ts";
import { parseShard } from "../src/catalog/shard-assignment.ts";
import { exitCodes } from "../src/crawl/exit-codes.ts";
import { createProgressDisplay } from "../src/crawl/progress-display.ts";
import { runCrawl, type CrawlReport } from "../src/crawl/run-crawl.ts";
import { stderrExcerpt } from "../src/crawl/stderr-tail.ts";
import { safeForTerminal } from "../src/crawl/terminal-text.ts";
import { renderTimingReport } from "../src/crawl/timing-report.ts";

const usage = `usage: npm run crawl -- [--servers DIR] [--catalog DIR] [--only id,id | --bundled] [--concurrency N] [--timeout SECONDS] [--strict] [--json] [--check] [--report FILE.md] [--shard I/N --out DIR] [--keep-going] [--install-concurrency N] [--cache-max-mb MB] [--timings FILE.md]`;

function fail(message: string): never {
  console.error(`crawl: ${message}\n${usage}`);
  process.exit(exitCodes.usage);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      servers: { type: "string", default: "catalog/servers" },
      catalog: { type: "string", default: "catalog" },
      only: { type: "string" },
      bundled: { type: "boolean", default: false },
      concurrency: { type: "string", default: String(Math.max(2, os.availableParallelism() * 2)) },
      timeout: { type: "string", default: "30" },
      strict: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
      "keep-going": { type: "boolean", default: false },
      report: { type: "string" },
      shard: { type: "string" },
      out: { type: "string" },
      "install-concurrency": { type: "string", default: "2" },
      "cache-max-mb": { type: "string", default: "20000" },
      timings: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(exitCodes.ok);
}
const concurrency = Number(values.concurrency);
const timeoutSeconds = Number(values.timeout);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) fail(`--concurrency must be an integer from 1 to 64, got "${values.concurrency}"`);
const installConcurrency = Number(values["install-concurrency"]);
if (!Number.isInteger(installConcurrency) || installConcurrency < 1 || installConcurrency > 16) {
  fail(`--install-concurrency must be an integer from 1 to 16, got "${values["install-concurrency"]}"`);
}
// 0 turns the budget off.
const cacheMaxMb = Number(values["cache-max-mb"]);
if (!Number.isInteger(cacheMaxMb) || cacheMaxMb < 0) fail(`--cache-max-mb must be a whole number of megabytes (0 for no limit), got "${values["cache-max-mb"]}"`);
if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 600) fail(`--timeout must be a number of seconds from 0 to 600, got "${values.timeout}"`);
const shard = typeof values.shard === "string" ? parseShard(values.shard) : undefined;
if (values.shard !== undefined && !shard) fail(`--shard must be I/N with 1 <= I <= N <= 256, got "${values.shard}"`);
if (shard && typeof values.out !== "string") fail("--shard needs --out DIR, the folder its partial result is written to");
if (values.check && typeof values.out === "string") fail("--check writes nothing, so it takes no --out");
if (values.bundled && typeof values.only === "string") fail("--bundled chooses the servers itself, so it takes no --only");
let only = typeof values.only === "string" ? values.only.split(",").map((s) => s.trim()).filter(Boolean) : undefined;
if (values.bundled) {
  // The reference servers that are devDependencies: in node_modules after npm ci, no install needed.
  const packageJson = JSON.parse(await readFile(path.join(process.cwd(), "package.json"), "utf8")) as { devDependencies?: Record<string, unknown> };
  const { definitions } = await loadDefinitions(path.resolve(String(values.servers)));
  only = bundledServerIds(definitions, packageJson.devDependencies ?? {});
  if (only.length === 0) fail("--bundled: no server definition pins a package that is one of package.json's devDependencies");
  const others = definitions.length - only.length;
  console.error(`crawl: re-crawling the ${only.length} bundled servers (${only.join(", ")}), whose packages are devDependencies; the other ${others} keep their committed catalog files. \`npm run crawl\` re-crawls them all.`);
}

const projectRoot = process.cwd();
const display = values.json ? undefined : createProgressDisplay(process.stderr);
const started = new Date();
let report: CrawlReport;
try {
  report = await runCrawl({
    definitionsDir: path.resolve(String(values.servers)),
    catalogDir: path.resolve(String(values.catalog)),
    ...(only ? { only } : {}),
    ...(shard ? { shard } : {}),
    ...(typeof values.out === "string" ? { outDir: path.resolve(values.out) } : {}),
    concurrency,
    timeoutSeconds,
    projectRoot,
    cacheDir: path.join(projectRoot, ".cache", "servers"),
    installConcurrency,
    ...(cacheMaxMb > 0 ? { maxCacheMb: cacheMaxMb } : {}),
    today: (process.env.CATALOG_TODAY ?? started.toISOString()).slice(0, 10),
    env: process.env,
    write: !values.check,
    ...(display ? { onProgress: display.update } : {}),
  });
} catch (error) {
  display?.stop();
  fail((error as Error).message);
}
display?.stop();

const failed = report.servers.filter((s) => s.status === "failed");
const warned = report.servers.filter((s) => s.status === "ok" && (s.warnings.length > 0 || s.dropped.length > 0));
const diffs = [...report.servers.map((s) => s.diff), ...report.removedServers];
const failures = failed.map((s) => ({ id: s.id, code: s.error!.code, message: s.error!.message }));
const changeReport = renderChangeReport(diffs, failures);
const exitCode =
  report.unknownIds.length > 0
    ? exitCodes.usage
    : report.definitionErrors.length > 0
      ? exitCodes.invalidDefinitions
      : !values["keep-going"] && (failed.length > 0 || (values.strict && warned.length > 0))
        ? exitCodes.serversFailed
        : values.check && catalogDiffers(diffs)
          ? exitCodes.catalogDiffers
          : exitCodes.ok;
if (typeof values.report === "string") await writeFileAtomically(path.resolve(values.report), changeReport);
const timings = renderTimingReport(report.servers, Date.now() - started.getTime(), {
  concurrency,
  installConcurrency,
  ...(cacheMaxMb > 0 ? { maxCacheMb: cacheMaxMb } : {}),
});
if (typeof values.timings === "string") await writeFileAtomically(path.resolve(values.timings), timings);
if (shard && typeof values.out === "string") {
  await writeShardManifest(path.resolve(values.out), {
    shard,
    ids: report.servers.map((s) => s.id),
    failed: failures,
  });
}

if (values.json) {
  console.log(JSON.stringify({ startedAt: started.toISOString(), finishedAt: new Date().toISOString(), exitCode, ...report }, null, 2));
} else {
  for (const id of report.unknownIds) console.error(`crawl: --only names "${safeForTerminal(id)}", which has no definition`);
  for (const error of report.definitionErrors) console.error(`invalid definition: ${formatDefinitionError(error)}`);
  printSummary(report);
  if (values.check) console.log(`\n${changeReport}`);
}
process.exit(exitCode);

function printSummary(r: CrawlReport): void {
  const rows = r.servers.map((s) => [
    s.id,
    s.status,
    String(s.tools),
    String(s.dropped.length),
    String(s.warnings.length),
    s.changed ? "yes" : "no",
    s.installMs === undefined ? "-" : `${(s.installMs / 1000).toFixed(1)}s`,
    s.crawlMs === undefined ? "-" : `${(s.crawlMs / 1000).toFixed(1)}s`,
    `${(s.durationMs / 1000).toFixed(1)}s`,
    s.error ? `${s.error.code}: ${safeForTerminal(s.error.message, 100)}` : "",
  ]);
  const header = ["server", "status", "tools", "dropped", "warnings", "changed", "install", "crawl", "time", "error"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const total = r.servers.reduce((n, s) => n + (s.status === "ok" ? s.tools : 0), 0);
  console.log(`\n${r.servers.length} servers, ${r.servers.length - failed.length} ok, ${failed.length} failed, ${total} tools`);
  const installing = r.servers.reduce((n, s) => n + (s.installMs ?? 0), 0) / 1000;
  const crawling = r.servers.reduce((n, s) => n + (s.crawlMs ?? 0), 0) / 1000;
  const wall = (Date.now() - started.getTime()) / 1000;
  const where = typeof values.timings === "string" ? `; per-server timings in ${safeForTerminal(values.timings)}` : "";
  console.log(`wall time ${wall.toFixed(1)}s; summed over servers: install ${installing.toFixed(1)}s, crawl ${crawling.toFixed(1)}s${where}`);
  for (const s of failed) {
    if (s.error?.hint) console.log(`\n${s.id}: ${safeForTerminal(s.error.hint)}`);
    if (s.error?.stderrTail) {
      console.log(`\n--- ${s.id} stderr (first error line and last lines) ---\n${safeForTerminal(stderrExcerpt(s.error.stderrTail, { lines: 10, lineLength: 500 }))}`);
    }
  }
}
