/**
 * The playground's budgets, measured: the engine in Node (validating a
 * 200-tool policy, simulating 1,000 calls, and both as the worker does
 * them on each keystroke), and the gzipped size of the JavaScript the
 * playground and builder pages load, read from a built site; for /scan/,
 * what Chromium fetches on load, on a paste and on the builder's first use
 * (bench-scan-page.ts), and the classifier's own weight (the page carries
 * it); and the editor in Chromium (bench-playground-browser.ts). Prints a
 * table; exits 1 when a budget is exceeded.
 *
 *   npm run bench:playground [-- --dist dist] [-- --runs 40]
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
// esbuild (a pinned devDependency) bundles the classifier alone to weigh it.
import { build } from "esbuild";
import { parsePolicy, renderPolicy, validatePolicy, type Policy } from "../src/policy/index.ts";
import { checkPolicy } from "../src/playground/check-policy.ts";
import { simulateCalls } from "../src/playground/simulate-calls.ts";
import type { CallBatch } from "../src/playground/url-state.ts";
import { buildSite } from "./build-site.ts";
import { FRAME_BUDGET_MS, measureEditor } from "./bench-playground-browser.ts";
import { measureScanPage } from "./bench-scan-page.ts";

const ENGINE_BUDGET_MS = 50;
/** A hostile paste within the size caps still gets its answer within this. */
const WORST_CASE_BUDGET_MS = 1_000;
/** Just under the engine's cap of 20,000 values: the largest map a paste can hold. */
const WIDE_MAP_KEYS = 19_000;
const JS_BUDGET_BYTES = 80 * 1024;

/** What, its value, detail, and whether it is within budget (undefined: measured, not budgeted). */
type Row = [string, string, string, boolean | undefined];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** 200 tools with every kind of rule the builder and the recommendations write, plus conditions and a global cap. */
function policyOf200Tools(): { text: string; tools: string[] } {
  const tools: string[] = [];
  const policy: Policy = { version: "1", default: "allow", hide: [], tools: {} };
  for (let i = 0; i < 200; i++) {
    const name = `tool_${String(i).padStart(3, "0")}`;
    tools.push(name);
    const kind = i % 5;
    if (kind === 4) {
      policy.hide!.push(name);
      continue;
    }
    policy.tools![name] = {
      rules:
        kind === 0 ? [{ name: "hourly cap", rate_limit: "5/hour" }]
        : kind === 1 ? [{ name: "hourly cap", rate_limit: "30/hour" }, { name: "human approval", action: "require_approval", approval_timeout: "10m", on_deny: "A person must approve this call before it runs." }]
        : kind === 2 ? [{ name: "blocked", action: "deny", on_deny: "Blocked by policy: agents may not call this tool." }]
        : [
            { name: "safe paths", conditions: [{ path: "args.path", op: "regex", value: "^/(tmp|home)/" }, { path: "args.mode", op: "in", value: ["r", "w"] }], on_deny: "Only /tmp and /home" },
            { name: "daily spend", conditions: [{ path: `state.${name}.spend`, op: "lte", value: 10_000 }], state: { counter: "spend", window: "day", increment_from: "args.amount" } },
          ],
    };
  }
  policy.tools!["*"] = { rules: [{ name: "all calls cap", rate_limit: "120/minute" }] };
  return { text: renderPolicy(policy), tools };
}

/** 1,000 calls over the policy's tools, across an hour boundary. */
function thousandCalls(tools: string[]): CallBatch[] {
  return Array.from({ length: 100 }, (_, i) => ({
    tool: tools[(i * 7) % tools.length]!,
    args: JSON.stringify({ path: "/tmp/x", mode: "r", amount: 120 }),
    at: new Date(Date.UTC(2026, 2, 1, 14, 55) + i * 10_000).toISOString(),
    stepSeconds: 1,
    count: 10,
    approved: i % 3 === 0,
  }));
}

function measure(runs: number, task: () => unknown): { median: number; p95: number; min: number } {
  for (let i = 0; i < 5; i++) task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { min: times[0]!, median: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]! };
}

