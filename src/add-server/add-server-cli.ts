import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { TEMPLATE_MARKER } from "../catalog/server-definition-schema.ts";
import { safeForTerminal } from "../crawl/terminal-text.ts";
import { addNpmServer, AddServerUsageError, LaunchNotFoundError, type AddServerDeps } from "./add-npm-server.ts";
import { writeDefinitions } from "./definition-file.ts";
import { importRegistryServer, parseRegistryServer, RegistryServerError } from "./import-registry-server.ts";

export const usage = `usage: npm run add-server -- <npm package>[@version] [--bin NAME] [--id ID] [--env NAME=VALUE]... [--arg VALUE]... [--force] [--servers DIR] [--timeout SECONDS] [--rounds N]
       npm run add-server -- --from server.json [--force] [--servers DIR]`;

/** add-server's exit codes, documented in the README. */
export const addServerExitCodes = {
  /** Definitions written. */
  ok: 0,
  /** Bad options or input: an unknown package or version, a bin to choose, a definition that exists, a server.json that is not JSON or not the schema. */
  usage: 2,
  /** Nothing could be added: the trial crawls never listed tools, or the server.json holds nothing this crawler runs. */
  nothingAdded: 4,
} as const;

export type CliIo = { out: (line: string) => void; err: (line: string) => void };

/** Runs add-server with command-line arguments; returns the exit code. */
export async function runAddServer(argv: string[], deps: Omit<AddServerDeps, "log">, io: CliIo, projectRoot: string): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        from: { type: "string" },
        bin: { type: "string" },
        id: { type: "string" },
        env: { type: "string", multiple: true, default: [] },
        arg: { type: "string", multiple: true, default: [] },
        force: { type: "boolean", default: false },
        servers: { type: "string", default: "catalog/servers" },
        timeout: { type: "string", default: "30" },
        rounds: { type: "string", default: "4" },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  if (values.help) {
    io.out(usage);
    return addServerExitCodes.ok;
  }
  const definitionsDir = path.resolve(projectRoot, String(values.servers));
  const force = values.force === true;
  if (typeof values.from === "string") {
    if (positionals.length > 0) return usageError(io, "give a package or --from server.json, not both");
    for (const option of ["bin", "id"] as const) if (values[option] !== undefined) return usageError(io, `--${option} is for adding one npm package, not --from`);
    if ((values.env as string[]).length || (values.arg as string[]).length) return usageError(io, "--env and --arg are for adding one npm package, not --from");
    return importFrom(path.resolve(projectRoot, values.from), { definitionsDir, projectRoot, force }, io);
  }
  if (positionals.length !== 1) return usageError(io, positionals.length === 0 ? "name an npm package, or give --from server.json" : `one package at a time, got ${positionals.join(" ")}`);
  const env: Record<string, string> = {};
  for (const pair of values.env as string[]) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!match) return usageError(io, `--env takes NAME=VALUE, got "${pair}"`);
    env[match[1]!] = match[2]!;
  }
  const timeoutSeconds = Number(values.timeout);
  const maxRounds = Number(values.rounds);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 600) return usageError(io, `--timeout must be a number of seconds from 0 to 600, got "${values.timeout}"`);
  if (!Number.isInteger(maxRounds) || maxRounds < 1 || maxRounds > 10) return usageError(io, `--rounds must be an integer from 1 to 10, got "${values.rounds}"`);

  try {
    const added = await addNpmServer(
      {
        spec: positionals[0]!,
        ...(typeof values.bin === "string" ? { bin: values.bin } : {}),
        ...(typeof values.id === "string" ? { id: values.id } : {}),
        force,
        env,
        args: values.arg as string[],
        definitionsDir,
        projectRoot,
        timeoutSeconds,
        maxRounds,
      },
      { ...deps, log: (line) => io.out(safeForTerminal(line)) },
    );
    const relative = path.relative(projectRoot, added.file);
    io.out(`\nwrote ${relative}: ${added.package.name}@${added.package.version}${added.bin ? `, bin ${added.bin}` : ""}, ${added.tools.length} tools listed after ${added.attempts} trial crawl${added.attempts === 1 ? "" : "s"}`);
    for (const [name, value] of Object.entries(added.env)) io.out(`  env ${name}: ${value}`);
    if (added.args.length) io.out(`  args: ${added.args.join(" ")}`);
    printToDo(io, [{ id: added.id, file: relative }], definitionsDir, projectRoot);
    return addServerExitCodes.ok;
  } catch (error) {
    if (error instanceof AddServerUsageError) {
      io.err(`add-server: ${error.message}`);
      return addServerExitCodes.usage;
    }
    if (error instanceof LaunchNotFoundError) {
      io.err(`add-server: ${error.message}; nothing was written.`);
      const tail = error.attempts.at(-1)?.outcome;
      if (tail && !tail.ok && tail.stderrTail) io.err(`--- its stderr (last lines) ---\n${safeForTerminal(tail.stderrTail.split("\n").slice(-10).join("\n"))}`);
      io.err("Give what it needs by hand with --env NAME=VALUE or --arg VALUE (placeholders, never real secrets), or leave it out of the catalog.");
      return addServerExitCodes.nothingAdded;
    }
    io.err(`add-server: ${(error as Error).message}`);
    return addServerExitCodes.usage;
  }
}

