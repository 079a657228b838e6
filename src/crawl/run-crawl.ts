import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  buildCatalogServer,
  buildFailedCatalogServer,
  launchRecordOf,
} from "../catalog/build-catalog-server.ts";
import { catalogFilePath, readCatalog, readCatalogServer, serializeCatalogServer, writeCatalogServer } from "../catalog/catalog-files.ts";
import { diffCatalogServer, type ServerDiff } from "../catalog/catalog-diff.ts";
import type { CatalogServer, CrawlError, CrawlErrorCode } from "../catalog/catalog-schema.ts";
import { loadDefinitions, type DefinitionError } from "../catalog/load-definitions.ts";
import type { ServerDefinition } from "../catalog/server-definition-schema.ts";
import { CLIENT_CAPABILITIES, crawlServer, type CrawlTarget } from "./crawl-server.ts";
import { BinNotFoundError, findInstallScripts, packageLocation } from "./install-package.ts";
import { PackageInstaller, type InstallOutcome } from "./package-installer.ts";
import type { ListLimits } from "./list-all-tools.ts";
import { prepareTarget, type PreparedTarget } from "./prepare-target.ts";
import { MissingVariableError } from "./resolve-template.ts";
import { crawlPathPlaceholders, scrubPaths, type PathPlaceholder } from "./scrub-paths.ts";
import { cleanServerOutput, stderrExcerpt } from "./stderr-tail.ts";
import { inShard, type Shard } from "../catalog/shard-assignment.ts";

export type CrawlOptions = {
  definitionsDir: string;
  catalogDir: string;
  /** Crawl only these ids (all when absent). */
  only?: string[];
  /** Crawl only this deterministic part of the servers. */
  shard?: Shard;
  /** Where new files are written (default: catalogDir, which always holds the previous files). */
  outDir?: string;
  concurrency: number;
  /** Per phase (connect, list), unless a definition sets its own. */
  timeoutSeconds: number;
  projectRoot: string;
  /** Where packages not in the project's node_modules are installed. */
  cacheDir: string;
  /** npm installs run at once (default 2); installs start with the crawl and run ahead of it. */
  installConcurrency?: number;
  /** The package cache's disk budget in MB (absent: no limit); see PackageInstaller. */
  maxCacheMb?: number;
  /** The crawl's date, YYYY-MM-DD (UTC); only written where something changed. */
  today: string;
  /** Where `${VAR}` references are resolved from. */
  env: Record<string, string | undefined>;
  /** False compares without writing (check mode). */
  write: boolean;
  limits?: Partial<ListLimits>;
  onProgress?: (event: CrawlProgress) => void;
};

export type CrawlPhase = "installing" | "connecting" | "done";
export type CrawlProgress = { id: string; phase: CrawlPhase; result?: ServerResult };

export type ServerResult = {
  id: string;
  status: "ok" | "failed";
  tools: number;
  dropped: { index: number; name?: string; reason: string }[];
  warnings: string[];
  /** The catalog file's bytes differ from before (written unless in check mode). */
  changed: boolean;
  durationMs: number;
  /** Installing its package, or finding it in the cache (packages only; not the wait for an install slot). */
  installMs?: number;
  /** Connecting, listing and stopping the server (absent when it never got that far). */
  crawlMs?: number;
  /** Why it failed; `stderrTail` is the whole kept tail (cleaned), the catalog file keeps an excerpt. */
  error?: CrawlError;
  /** What changed against the previous catalog file. */
  diff: ServerDiff;
};

export type CrawlReport = {
  definitionErrors: DefinitionError[];
  servers: ServerResult[];
  /** Ids passed to `only` that have no definition. */
  unknownIds: string[];
  /** Catalog files whose definition is gone (deleted unless in check mode), with what they held. */
  removedServers: ServerDiff[];
};

/** Crawls every (or each named) server definition into the catalog folder. */
export async function runCrawl(options: CrawlOptions): Promise<CrawlReport> {
  const { definitions, errors } = await loadDefinitions(options.definitionsDir);
  const known = new Set(definitions.map((d) => d.id));
  const invalidIds = new Set(errors.map((e) => path.basename(e.file, ".md")));
  const unknownIds = (options.only ?? []).filter((id) => !known.has(id) && !invalidIds.has(id));
  // With --only, someone else's broken definition is not this run's problem.
  const definitionErrors = options.only ? errors.filter((e) => options.only!.includes(path.basename(e.file, ".md"))) : errors;
  const selected = definitions
    .filter((d) => !options.only || options.only.includes(d.id))
    .filter((d) => !options.shard || inShard(d.id, options.shard));
  const installs = startInstalls(selected, options);
  const servers = await mapWithConcurrency(selected, options.concurrency, (d) => crawlDefinition(d, options, installs.get(d.id)));
  // Only a full crawl may conclude that a server is gone; a file whose definition is merely invalid stays.
  const removedServers = options.only || options.shard ? [] : await removeOrphans(options, new Set([...known, ...invalidIds]));
  return { definitionErrors, servers, unknownIds, removedServers };
}