/**
 * The Cedar worker is started only when a Cedar check is first asked for,
 * and the builder imports its Cedar renderer only when a Cedar view is
 * opened: they and everything they load are the lazy Cedar chunk, weighed apart.
 */
const lazyCedarEntry = /\/(?:cedar-worker-|builder-cedar\.)[^/]+\.js$/;

/**
 * Every JS file a page loads up front (its module scripts, their static and
 * dynamic imports, and workers they start), each file's gzipped size; and
 * the lazy Cedar entries it can start, which are not followed.
 */
async function pageScripts(dist: string, entries: readonly string[], skip: ReadonlySet<string> = new Set()): Promise<{ sizes: Map<string, { raw: number; gzip: number }>; lazy: Set<string>; wasm: Set<string> }> {
  const queue = [...entries];
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const lazy = new Set<string>();
  const wasm = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (sizes.has(url) || skip.has(url)) continue;
    if (lazyCedarEntry.test(url) && !entries.includes(url)) {
      lazy.add(url);
      continue;
    }
    const code = await readFile(path.join(dist, url));
    sizes.set(url, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    const text = code.toString("utf8");
    const dir = path.posix.dirname(url);
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(path.posix.join(dir, m[1]!));
    for (const m of text.matchAll(/["'](\/_astro\/[^"']+\.js)["']/g)) queue.push(m[1]!);
    for (const m of text.matchAll(/["'](\/_astro\/[^"']+\.wasm)["']/g)) wasm.add(m[1]!);
  }
  return { sizes, lazy, wasm };
}