async function importFrom(file: string, { definitionsDir, projectRoot, force }: { definitionsDir: string; projectRoot: string; force: boolean }, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    io.err(`add-server: cannot read ${file}: ${(error as Error).message}`);
    return addServerExitCodes.usage;
  }
  let imported;
  try {
    imported = importRegistryServer(parseRegistryServer(text, file), file);
  } catch (error) {
    if (!(error instanceof RegistryServerError)) throw error;
    io.err(`add-server: ${file} is not a server.json this importer reads; nothing was written:\n${error.problems.map((p) => `  ${p.field}: ${p.message}`).join("\n")}`);
    return addServerExitCodes.usage;
  }
  for (const line of imported.unsupported) io.out(`skipped ${line}`);
  if (imported.drafts.length === 0) {
    io.err(`add-server: ${file} has no npm package run over stdio and no remote; nothing was written.`);
    return addServerExitCodes.nothingAdded;
  }
  let written: string[];
  try {
    written = await writeDefinitions(definitionsDir, imported.drafts, { force });
  } catch (error) {
    io.err(`add-server: ${(error as Error).message}`);
    return addServerExitCodes.usage;
  }
  for (const [i, draft] of imported.drafts.entries()) {
    const fm = draft.frontMatter;
    const launch = fm.transport === "stdio" ? `npm ${fm.package?.name}@${fm.package?.version}` : `${fm.transport} ${fm.url}`;
    io.out(`wrote ${path.relative(projectRoot, written[i]!)}: ${launch}`);
  }
  for (const ref of imported.references) {
    const kind = [ref.secret ? "secret" : "", ref.required ? "required" : ""].filter(Boolean).join(", ");
    io.out(`  ${ref.id}: \${${ref.name}}${kind ? ` (${kind})` : ""}: the crawl needs it set, or a placeholder in its place`);
  }
  printToDo(io, imported.drafts.map((d, i) => ({ id: d.id, file: path.relative(projectRoot, written[i]!) })), definitionsDir, projectRoot);
  return addServerExitCodes.ok;
}

function printToDo(io: CliIo, added: { id: string; file: string }[], definitionsDir: string, projectRoot: string): void {
  const files = added.map((a) => a.file).join(", ");
  // The crawl writes catalog files into its own --catalog folder (catalog/ by default), wherever the definitions are.
  const catalogFiles = added.map((a) => `catalog/${a.id}.json`).join(", ");
  const servers = path.relative(projectRoot, definitionsDir);
  const serversOption = servers === path.join("catalog", "servers") ? "" : ` --servers ${servers}`;
  io.out(`\nleft to do:`);
  io.out(`  1. edit ${files}: write the body in your own words and check the summary, then delete every ${TEMPLATE_MARKER} line (the crawl and the site build refuse the file until then)`);
  io.out(`  2. check the tags (domain words the classifier reads: files, payments, git-hosting...)`);
  io.out(`  3. npm run crawl --${serversOption} --only ${added.map((a) => a.id).join(",")}`);
  io.out(`  4. commit ${files} and ${catalogFiles}`);
}

function usageError(io: CliIo, message: string): number {
  io.err(`add-server: ${message}\n${usage}`);
  return addServerExitCodes.usage;
}
