import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { crawlServer, type CrawlOutcome } from "../crawl/crawl-server.ts";
import type { PackageRef } from "../crawl/install-package.ts";
import { crawlerSetVariables, prepareTarget } from "../crawl/prepare-target.ts";
import { MissingVariableError } from "../crawl/resolve-template.ts";
import { placeholderFor, readLaunchNeeds } from "./launch-failure.ts";

/** One trial crawl: what it was started with and how it went. */
export type LaunchAttempt = {
  env: Record<string, string>;
  args: string[];
  outcome: CrawlOutcome;
};

export type LaunchSearch = {
  package: PackageRef;
  /** The bin to start, when the package has several. */
  bin?: string;
  /** The folder the package is installed in. */
  packageDir: string;
  projectRoot: string;
  /** Values to start from (the caller's `--env` and `--arg`). */
  env: Record<string, string>;
  args: string[];
  timeoutSeconds: number;
  /** Crawls in all, the first included. */
  maxRounds: number;
  onAttempt?: (attempt: LaunchAttempt, round: number) => void;
};

/**
 * Crawls the package with nothing but the given values (no variable from
 * this shell reaches it) and, while it fails naming a variable or argument
 * it has not been given, adds a placeholder for each and tries again. The
 * last attempt is the one that listed tools, or the last failure.
 */
export async function findLaunch(search: LaunchSearch): Promise<{ ok: boolean; attempts: LaunchAttempt[] }> {
  const env = { ...search.env };
  const args = [...search.args];
  const argumentNames = new Set<string>();
  const attempts: LaunchAttempt[] = [];
  for (let round = 1; round <= search.maxRounds; round++) {
    const outcome = await crawlOnce(search, env, args);
    const attempt = { env: { ...env }, args: [...args], outcome };
    attempts.push(attempt);
    search.onAttempt?.(attempt, round);
    if (outcome.ok) return { ok: true, attempts };
    const needs = readLaunchNeeds(`${outcome.stderrTail ?? ""}\n${outcome.message}`, crawlerSetVariables);
    const newVariables = needs.variables.filter((name) => !(name in env));
    const newArgs = needs.args.filter((name) => !argumentNames.has(name));
    if (newVariables.length === 0 && newArgs.length === 0) break;
    for (const name of newVariables) env[name] = placeholderFor(name);
    for (const name of newArgs) {
      argumentNames.add(name);
      args.push(placeholderFor(name));
    }
  }
  return { ok: false, attempts };
}

async function crawlOnce(search: LaunchSearch, env: Record<string, string>, args: string[]): Promise<CrawlOutcome> {
  const sandbox = await mkdtemp(path.join(os.tmpdir(), "add-server-"));
  try {
    const definition = { transport: "stdio" as const, package: { registry: "npm" as const, ...search.package }, args, env, ...(search.bin ? { bin: search.bin } : {}) };
    const { target } = await prepareTarget(
      definition,
      // An empty environment: a `${VAR}` in --env must name a built-in, never this shell's secrets.
      { projectRoot: search.projectRoot, cacheDir: search.projectRoot, env: {}, locate: async () => ({ dir: search.packageDir }) },
      { CATALOG_SANDBOX: sandbox, CATALOG_PROJECT: search.projectRoot },
    );
    const timeoutMs = search.timeoutSeconds * 1000;
    return await crawlServer(target, { connectMs: timeoutMs, listMs: timeoutMs });
  } catch (error) {
    return { ok: false, code: error instanceof MissingVariableError ? "MISSING_VARIABLE" : "SPAWN_FAILED", message: (error as Error).message };
  } finally {
    await rm(sandbox, { recursive: true, force: true });
  }
}
