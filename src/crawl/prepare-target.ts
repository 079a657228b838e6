import { readFile } from "node:fs/promises";
import path from "node:path";
import type { HttpLaunch, StdioLaunch } from "../catalog/server-definition-schema.ts";
import type { CrawlTarget } from "./crawl-server.ts";
import { locatePackage, resolveBin, type LocatedPackage, type PackageRef } from "./install-package.ts";
import { resolveTemplate, type BuiltinVariables } from "./resolve-template.ts";

/** What launching a definition needs from the crawl around it. */
export type LaunchOptions = {
  projectRoot: string;
  /** Where packages not in the project's node_modules are installed. */
  cacheDir: string;
  /** Where `${VAR}` references are resolved from. */
  env: Record<string, string | undefined>;
  /** Finds (installing if needed) a pinned package; `locatePackage` unless a caller already has it. */
  locate?: (pkg: PackageRef, installScripts: boolean) => Promise<LocatedPackage>;
};

/** The launch fields of a definition; add-server tries launches that have no file yet. */
export type LaunchDefinition =
  | (Pick<StdioLaunch, "transport" | "package" | "bin" | "command" | "args" | "env" | "cwd"> & Partial<Pick<StdioLaunch, "installScripts">>)
  | Pick<HttpLaunch, "transport" | "url" | "headers">;

/** Variables a server process inherits from the crawler; credentials come only from the definition. */
const inheritedVariables = ["PATH", "TMPDIR", "LANG", "LC_ALL", "TZ"];

/** Names the crawler sets for every server process itself. */
export const crawlerSetVariables: ReadonlySet<string> = new Set([...inheritedVariables, "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"]);

/** What `crawlServer` is given, and what the crawl reports about how it got there. */
export type PreparedTarget = {
  target: CrawlTarget;
  binName?: string;
  /** The install folder whose install scripts were skipped, when the package was installed without them. */
  scriptsSkippedIn?: string;
};

/**
 * Turns a definition into what `crawlServer` starts or connects to: templates
 * resolved, the package located and its bin chosen. Throws
 * `MissingVariableError` for an unset `${VAR}`, and install errors as they come.
 */
export async function prepareTarget(
  definition: LaunchDefinition,
  options: LaunchOptions,
  builtins: BuiltinVariables,
): Promise<PreparedTarget> {
  const resolve = (value: string) => resolveTemplate(value, options.env, builtins);
  if (definition.transport !== "stdio") {
    const headers = Object.fromEntries(Object.entries(definition.headers).map(([k, v]) => [k, resolve(v)]));
    return { target: { transport: definition.transport, url: resolve(definition.url), headers } };
  }
  const args = definition.args.map(resolve);
  const env: Record<string, string> = {};
  for (const name of inheritedVariables) if (process.env[name] !== undefined) env[name] = process.env[name]!;
  // Servers write configs, caches and device ids under HOME: keep all of it in the crawl's sandbox.
  Object.assign(env, { HOME: builtins.CATALOG_SANDBOX, XDG_CONFIG_HOME: path.join(builtins.CATALOG_SANDBOX, ".config"), XDG_CACHE_HOME: path.join(builtins.CATALOG_SANDBOX, ".cache") });
  for (const [name, value] of Object.entries(definition.env)) env[name] = resolve(value);
  if (definition.command !== undefined) {
    // A command's arguments are written relative to the repository (test fixtures, local scripts).
    const cwd = path.resolve(options.projectRoot, definition.cwd ?? ".");
    const command = definition.command === "node" ? process.execPath : definition.command.includes("/") ? path.resolve(options.projectRoot, definition.command) : definition.command;
    return { target: { transport: "stdio", process: { command, args, env, cwd } } };
  }
  const locate =
    options.locate ?? ((pkg: PackageRef, installScripts: boolean) => locatePackage(pkg, { projectRoot: options.projectRoot, cacheDir: options.cacheDir, installScripts }));
  const located = await locate(definition.package!, definition.installScripts === true);
  const packageDir = located.dir;
  const binPath = await resolveBin(packageDir, definition.bin);
  const binName = definition.bin ?? (await binNameOf(packageDir, binPath));
  // A published server runs in an empty folder of its own, so whatever it writes lands there.
  const cwd = definition.cwd ? path.resolve(options.projectRoot, definition.cwd) : builtins.CATALOG_SANDBOX;
  // Started with the running Node, never through npx or a shell.
  const viaNode = await isNodeScript(binPath);
  const process_ = viaNode ? { command: process.execPath, args: [binPath, ...args] } : { command: binPath, args };
  return {
    target: { transport: "stdio", process: { ...process_, env, cwd } },
    ...(binName ? { binName } : {}),
    ...(located.scriptsSkippedIn ? { scriptsSkippedIn: located.scriptsSkippedIn } : {}),
  };
}

async function isNodeScript(file: string): Promise<boolean> {
  if (/\.(c|m)?js$/.test(file)) return true;
  const head = (await readFile(file, "utf8").catch(() => "")).slice(0, 200);
  return /^#!.*\bnode\b/.test(head);
}

async function binNameOf(packageDir: string, binPath: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { name?: string; bin?: string | Record<string, string> };
  if (typeof manifest.bin === "string") return manifest.name?.split("/").pop();
  return Object.entries(manifest.bin ?? {}).find(([, p]) => path.resolve(packageDir, p) === binPath)?.[0];
}
