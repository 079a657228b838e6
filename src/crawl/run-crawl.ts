import { mkdtemp, realpath, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  buildCatalogServer,
  buildFailedCatalogServer,
  launchRecordOf,
} from "../catalog/build-catalog-server.ts";
import { catalogFilePath, readCatalog, readCatalogServer, serializeCatalogServer, writeCatalogServer } from "../catalog/catalog-files.ts";
import { diffCatalogServer, type ServerDiff } from "../catalog/catalog-diff.ts";
import type { CatalogServer, CrawlErrorCode } from "../catalog/catalog-schema.ts";
import { loadDefinitions, type DefinitionError } from "../catalog/load-definitions.ts";
import type { ServerDefinition } from "../catalog/server-definition-schema.ts";
import { CLIENT_CAPABILITIES, crawlServer, type CrawlTarget } from "./crawl-server.ts";
import type { ListLimits } from "./list-all-tools.ts";
import { prepareTarget } from "./prepare-target.ts";
import { MissingVariableError } from "./resolve-template.ts";
import { scrubPaths, type PathPlaceholder } from "./scrub-paths.ts";
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
  error?: { code: CrawlErrorCode; message: string; stderrTail?: string };
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
  const servers = await mapWithConcurrency(selected, options.concurrency, (d) => crawlDefinition(d, options));
  // Only a full crawl may conclude that a server is gone; a file whose definition is merely invalid stays.
  const removedServers = options.only || options.shard ? [] : await removeOrphans(options, new Set([...known, ...invalidIds]));
  return { definitionErrors, servers, unknownIds, removedServers };
}

async function removeOrphans(options: CrawlOptions, definedIds: Set<string>): Promise<ServerDiff[]> {
  const orphans = (await readCatalog(options.catalogDir).catch(() => [])).filter((s) => !definedIds.has(s.id));
  if (options.write) for (const orphan of orphans) await rm(catalogFilePath(options.outDir ?? options.catalogDir, orphan.id), { force: true });
  return orphans.map((orphan) => diffCatalogServer(orphan, undefined));
}

async function crawlDefinition(definition: ServerDefinition, options: CrawlOptions): Promise<ServerResult> {
  const started = performance.now();
  const previous = await readPreviousSafely(options.catalogDir, definition.id);
  const sandbox = await mkdtemp(path.join(os.tmpdir(), `catalog-${definition.id}-`));
  const progress = (phase: CrawlPhase, result?: ServerResult) => options.onProgress?.({ id: definition.id, phase, ...(result ? { result } : {}) });
  const finish = async (result: Omit<ServerResult, "id" | "durationMs" | "diff">, next: CatalogServer | undefined = previous): Promise<ServerResult> => {
    await rm(sandbox, { recursive: true, force: true });
    const full = { id: definition.id, ...result, durationMs: Math.round(performance.now() - started), diff: diffCatalogServer(previous, next) };
    progress("done", full);
    return full;
  };

  let prepared: { target: CrawlTarget; binName?: string };
  try {
    progress(definition.transport === "stdio" && definition.package && !definition.command ? "installing" : "connecting");
    prepared = await prepareTarget(definition, options, { CATALOG_SANDBOX: sandbox, CATALOG_PROJECT: options.projectRoot });
  } catch (error) {
    const code: CrawlErrorCode = error instanceof MissingVariableError ? "MISSING_VARIABLE" : "INSTALL_FAILED";
    const failure = await recordFailure(definition, undefined, { code, message: (error as Error).message }, previous, options);
    return finish(failure.result, failure.next);
  }
  progress("connecting");
  const timeoutMs = (definition.timeoutSeconds ?? options.timeoutSeconds) * 1000;
  const rawOutcome = await crawlServer(prepared.target, { connectMs: timeoutMs, listMs: timeoutMs }, options.limits);
  const outcome = scrubPaths(rawOutcome, await crawlPathPlaceholders(sandbox, prepared.target, options.projectRoot));
  const launch = launchRecordOf(definition, prepared.binName);
  if (!outcome.ok) {
    const { code, message, stderrTail } = outcome;
    const failure = await recordFailure(definition, prepared.binName, { code, message, ...(stderrTail ? { stderrTail } : {}) }, previous, options);
    return finish(failure.result, failure.next);
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

/**
 * A failing server keeps its previous file exactly as it was; only a server
 * that never succeeded gets a file, saying it failed, so the site can show it.
 */
async function recordFailure(
  definition: ServerDefinition,
  binName: string | undefined,
  error: NonNullable<ServerResult["error"]>,
  previous: CatalogServer | undefined,
  options: CrawlOptions,
): Promise<{ result: Omit<ServerResult, "id" | "durationMs" | "diff">; next: CatalogServer | undefined }> {
  let changed = false;
  let next = previous;
  if (!previous || previous.crawl.status === "failed") {
    const failed = buildFailedCatalogServer(
      definition,
      launchRecordOf(definition, binName),
      { code: error.code, message: error.message.slice(0, 500) },
      { ...CLIENT_CAPABILITIES },
      previous,
      options.today,
    );
    changed = await store(failed, previous, options);
    next = failed;
  }
  return { result: { status: "failed", tools: previous?.tools.length ?? 0, dropped: [], warnings: [], changed, error }, next };
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

/**
 * The paths a server may echo that differ from one crawl or machine to the
 * next: the sandbox (also its HOME), under both its own and its real name,
 * the working folder when it is neither, and the repository checkout itself.
 */
async function crawlPathPlaceholders(sandbox: string, target: CrawlTarget, projectRoot: string): Promise<PathPlaceholder[]> {
  const placeholders: PathPlaceholder[] = [{ path: sandbox, placeholder: "${CATALOG_SANDBOX}" }];
  const real = await realpath(sandbox).catch(() => sandbox);
  if (real !== sandbox) placeholders.push({ path: real, placeholder: "${CATALOG_SANDBOX}" });
  const cwd = target.transport === "stdio" ? target.process.cwd : undefined;
  if (cwd !== undefined && cwd !== sandbox && cwd !== projectRoot) placeholders.push({ path: cwd, placeholder: "${CATALOG_CWD}" });
  placeholders.push({ path: projectRoot, placeholder: "${CATALOG_PROJECT}" });
  return placeholders;
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
