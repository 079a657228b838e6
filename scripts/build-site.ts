/**
 * Builds the static site: `astro build` and, beside it, the pagefind index
 * of its server and tool pages (scripts/search-index.ts). `--catalog <dir>`
 * and `--out <dir>` let tests and the benchmark build a fixture catalog into
 * a folder of their own.
 *
 *   npm run build [-- --catalog catalog --servers catalog/servers --out dist]
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { formatDefinitionError, loadDefinitions } from "../src/catalog/load-definitions.ts";
import { TEMPLATE_MARKER } from "../src/catalog/server-definition-schema.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildSiteOptions {
  /** Catalog folder (default `catalog`). */
  catalogDir?: string;
  /** Server definitions folder (default `servers` inside the catalog folder, when there is one). */
  definitionsDir?: string;
  /** Output folder (default `dist`). */
  outDir?: string;
  /** Astro's cache folder; separate builds running at once need separate ones. */
  cacheDir?: string;
  /** Skip the search index. */
  skipSearch?: boolean;
  /** Print the tools' output (default: only on failure). */
  verbose?: boolean;
}

export interface StepResult {
  step: "astro" | "pagefind";
  milliseconds: number;
  output: string;
}

/** Runs a command, collecting its output; rejects with the output when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, verbose: boolean, cwd = root): Promise<{ milliseconds: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (verbose) process.stdout.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      const milliseconds = performance.now() - started;
      if (code === 0) resolve({ milliseconds, output });
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

/**
 * The catalog folder a build reads: `--catalog` first, then `CATALOG_DIR`
 * (the README documents both), then `catalog`. The build sets CATALOG_DIR for
 * Astro itself, so without this the variable from the shell was overwritten.
 */
export function resolveCatalogDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, option || env.CATALOG_DIR || "catalog");
}

export async function buildSite(options: BuildSiteOptions = {}): Promise<StepResult[]> {
  const catalogDir = resolveCatalogDir(options.catalogDir);
  if (!existsSync(catalogDir)) throw new Error(`catalog folder ${catalogDir} does not exist (from ${options.catalogDir ? "--catalog" : "CATALOG_DIR"})`);
  await refuseUntouchedTemplates(options.definitionsDir ? path.resolve(root, options.definitionsDir) : path.join(catalogDir, "servers"));
  const outDir = path.resolve(root, options.outDir ?? "dist");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    CATALOG_DIR: catalogDir,
    SITE_OUT_DIR: outDir,
    ...(options.cacheDir ? { SITE_CACHE_DIR: path.resolve(root, options.cacheDir) } : {}),
  };
  const verbose = options.verbose ?? false;
  const results: StepResult[] = [];
  // The search index is made from the catalog, not from the pages, so it runs beside Astro on the
  // machine's other core; it moves into the output folder only once Astro, which empties that folder, is done.
  const staging = `${outDir}.search-${process.pid}`;
  const search = options.skipSearch ? undefined : run(...pagefindCommand(catalogDir, staging), env, verbose);
  // Its failure is reported when the build awaits it, not as an unhandled rejection while Astro still runs.
  search?.catch(() => undefined);
  try {
    const astro = await run(...astroBuildCommand(), env, verbose);
    results.push({ step: "astro", ...astro });
    // Astro leaves its content-layer bookkeeping in the output folder; none of it is for visitors.
    await Promise.all(["collections", "content-assets.mjs", "content-modules.mjs"].map((f) => rm(path.join(outDir, f), { recursive: true, force: true })));
    if (search) {
      results.push({ step: "pagefind", ...(await search) });
      await rm(path.join(outDir, "pagefind"), { recursive: true, force: true });
      await rename(staging, path.join(outDir, "pagefind"));
    }
  } finally {
    // A failed build still waits for its search step, so nothing is left writing to the staging folder.
    await search?.catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
  }
  return results;
}

/**
 * Node's heap may grow to four times what survives a full collection before
 * it collects again. A build keeps about 300 MB alive at 30,000 tools (the
 * catalog and Astro's route data, from --trace-gc) but peaked at 1.9 GB, all
 * of it rendered pages waiting to be collected. Growing by at most 60% each
 * time halves the peak at the same CPU time (bench:build; issue #18 asks for
 * 1.5 GB at 50,000 tools). The flag only spaces collections: a bigger catalog
 * still gets the heap it needs.
 */
export const ASTRO_NODE_FLAGS = ["--heap-growing-percent=60"] as const;

/** `astro build` as the build runs it; bench:build runs both its sites exactly so. */
export function astroBuildCommand(): [string, string[]] {
  return [process.execPath, [...ASTRO_NODE_FLAGS, path.join(root, "node_modules/astro/astro.js"), "build"]];
}

/** The search index step (pagefind's Node API, fed from the catalog), as the build runs it; bench:build times exactly this. */
export function pagefindCommand(catalogDir: string, outputPath: string): [string, string[]] {
  return [path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/search-index.ts"), "--catalog", catalogDir, "--out", outputPath]];
}

/**
 * A definition add-server wrote and nobody edited would publish template text
 * as the server's description; the build stops and names each such file.
 */
export async function refuseUntouchedTemplates(definitionsDir: string): Promise<void> {
  if (!existsSync(definitionsDir)) return;
  const unedited = (await loadDefinitions(definitionsDir)).errors.filter((e) => e.kind === "untouched-template");
  if (unedited.length === 0) return;
  throw new Error(
    `the site is not built while a server definition still holds the add-server template (${TEMPLATE_MARKER}):\n${unedited.map((e) => `  ${formatDefinitionError(e)}`).join("\n")}`,
  );
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const results = await buildSite({
      catalogDir: argument("catalog"),
      definitionsDir: argument("servers"),
      outDir: argument("out"),
      skipSearch: process.argv.includes("--no-search"),
      verbose: !process.argv.includes("--quiet"),
    });
    for (const r of results) console.log(`${r.step}: ${(r.milliseconds / 1000).toFixed(1)} s${r.step === "pagefind" ? " (beside astro)" : ""}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
