/**
 * Build benchmark: a synthetic catalog of `--tools N` realistic tools (real
 * definitions from catalog/ with varied names and descriptions, classified
 * by the real classifier), built three ways, with time and peak memory:
 *   - the real site (astro build),
 *   - a minimal Astro site with one bare page per tool, read with the same `readCatalog`,
 *   - the search index (scripts/search-index.ts) on its own,
 *   - `npm run build` as a maintainer runs it: Astro and the search index side by side.
 *
 * Given two sizes, it also prints issue #18's targets: the per-tool-page
 * slope between them against the bare site's, and each size's budgets.
 *
 *   npm run bench:build -- --tools 10000[,50000] [--runs 2] [--keep]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readCatalog, writeCatalogServer } from "../src/catalog/catalog-files.ts";
import type { CatalogServer, CatalogTool } from "../src/catalog/catalog-schema.ts";
import { newCatalogTool } from "../src/catalog/build-catalog-server.ts";
import type { ToolDefinition } from "../src/catalog/tool-definition-schema.ts";
import { assignSlugs } from "../src/catalog/tool-slugs.ts";
import { readBuildLog } from "./astro-build-log.ts";
import siteConfig from "../astro.config.mjs";
import { checkTargets, spread, type SizeFigures } from "./bench-targets.ts";
import { sampleDescendantsPeak } from "./process-tree-memory.ts";
import { astroBuildCommand, pagefindCommand, run } from "./build-site.ts";

const buildScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "build-site.ts");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const timeBinary = "/usr/bin/time";
const toolsPerServer = 40;
const toolRouteReal = "src/pages/servers/[id]/tools/[slug].astro";
const toolRouteMinimal = "src/pages/[server]/[tool].astro";

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const verbs = ["", "v2_", "team_", "project_", "org_"];
const extras = ["", " Results are paginated.", " Requires an API token with the right scope.", " Returns JSON.", "\n\nNotes:\n- rate limited by the server\n- safe to retry"];

/** `count` tools made from the real catalog's definitions, each a little different. */
async function syntheticCatalog(dir: string, count: number): Promise<number> {
  const real = (await readCatalog(path.join(root, "catalog"))).filter((s) => s.tools.length > 0);
  if (real.length === 0) throw new Error("catalog/ has no crawled tools to vary");
  const definitions = real.flatMap((s) => s.tools.map((t) => ({ server: s, definition: t.definition })));
  let made = 0;
  for (let s = 0; made < count; s++) {
    const template = real[s % real.length]!;
    const id = `${template.id}-${s}`;
    const size = Math.min(toolsPerServer, count - made);
    const picked: ToolDefinition[] = [];
    for (let i = 0; i < size; i++) {
      const source = definitions[(made + i) % definitions.length]!.definition;
      const n = made + i;
      picked.push({
        ...source,
        name: `${verbs[n % verbs.length]}${source.name}_${n}`,
        ...(source.description !== undefined ? { description: source.description + extras[n % extras.length] } : {}),
      });
    }
    const slugs = assignSlugs(picked.map((t) => t.name));
    const context = { serverName: template.name, tags: template.tags };
    const tools = picked
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((definition, i): CatalogTool => ({
        ...newCatalogTool(definition, slugs.get(definition.name)!, context, "2026-01-01"),
        lastChanged: `2026-0${1 + (i % 9)}-1${i % 10}`,
      }));
    const server: CatalogServer = { ...template, id, name: `${template.name} ${s}`, tools };
    delete server.removedTools;
    await writeCatalogServer(dir, server);
    made += size;
  }
  return made;
}