async function removeOrphans(options: CrawlOptions, definedIds: Set<string>): Promise<ServerDiff[]> {
  const orphans = (await readCatalog(options.catalogDir).catch(() => [])).filter((s) => !definedIds.has(s.id));
  if (options.write) for (const orphan of orphans) await rm(catalogFilePath(options.outDir ?? options.catalogDir, orphan.id), { force: true });
  return orphans.map((orphan) => diffCatalogServer(orphan, undefined));
}

/** Packages a definition is started from (not a `command`), the cache folder it needs. */
function packageOf(definition: ServerDefinition): { pkg: { name: string; version: string }; installScripts: boolean } | undefined {
  if (definition.transport !== "stdio" || definition.command !== undefined || !definition.package) return undefined;
  return { pkg: definition.package, installScripts: definition.installScripts === true };
}

/**
 * Starts every package's install (or cache look-up) at once; the installer
 * runs `installConcurrency` npm installs at a time, ahead of the crawls that
 * wait for them. A failed install is reported by that server's crawl.
 */
function startInstalls(selected: readonly ServerDefinition[], options: CrawlOptions): Map<string, Promise<InstallOutcome>> {
  const needed = new Set<string>();
  for (const d of selected) {
    const p = packageOf(d);
    if (p) needed.add(packageLocation(p.pkg, { cacheDir: options.cacheDir, installScripts: p.installScripts }).folderName);
  }
  const installer = new PackageInstaller({
    projectRoot: options.projectRoot,
    cacheDir: options.cacheDir,
    concurrency: options.installConcurrency ?? 2,
    ...(options.maxCacheMb !== undefined ? { maxCacheBytes: options.maxCacheMb * 2 ** 20 } : {}),
    needed,
  });
  const installs = new Map<string, Promise<InstallOutcome>>();
  for (const d of selected) {
    const p = packageOf(d);
    if (!p) continue;
    const outcome = installer.locate(p.pkg, p.installScripts);
    outcome.catch(() => {}); // reported when the server's crawl awaits it
    installs.set(d.id, outcome);
  }
  return installs;
}

async function crawlDefinition(definition: ServerDefinition, options: CrawlOptions, install?: Promise<InstallOutcome>): Promise<ServerResult> {
  const started = performance.now();
  let installMs: number | undefined;
  let crawlMs: number | undefined;
  const previous = await readPreviousSafely(options.catalogDir, definition.id);
  const sandbox = await mkdtemp(path.join(os.tmpdir(), `catalog-${definition.id}-`));
  const progress = (phase: CrawlPhase, result?: ServerResult) => options.onProgress?.({ id: definition.id, phase, ...(result ? { result } : {}) });
  const finish = async (result: Omit<ServerResult, "id" | "durationMs" | "diff">, next: CatalogServer | undefined = previous): Promise<ServerResult> => {
    await rm(sandbox, { recursive: true, force: true });
    const full = {
      id: definition.id,
      ...result,
      durationMs: Math.round(performance.now() - started),
      ...(installMs !== undefined ? { installMs } : {}),
      ...(crawlMs !== undefined ? { crawlMs } : {}),
      diff: diffCatalogServer(previous, next),
    };
    progress("done", full);
    return full;
  };

  let prepared: PreparedTarget | undefined;
  const placeholders = () => {
    const target = prepared?.target;
    const cwd = target?.transport === "stdio" ? target.process.cwd : undefined;
    return crawlPathPlaceholders({ sandbox, cacheDir: options.cacheDir, projectRoot: options.projectRoot, ...(cwd ? { cwd } : {}) });
  };
  const fail = async (error: CrawlError) => {
    const cleaned = cleanError(error, await placeholders());
    const failure = await recordFailure(definition, prepared?.binName, cleaned, previous, options);
    return finish(failure.result, failure.next);
  };
  try {
    progress(definition.transport === "stdio" && definition.package && !definition.command ? "installing" : "connecting");
    const launchOptions = {
      ...options,
      ...(install
        ? {
            locate: async () => {
              const outcome = await install;
              installMs = outcome.installMs;
              return outcome.located;
            },
          }
        : {}),
    };
    prepared = await prepareTarget(definition, launchOptions, { CATALOG_SANDBOX: sandbox, CATALOG_PROJECT: options.projectRoot });
  } catch (error) {
    const code: CrawlErrorCode =
      error instanceof MissingVariableError ? "MISSING_VARIABLE" : error instanceof BinNotFoundError ? "BIN_NOT_FOUND" : "INSTALL_FAILED";
    return fail({ code, message: (error as Error).message });
  }
  progress("connecting");
  const timeoutMs = (definition.timeoutSeconds ?? options.timeoutSeconds) * 1000;
  const crawlStarted = performance.now();
  const rawOutcome = await crawlServer(prepared.target, { connectMs: timeoutMs, listMs: timeoutMs }, options.limits);
  crawlMs = Math.round(performance.now() - crawlStarted);
  const outcome = scrubPaths(rawOutcome, await placeholders());
  const launch = launchRecordOf(definition, prepared.binName);
  if (!outcome.ok) {
    const { code, message, stderrTail } = outcome;
    const hint = code === "SERVER_EXITED" || code === "SPAWN_FAILED" ? await skippedScriptsHint(definition, prepared.scriptsSkippedIn) : undefined;
    return fail({ code, message, ...(hint ? { hint } : {}), ...(stderrTail ? { stderrTail } : {}) });
  }
  const server = buildCatalogServer(
    definition,
    launch,
    {
      serverInfo: outcome.serverInfo,
      ...(outcome.protocolVersion ? { protocolVersion: outcome.protocolVersion } : {}),
      ...(outcome.capabilities ? { capabilities: outcome.capabilities } : {}),
      ...(outcome.instructions ? { instructions: outcome.instructions } : {}),
      clientCapabilities: { ...CLIENT_CAPABILITIES },
      pages: outcome.listing.pages,
      warnings: outcome.warnings,
      dropped: outcome.listing.dropped,
      tools: outcome.listing.tools,
    },
    previous,
    options.today,
  );
  const changed = await store(server, previous, options);
  return finish({ status: "ok", tools: server.tools.length, dropped: server.crawl.dropped, warnings: server.crawl.warnings, changed }, server);
}