async function htmlScripts(htmlFile: string): Promise<string[]> {
  const html = await readFile(htmlFile, "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]!);
}

async function firstBuilderPage(dist: string): Promise<string | undefined> {
  for (const id of (await readdir(path.join(dist, "servers"))).sort()) {
    const file = path.join(dist, "servers", id, "policy", "index.html");
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The classifier as /scan/ carries it: classify-tool.ts and its imports bundled and minified alone, and its rule tables on their own. */
async function classifierWeight(): Promise<Row[]> {
  const weigh = async (entry: string) => {
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", write: false, metafile: true, logLevel: "silent" });
    const code = result.outputFiles[0]!.contents;
    const zod = Object.keys(result.metafile.inputs).some((file) => file.includes("node_modules/zod/"));
    return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, zod };
  };
  const whole = await weigh("src/classify/classify-tool.ts");
  const tables = await weigh("src/classify/rules.ts");
  return [
    ["classifier as /scan/ carries it (src/classify/classify-tool.ts bundled alone, minified), gzipped", kb(whole.gzip), `${kb(whole.raw)} minified, ${whole.zod ? "zod included" : "no zod"}; its rule tables (rules.ts) alone ${kb(tables.gzip)} gzipped`, undefined],
  ];
}

/** What Chromium fetched for /scan/ at each step, cumulated, against the page budget. */
async function scanPageRows(dist: string): Promise<Row[]> {
  const loads = await measureScanPage(dist);
  const gzipped = new Map<string, number>();
  for (const url of [...loads.upFront, ...loads.paste, ...loads.builder]) gzipped.set(url, gzipSync(await readFile(path.join(dist, url)), { level: 9 }).length);
  const sum = (urls: string[]) => urls.reduce((total, url) => total + gzipped.get(url)!, 0);
  const list = (urls: string[]) => (urls.length === 0 ? "nothing" : urls.map((url) => `${path.posix.basename(url)} ${kb(gzipped.get(url)!)}`).join(" + "));
  const upFront = sum(loads.upFront);
  const afterPaste = upFront + sum(loads.paste);
  const afterBuilder = afterPaste + sum(loads.builder);
  return [
    ["/scan/ JS on load, gzipped (fetched by Chromium)", kb(upFront), list(loads.upFront), upFront < JS_BUDGET_BYTES],
    ["/scan/ JS for the page: on load plus what a paste fetches", kb(afterPaste), `a paste fetched ${list(loads.paste)}`, afterPaste < JS_BUDGET_BYTES],
    [
      "/scan/ JS in all, once the policy builder is used (not budgeted: the playground's engine worker)",
      kb(afterBuilder),
      `the builder's first use fetched ${list(loads.builder)}; ${afterBuilder < JS_BUDGET_BYTES ? "within" : "over"} ${JS_BUDGET_BYTES / 1024} KB`,
      undefined,
    ],
  ];
}

const runs = Number(argument("runs") ?? 40);
const { text, tools } = policyOf200Tools();
const batches = thousandCalls(tools);
const parsed = validatePolicy(text, { tools });
if (!parsed.valid || parsed.findings.length > 0) throw new Error(`the benchmark policy should be clean: ${JSON.stringify(parsed.findings.slice(0, 3))}`);
const policy = parsePolicy(text).policy;
const timeline = simulateCalls(policy, batches);
const outcomes = timeline.reduce<Record<string, number>>((n, e) => ({ ...n, [e.outcome]: (n[e.outcome] ?? 0) + 1 }), {});

const rows: Row[] = [];
const validate = measure(runs, () => validatePolicy(text, { tools }));
const simulate = measure(runs, () => simulateCalls(policy, batches));
const both = measure(runs, () => checkPolicy({ id: 1, text, tools, batches }));
rows.push([`validate a 200-tool policy (${text.length.toLocaleString("en-US")} chars, ${text.split("\n").length} lines)`, `${validate.median.toFixed(1)} ms`, `min ${validate.min.toFixed(1)} ms, p95 ${validate.p95.toFixed(1)} ms`, validate.median < ENGINE_BUDGET_MS]);
rows.push([`simulate 1,000 calls (${Object.entries(outcomes).map(([k, v]) => `${v} ${k}`).join(", ")})`, `${simulate.median.toFixed(1)} ms`, `min ${simulate.min.toFixed(1)} ms, p95 ${simulate.p95.toFixed(1)} ms`, simulate.median < ENGINE_BUDGET_MS]);
// One map with as many keys as the caps allow: duplicate keys are found in one pass, not by comparing every pair.
const wide = `version: "1"\ntools:\n${Array.from({ length: WIDE_MAP_KEYS }, (_, i) => `  tool_${i}: {}\n`).join("")}  tool_0: {}\n`;
const wideRuns = Math.max(3, Math.floor(runs / 8));
const wideMap = measure(wideRuns, () => validatePolicy(wide));
if (!validatePolicy(wide).findings.some((f) => f.message.startsWith("duplicate key tool_0"))) throw new Error("the wide map's duplicate key was not found");
rows.push([`validate a pasted map of ${WIDE_MAP_KEYS.toLocaleString("en-US")} keys with one duplicate (${wide.length.toLocaleString("en-US")} chars, ${wideRuns} runs)`, `${wideMap.median.toFixed(1)} ms`, `min ${wideMap.min.toFixed(1)} ms, p95 ${wideMap.p95.toFixed(1)} ms`, wideMap.median < WORST_CASE_BUDGET_MS]);
rows.push(["both, as the worker does per keystroke", `${both.median.toFixed(1)} ms`, `min ${both.min.toFixed(1)} ms, p95 ${both.p95.toFixed(1)} ms`, both.median < ENGINE_BUDGET_MS]);

// Sizes come from a fresh build of the current code unless --dist names a build to measure:
// a dist/ left by an earlier `npm start` would report the scripts of that older code.
const given = argument("dist");
let dist = given ? path.resolve(given) : "";
let temp: string | undefined;
if (given && !existsSync(path.join(dist, "playground", "index.html"))) throw new Error(`--dist ${given} holds no built playground`);
if (!given) {
  temp = await mkdtemp(path.join(os.tmpdir(), "bench-playground-"));
  console.log(`Building the catalog into ${temp} to measure its scripts (about 30 s)…`);
  dist = path.join(temp, "dist");
  await buildSite({ outDir: dist, cacheDir: path.join(temp, "cache"), skipSearch: true });
}
try {
  const pages: Array<[string, string | undefined]> = [
    ["/playground/", path.join(dist, "playground", "index.html")],
    ["policy builder", await firstBuilderPage(dist)],
  ];
  /** Each lazy entry, with the up-front files of the page that starts it (shared chunks are counted there, not twice). */
  const cedarEntries = new Map<string, Set<string>>();
  for (const [label, file] of pages) {
    if (!file) continue;
    const upFront = await pageScripts(dist, await htmlScripts(file));
    const total = [...upFront.sizes.values()].reduce((a, b) => a + b.gzip, 0);
    const detail = [...upFront.sizes].map(([url, size]) => `${path.posix.basename(url)} ${(size.gzip / 1024).toFixed(1)}`).join(" + ");
    const lazyNote = upFront.lazy.size ? `; starts the lazy Cedar worker only when Cedar is opened` : "";
    if (upFront.wasm.size) throw new Error(`${label} references a wasm file from its up-front JS: ${[...upFront.wasm].join(", ")}`);
    for (const url of upFront.lazy) if (!cedarEntries.has(url)) cedarEntries.set(url, new Set(upFront.sizes.keys()));
    rows.push([`${label} JS up front, gzipped (${path.relative(dist, file)})`, kb(total), `${detail}${lazyNote}`, total < JS_BUDGET_BYTES]);
  }
  for (const [entry, upFront] of cedarEntries) {
    const cedar = await pageScripts(dist, [entry], upFront);
    const gzip = [...cedar.sizes.values()].reduce((a, b) => a + b.gzip, 0);
    const raw = [...cedar.sizes.values()].reduce((a, b) => a + b.raw, 0);
    const detail = [...cedar.sizes].map(([url, size]) => `${path.posix.basename(url)} ${(size.gzip / 1024).toFixed(1)}`).join(" + ");
    const what = /builder-cedar/.test(entry) ? "the builder's Cedar renderer" : "worker, engine glue, schemas, YAML reader for ToolHive configs";
    rows.push([`lazy Cedar chunk JS (${what}), gzipped`, kb(gzip), `${kb(raw)} raw: ${detail}; loaded only when ${/builder-cedar/.test(entry) ? "a Cedar view is opened" : "a Cedar check is asked for"}`, true]);
    for (const url of cedar.wasm) {
      const bytes = await readFile(path.join(dist, url));
      rows.push([`lazy Cedar engine wasm (${path.posix.basename(url)}), gzipped`, kb(gzipSync(bytes, { level: 9 }).length), `${kb(bytes.length)} raw; fetched from this site only when a Cedar check is asked for`, true]);
    }
  }
  rows.push(...(await scanPageRows(dist)));
  const editor = await measureEditor(dist);
  rows.push([
    "Chromium: longest frame in the 2 s after a 5 MB paste",
    `${editor.longestFrameAfterPasteMs.toFixed(0)} ms`,
    editor.pasteRefused ? "the paste was refused before reaching the editor" : "the paste was NOT refused",
    editor.pasteRefused !== undefined && editor.longestFrameAfterPasteMs < FRAME_BUDGET_MS,
  ]);
  rows.push([
    "Chromium: a 1,500-line policy opened from a link, page height settled after",
    editor.longPolicySettledMs === undefined ? "never (still changing at 3 s)" : `${editor.longPolicySettledMs.toFixed(0)} ms`,
    `editor ${editor.longPolicyHeights.editor.toFixed(0)} px tall, page ${editor.longPolicyHeights.page} px`,
    editor.longPolicySettledMs !== undefined,
  ]);
} finally {
  if (temp) await rm(temp, { recursive: true, force: true });
}
rows.push(...(await classifierWeight()));

console.log(`\nPlayground budgets (${runs} runs after 5 warm-up, Node ${process.versions.node}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})\n`);
console.log("| measure | value | detail | budget |");
console.log("|---|---|---|---|");
for (const [what, value, detail, ok] of rows) console.log(`| ${what} | ${value} | ${detail} | ${ok === undefined ? "measured" : ok ? "ok" : "OVER"} |`);
console.log(`\nBudgets: engine median under ${ENGINE_BUDGET_MS} ms (a worst-case paste under ${WORST_CASE_BUDGET_MS} ms); JS per page under ${JS_BUDGET_BYTES / 1024} KB gzipped (zlib level 9; the site-wide search box script is included; for /scan/, what loads with the page and what a paste fetches); in Chromium no frame over ${FRAME_BUDGET_MS} ms after a refused 5 MB paste, and a page height that settles.`);
if (rows.some((r) => r[3] === false)) process.exitCode = 1;