/** A bare Astro site: one page per tool with its name and description, from the same catalog loader. */
async function minimalSite(dir: string): Promise<void> {
  await mkdir(path.join(dir, "src/pages/[server]"), { recursive: true });
  await symlink(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
  // The same build settings as the real site, so the two differ only in their pages.
  const concurrency = siteConfig.build?.concurrency ?? 1;
  await writeFile(
    path.join(dir, "astro.config.mjs"),
    `export default { output: "static", outDir: process.env.SITE_OUT_DIR, cacheDir: process.env.SITE_CACHE_DIR, build: { concurrency: ${concurrency} } };\n`,
  );
  const catalogFiles = JSON.stringify(path.join(root, "src/catalog/catalog-files.ts"));
  await writeFile(path.join(dir, "src/pages/[server]/[tool].astro"), `---
import { readCatalog } from ${catalogFiles};
export async function getStaticPaths() {
  const servers = await readCatalog(process.env.CATALOG_DIR);
  return servers.flatMap((s) => s.tools.map((t) => ({ params: { server: s.id, tool: t.slug }, props: { name: t.name, description: t.definition.description ?? "" } })));
}
const { name, description } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8" /><title>{name}</title></head><body><h1>{name}</h1><p>{description}</p></body></html>
`);
}

interface Measured {
  seconds: number;
  peakMegabytes?: number;
  /** User plus system CPU seconds: on a shared machine this moves far less than wall time. */
  cpuSeconds?: number;
  /** What the command printed: Astro's log, for the stage table. */
  output: string;
}

/**
 * Runs a command under /usr/bin/time -v when present, for the peak resident set size of its
 * largest process; with `wholeTree`, the peak is the sum over all its processes, sampled.
 */
async function measure(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, wholeTree = false): Promise<Measured> {
  const timed = existsSync(timeBinary);
  const stopSampling = wholeTree ? sampleDescendantsPeak() : undefined;
  const started = performance.now();
  let output: string;
  let treePeak: number | undefined;
  try {
    ({ output } = await run(timed ? timeBinary : command, timed ? ["-v", command, ...args] : args, { ...env, PWD: cwd }, false, cwd));
  } finally {
    treePeak = stopSampling?.();
  }
  const seconds = (performance.now() - started) / 1000;
  const largest = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  const peakMegabytes = treePeak ?? (largest ? Number(largest[1]) / 1024 : undefined);
  const user = /User time \(seconds\): ([\d.]+)/.exec(output);
  const system = /System time \(seconds\): ([\d.]+)/.exec(output);
  return {
    seconds,
    output,
    ...(peakMegabytes !== undefined ? { peakMegabytes } : {}),
    ...(user && system ? { cpuSeconds: Number(user[1]) + Number(system[1]) } : {}),
  };
}

/**
 * Builds into an empty folder with nothing left to write back, so no run
 * pays for deleting or flushing the one before it (the second of two runs
 * was up to 70% slower on these machines when it did).
 */
async function astroBuild(siteDir: string, outDir: string, cacheDir: string, env: NodeJS.ProcessEnv): Promise<Measured> {
  await rm(outDir, { recursive: true, force: true });
  spawnSync("sync");
  return measure(...astroBuildCommand(), { ...env, SITE_OUT_DIR: outDir, SITE_CACHE_DIR: cacheDir }, siteDir);
}

/** Where a build spent its time, from Astro's own log: bundling, tool pages, everything else. */
function stages(m: Measured) {
  const log = readBuildLog(m.output);
  const toolRoute = log.routes.find((r) => r.route === toolRouteReal || r.route === toolRouteMinimal) ?? { files: 0, seconds: 0 };
  const others = log.routes.filter((r) => r !== toolRoute);
  return {
    bundling: log.bundlingMilliseconds.reduce((a, b) => a + b, 0) / 1000,
    tools: toolRoute,
    others: { files: others.reduce((a, r) => a + r.files, 0), seconds: others.reduce((a, r) => a + r.seconds, 0) },
  };
}

function printStages(real: Measured, minimal: Measured): void {
  const r = stages(real);
  const m = stages(minimal);
  const stage = (t: { files: number; seconds: number }) => `${t.files} in ${t.seconds} s${t.files ? ` (${((t.seconds * 1000) / t.files).toFixed(2)} ms each)` : ""}`;
  console.log("| stage of the fastest run, from Astro's log (to the second) | real site | minimal site |");
  console.log("|---|---|---|");
  console.log(`| Vite bundling | ${r.bundling.toFixed(1)} s | ${m.bundling.toFixed(1)} s |`);
  console.log(`| tool pages | ${stage(r.tools)} | ${stage(m.tools)} |`);
  console.log(`| other pages and files | ${stage(r.others)} | ${stage(m.others)} |`);
}

async function typicalToolPage(outDir: string, builtDir: string, catalogDir: string): Promise<{ html: number; js: number; pagefindJs: number }> {
  const servers = await readCatalog(catalogDir);
  const sizes: { file: string; size: number }[] = [];
  for (const server of servers.slice(0, 5)) {
    for (const tool of server.tools) {
      const file = path.join(outDir, "servers", server.id, "tools", tool.slug, "index.html");
      sizes.push({ file, size: (await stat(file)).size });
    }
  }
  sizes.sort((a, b) => a.size - b.size);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  const html = await readFile(median.file, "utf8");
  let js = 0;
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) js += (await stat(path.join(outDir, src!))).size;
  const pagefindJs = await stat(path.join(builtDir, "pagefind/pagefind.js")).then((s) => s.size, () => 0);
  return { html: median.size, js, pagefindJs };
}

const format = (m: Measured) =>
  `${m.seconds.toFixed(1).padStart(7)} s  ${m.peakMegabytes !== undefined ? `${m.peakMegabytes.toFixed(0).padStart(6)} MB` : "     ? MB"}  ${m.cpuSeconds !== undefined ? `${m.cpuSeconds.toFixed(1)} s CPU` : ""}`;
