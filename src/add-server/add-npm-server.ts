import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { packageSchema, TEMPLATE_MARKER } from "../catalog/server-definition-schema.ts";
import type { PackageRef } from "../crawl/install-package.ts";
import { binsOf, chooseBin } from "./choose-bin.ts";
import { writeDefinitions, type DefinitionDraft } from "./definition-file.ts";
import { findLaunch, type LaunchAttempt } from "./find-launch.ts";
import { parsePackageSpec, repositoryUrlOf, type PackageMetadata } from "./npm-package.ts";
import { idFromPackageName } from "./server-id.ts";

/** What add-server reaches outside this process for; tests replace both. */
export type AddServerDeps = {
  /** The registry's metadata for a version, tag or range (see `lookUpPackage`). */
  lookUpPackage: (name: string, version: string | undefined) => Promise<PackageMetadata>;
  /** Installs the exact version, scripts off, and returns its folder (see `locatePackage`). */
  installPackage: (pkg: PackageRef) => Promise<string>;
  /** Progress lines for the person running it. */
  log: (line: string) => void;
};

export type AddNpmServerOptions = {
  /** `name` or `name@version` (a tag or range is resolved to the exact version). */
  spec: string;
  bin?: string;
  id?: string;
  /** Replace an existing definition. */
  force: boolean;
  /** Values given by hand, tried from the first crawl on. */
  env: Record<string, string>;
  args: string[];
  definitionsDir: string;
  projectRoot: string;
  timeoutSeconds: number;
  maxRounds: number;
};

export type AddedServer = {
  id: string;
  file: string;
  package: PackageRef;
  bin?: string;
  /** The launch that listed tools. */
  env: Record<string, string>;
  args: string[];
  tools: string[];
  attempts: number;
};

/** The trial crawls never listed tools; nothing was written. */
export class LaunchNotFoundError extends Error {
  constructor(readonly attempts: LaunchAttempt[]) {
    const last = attempts.at(-1)?.outcome;
    super(`the server did not list its tools in ${attempts.length} trial crawl${attempts.length === 1 ? "" : "s"}${last && !last.ok ? ` (last: ${last.code}: ${last.message})` : ""}`);
  }
}

/** Usage problems: an unknown package or version, a bin to choose, an existing definition. */
export class AddServerUsageError extends Error {}

/**
 * Adds an npm package as a server definition: exact version, install,
 * bin, trial crawls with placeholders until it lists its tools, then a
 * definition whose body is a template the maintainer must replace.
 */
export async function addNpmServer(options: AddNpmServerOptions, deps: AddServerDeps): Promise<AddedServer> {
  const requested = parsePackageSpec(options.spec);
  if (!packageSchema.shape.name.safeParse(requested.name).success) throw new AddServerUsageError(`"${requested.name}" is not an npm package name`);
  const metadata = await deps.lookUpPackage(requested.name, requested.version).catch((error: unknown) => {
    throw new AddServerUsageError((error as Error).message, { cause: error });
  });
  if (isExactVersion(requested.version) && metadata.version !== requested.version) {
    throw new AddServerUsageError(`${requested.name}@${requested.version} does not exist (the registry answered ${metadata.version})`);
  }
  if (!isExactVersion(metadata.version)) throw new AddServerUsageError(`${requested.name} resolved to "${metadata.version}", which is not an exact version`);
  const pkg = { name: metadata.name, version: metadata.version };
  deps.log(`resolved ${options.spec} to ${pkg.name}@${pkg.version}`);

  const id = options.id ?? idFromPackageName(pkg.name);
  const file = path.join(options.definitionsDir, `${id}.md`);
  if (!options.force && (await exists(file))) throw new AddServerUsageError(`${file} already exists: add --force to replace it, or --id to choose another id`);

  const packageDir = await deps.installPackage(pkg);
  deps.log(`installed into ${packageDir} (install scripts off)`);
  const manifest = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { name?: string; bin?: string | Record<string, string> };
  let bin;
  try {
    bin = chooseBin(pkg.name, binsOf(manifest), options.bin);
  } catch (error) {
    throw new AddServerUsageError((error as Error).message, { cause: error });
  }
  deps.log(`starting its bin ${bin.name}`);

  const search = await findLaunch({
    package: pkg,
    ...(bin.mustName ? { bin: bin.name } : {}),
    packageDir,
    projectRoot: options.projectRoot,
    env: options.env,
    args: options.args,
    timeoutSeconds: options.timeoutSeconds,
    maxRounds: options.maxRounds,
    onAttempt: (attempt, round) => deps.log(describeAttempt(attempt, round)),
  });
  const last = search.attempts.at(-1)!;
  if (!search.ok || !last.outcome.ok) throw new LaunchNotFoundError(search.attempts);
  const tools = last.outcome.listing.tools.map((t) => t.name);

  const homepage = httpUrl(metadata.homepage) ?? repositoryUrlOf(metadata.repository) ?? npmPage(pkg.name);
  const draft: DefinitionDraft = {
    id,
    frontMatter: {
      name: last.outcome.serverInfo.title ?? titleOf(id),
      summary: summaryOf(metadata.description),
      homepage,
      repository: repositoryUrlOf(metadata.repository) ?? homepage,
      package: { registry: "npm", ...pkg },
      ...(bin.mustName ? { bin: bin.name } : {}),
      transport: "stdio",
      args: last.args,
      env: last.env,
      tags: [],
    },
    notes: [`the trial crawl listed ${tools.length} tool${tools.length === 1 ? "" : "s"}: ${tools.slice(0, 40).join(", ")}${tools.length > 40 ? ", …" : ""}.`],
  };
  const [written] = await writeDefinitions(options.definitionsDir, [draft], { force: options.force });
  return { id, file: written!, package: pkg, ...(bin.mustName ? { bin: bin.name } : {}), env: last.env, args: last.args, tools, attempts: search.attempts.length };
}

function describeAttempt(attempt: LaunchAttempt, round: number): string {
  const given = [...Object.keys(attempt.env).map((k) => `${k}=${attempt.env[k]}`), ...attempt.args.map((a) => `arg ${a}`)];
  const how = given.length ? `with ${given.join(", ")}` : "with an empty environment";
  const result = attempt.outcome.ok ? `listed ${attempt.outcome.listing.tools.length} tools` : `${attempt.outcome.code}: ${attempt.outcome.message}`;
  return `trial crawl ${round} ${how}: ${result}`;
}

const exactVersionPattern = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
function isExactVersion(version: string | undefined): version is string {
  return version !== undefined && exactVersionPattern.test(version);
}

/** The package's description as the summary (at most 300 characters), or a marked line to replace. */
function summaryOf(description: string | undefined): string {
  const text = description?.replace(/\s+/g, " ").trim();
  if (!text) return `${TEMPLATE_MARKER}: one sentence on what the server is for`;
  return text.length <= 300 ? text : `${text.slice(0, 299).trimEnd()}…`;
}

function titleOf(id: string): string {
  return id.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}

function httpUrl(value: string | undefined): string | undefined {
  return value && /^https?:\/\/\S+$/.test(value) ? value : undefined;
}

function npmPage(name: string): string {
  return `https://www.npmjs.com/package/${name}`;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