/** Lines of stderr a catalog file keeps (besides the decisive line), and how long each may be. */
const STORED_STDERR = { lines: 20, lineLength: 300 };

/**
 * A failing server keeps its previous file exactly as it was; only a server
 * that never succeeded gets a file, saying it failed, so the site can show it.
 * That file keeps an excerpt of the server's stderr: the report has the rest.
 */
async function recordFailure(
  definition: ServerDefinition,
  binName: string | undefined,
  error: CrawlError,
  previous: CatalogServer | undefined,
  options: CrawlOptions,
): Promise<{ result: Omit<ServerResult, "id" | "durationMs" | "diff">; next: CatalogServer | undefined }> {
  let changed = false;
  let next = previous;
  if (!previous || previous.crawl.status === "failed") {
    const { stderrTail, ...rest } = error;
    const stored: CrawlError = { ...rest, message: error.message.slice(0, 500), ...(stderrTail ? { stderrTail: stderrExcerpt(stderrTail, STORED_STDERR) } : {}) };
    const failed = buildFailedCatalogServer(definition, launchRecordOf(definition, binName), stored, { ...CLIENT_CAPABILITIES }, previous, options.today);
    changed = await store(failed, previous, options);
    next = failed;
  }
  return { result: { status: "failed", tools: previous?.tools.length ?? 0, dropped: [], warnings: [], changed, error }, next };
}

/** A failure's server-supplied text, cleaned the same way for the report, the terminal and the catalog. */
function cleanError(error: CrawlError, placeholders: readonly PathPlaceholder[]): CrawlError {
  const { stderrTail, ...rest } = error;
  const tail = stderrTail === undefined ? "" : cleanServerOutput(stderrTail, placeholders).trim();
  return { ...rest, message: cleanServerOutput(error.message, placeholders), ...(tail ? { stderrTail: tail } : {}) };
}

/**
 * When a server installed without its install scripts dies, those scripts
 * are the likely cause (a build step that makes the bin, a native module
 * never compiled): say so, and how to allow them for this definition.
 */
async function skippedScriptsHint(definition: ServerDefinition, installRoot: string | undefined): Promise<string | undefined> {
  if (installRoot === undefined) return undefined;
  const scripts = await findInstallScripts(installRoot);
  if (scripts.length === 0) return undefined;
  const shown = scripts.slice(0, 3).map((s) => `${s.name} ${s.script}: ${s.command.length > 80 ? `${s.command.slice(0, 80)}…` : s.command}`);
  const more = scripts.length > 3 ? ` and ${scripts.length - 3} more` : "";
  return `install scripts were skipped (${shown.join("; ")}${more}); if the server needs them, allow them for this server with \`installScripts: true\` in ${definition.id}.md`;
}

async function store(server: CatalogServer, previous: CatalogServer | undefined, options: CrawlOptions): Promise<boolean> {
  const changed = !previous || serializeCatalogServer(server) !== serializeCatalogServer(previous);
  if (options.write && (changed || options.outDir)) await writeCatalogServer(options.outDir ?? options.catalogDir, server);
  return changed;
}

/** An unreadable previous file is replaced by a fresh crawl rather than stopping it. */
async function readPreviousSafely(catalogDir: string, id: string): Promise<CatalogServer | undefined> {
  try {
    return await readCatalogServer(catalogDir, id);
  } catch {
    return undefined;
  }
}

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
