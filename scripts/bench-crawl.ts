/**
 * Crawl benchmark. Prints two tables:
 * 1. per reference server, connect + full tools/list wall time of the crawler
 *    against a minimal SDK client doing the same (median of several runs);
 * 2. N copies of the fixture server crawled at concurrency 1, 2, 4, 8 against
 *    the sum of their solo times.
 * Usage: npm run bench:crawl -- [--runs 5] [--copies 8]
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { crawlServer } from "../src/crawl/crawl-server.ts";
import { runCrawl } from "../src/crawl/run-crawl.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, copies: { type: "string", default: "8" } } });
const runs = Number(values.runs);
const copies = Number(values.copies);
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };
const sandbox = mkdtempSync(path.join(os.tmpdir(), "bench-crawl-"));

const servers: { name: string; args: string[] }[] = [
  { name: "server-everything", args: ["stdio"] },
  { name: "server-filesystem", args: [sandbox] },
  { name: "server-memory", args: [] },
  { name: "server-sequential-thinking", args: [] },
];
const entry = (name: string) => path.resolve("node_modules/@modelcontextprotocol", name, "dist/index.js");

async function minimalClient(args: string[]): Promise<number> {
  const client = new Client({ name: "bench", version: "1" }, { capabilities: {} });
  const transport = new StdioClientTransport({ command: process.execPath, args, env, stderr: "pipe" });
  await client.connect(transport);
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    count += page.tools.length;
    cursor = page.nextCursor;
  } while (cursor);
  await client.close();
  return count;
}

async function crawler(args: string[]): Promise<number> {
  const outcome = await crawlServer({ transport: "stdio", process: { command: process.execPath, args, env } }, { connectMs: 30_000, listMs: 30_000 });
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
  return outcome.listing.tools.length;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

console.log(`node ${process.version}, ${os.availableParallelism()} cores, median of ${runs} runs (runs alternate)\n`);
const perServer: string[][] = [];
for (const server of servers) {
  const args = [entry(server.name), ...server.args];
  await minimalClient(args); // warm the file cache
  const ours: number[] = [];
  const minimal: number[] = [];
  let tools = 0;
  for (let i = 0; i < runs; i++) {
    minimal.push(await timed(() => minimalClient(args)));
    ours.push(await timed(async () => (tools = await crawler(args))));
  }
  perServer.push([server.name, String(tools), ms(median(minimal)), ms(median(ours)), `${(median(ours) / median(minimal)).toFixed(2)}x`]);
}
table(["server", "tools", "minimal SDK client", "crawler", "ratio"], perServer);

// Concurrency: copies of the fixture server, crawled through the whole pipeline.
const root = mkdtempSync(path.join(os.tmpdir(), "bench-concurrency-"));
const definitionsDir = path.join(root, "servers");
mkdirSync(definitionsDir);
const fixture = path.resolve("test/fixtures/servers/misbehaving-server.mjs");
for (let i = 0; i < copies; i++) {
  writeFileSync(
    path.join(definitionsDir, `fixture-${i}.md`),
    `---\nname: Fixture ${i}\nsummary: Bench copy.\nhomepage: https://example.org\nrepository: https://example.org/r\ncommand: node\nargs: ["${fixture}"]\nenv: { FIXTURE_MODE: many-tools, FIXTURE_TOOLS: "200" }\n---\n`,
  );
}
const crawlAll = async (concurrency: number, only?: string[]) => {
  const report = await runCrawl({
    definitionsDir,
    catalogDir: path.join(root, `catalog-${concurrency}-${only?.join() ?? "all"}`),
    ...(only ? { only } : {}),
    concurrency,
    timeoutSeconds: 60,
    projectRoot: process.cwd(),
    cacheDir: path.join(process.cwd(), ".cache", "servers"),
    today: "2026-01-01",
    env: {},
    write: true,
  });
  return report.servers;
};
let soloSum = 0;
for (let i = 0; i < copies; i++) soloSum += await timed(() => crawlAll(1, [`fixture-${i}`]));
console.log(`\n${copies} copies of the fixture server (200 tools each), whole pipeline (crawl, classify, write); solo times summed: ${ms(soloSum)}\n`);
const concurrencyRows: string[][] = [];
for (const concurrency of [1, 2, 4, 8]) {
  const wall = await timed(() => crawlAll(concurrency));
  concurrencyRows.push([String(concurrency), ms(wall), `${(wall / soloSum).toFixed(2)}`]);
}
table(["concurrency", "wall time", "wall / sum of solo"], concurrencyRows);
rmSync(root, { recursive: true, force: true });
rmSync(sandbox, { recursive: true, force: true });