const loadAverage = () => os.loadavg()[0]!.toFixed(1);
const fastest = (runs: Measured[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const lowestPeak = (runs: Measured[]) => {
  const peaks = runs.flatMap((r) => (r.peakMegabytes === undefined ? [] : [r.peakMegabytes]));
  return peaks.length ? Math.min(...peaks) : undefined;
};

/** One catalog size: the two sites alternately, pagefind after each real build, then their tables. */
async function benchSize(work: string, count: number, runs: number): Promise<SizeFigures> {
  const dir = path.join(work, String(count));
  const catalogDir = path.join(dir, "catalog");
  const started = performance.now();
  const made = await syntheticCatalog(catalogDir, count);
  console.log(`synthetic catalog: ${made} tools in ${Math.ceil(made / toolsPerServer)} servers (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", CATALOG_DIR: catalogDir };
  const realOut = path.join(dir, "real-dist");
  const minimalDir = path.join(dir, "minimal");
  await minimalSite(minimalDir);
  // Shared machines are noisy: alternate the builds, report every run's spread and keep each one's fastest.
  const real: Measured[] = [];
  const minimal: Measured[] = [];
  const pagefind: Measured[] = [];
  const pipeline: Measured[] = [];
  const searchOut = path.join(dir, "search-index");
  const pipelineOut = path.join(dir, "pipeline-dist");
  for (let i = 0; i < runs; i++) {
    const before = loadAverage();
    const r = await astroBuild(root, realOut, path.join(dir, "real-cache"), env);
    real.push(r);
    console.log(`real site built:    ${format(r)}  (load average ${before} before)`);
    await rm(searchOut, { recursive: true, force: true });
    const p = await measure(...pagefindCommand(catalogDir, searchOut), env, root, true);
    pagefind.push(p);
    console.log(`search indexed:     ${format(p)}  (load average ${loadAverage()} after)`);
    await rm(pipelineOut, { recursive: true, force: true });
    spawnSync("sync");
    const b = await measure(path.join(root, "node_modules/.bin/tsx"), [buildScript, "--catalog", catalogDir, "--out", pipelineOut, "--quiet"], { ...env, SITE_CACHE_DIR: path.join(dir, "real-cache") }, root, true);
    pipeline.push(b);
    console.log(`npm run build:      ${format(b)}  (load average ${loadAverage()} after)`);
    const m = await astroBuild(minimalDir, path.join(minimalDir, "dist"), path.join(dir, "minimal-cache"), env);
    minimal.push(m);
    console.log(`minimal site built: ${format(m)}  (load average ${loadAverage()} after)`);
  }
  if (real.length === 0) throw new Error("--runs takes a positive whole number");
  const bestReal = fastest(real);
  const bestMinimal = fastest(minimal);
  const page = await typicalToolPage(realOut, pipelineOut, catalogDir);

  console.log("");
  console.log(`| ${made} tools | time | peak memory |`);
  console.log("|---|---|---|");
  const row = (name: string, list: Measured[]) => {
    const peaks = list.flatMap((m) => (m.peakMegabytes === undefined ? [] : [m.peakMegabytes]));
    console.log(`| ${name} | ${spread(list.map((m) => m.seconds), "s")} | ${peaks.length ? spread(peaks, "MB", 0) : "not measured"} |`);
  };
  row("real site (astro build)", real);
  row("minimal site (bare page per tool)", minimal);
  row("search index on its own (pagefind, from the catalog; memory: Node and pagefind together)", pagefind);
  row("npm run build (astro and search side by side; memory: all its processes together)", pipeline);
  console.log("");
  console.log(`real / minimal build time, fastest runs: ${(bestReal.seconds / bestMinimal.seconds).toFixed(2)}x`);
  console.log("");
  printStages(bestReal, bestMinimal);
  console.log("");
  console.log(`typical tool page: ${(page.html / 1024).toFixed(1)} KB HTML, ${(page.js / 1024).toFixed(1)} KB JS loaded up front; pagefind.js ${(page.pagefindJs / 1024).toFixed(1)} KB (+ wasm and index chunks) only when search is used`);
  console.log("");
  if (!process.argv.includes("--keep")) await rm(dir, { recursive: true, force: true });
  const bestPagefind = fastest(pagefind);
  return {
    tools: made,
    toolPagesSeconds: { real: stages(bestReal).tools.seconds, minimal: stages(bestMinimal).tools.seconds },
    otherSeconds: stages(bestReal).others.seconds,
    realSeconds: bestReal.seconds,
    ...optional("realPeakMegabytes", lowestPeak(real)),
    pagefindSeconds: bestPagefind.seconds,
    ...optional("pagefindPeakMegabytes", lowestPeak(pagefind)),
    pipelineSeconds: fastest(pipeline).seconds,
  };
}

const optional = <K extends string>(key: K, value: number | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, number>));

async function main(): Promise<void> {
  const counts = argument("tools", "1000").split(",").map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--tools takes positive whole numbers, comma-separated (10000,50000)");
  const runs = Number(argument("runs", "1"));
  const work = await mkdtemp(path.join(os.tmpdir(), "bench-build-"));
  try {
    const figures: SizeFigures[] = [];
    for (const count of counts) figures.push(await benchSize(work, count, runs));
    const checks = checkTargets(figures);
    if (checks.length > 0) {
      console.log("| issue #18 target | measured (fastest run; lowest peak) | |");
      console.log("|---|---|---|");
      for (const check of checks) console.log(`| ${check.target} | ${check.measured} | ${check.met ? "met" : "NOT met"} |`);
    }
  } finally {
    if (process.argv.includes("--keep")) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
