/**
 * Scans one MCP server of your own: connects with the crawler's machinery
 * (timeouts, salvage of malformed tools, the process group killed at the
 * end, a bounded stderr tail), lists every tool, classifies each and prints
 * them by risk. It never calls a tool. Options and exit codes are in the README.
 *
 *   npm run scan -- [options] -- COMMAND [ARGS...]
 *   npm run scan -- [options] --url URL [--header 'Name: value']...
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { crawlServer, type CrawlTarget } from "../src/crawl/crawl-server.ts";
import { exitCodes } from "../src/crawl/exit-codes.ts";
import { stderrExcerpt } from "../src/crawl/stderr-tail.ts";
import { safeForTerminal } from "../src/crawl/terminal-text.ts";
import { scanPolicyYaml, scanTools } from "../src/scan/scanned-tools.ts";
import { scanTable } from "../src/scan/scan-table.ts";
import { secretRedactor } from "../src/scan/redact-secrets.ts";

const usage = `usage: npm run scan -- [--json] [--policy FILE] [--default deny|allow] [--env NAME=VALUE]... [--tags a,b] [--timeout SECONDS] -- COMMAND [ARGS...]
       npm run scan -- [same options] --url URL [--header 'Name: value']...`;

/** Each stderr line on a failure's line is cut to this. */
const STDERR_LINE_LENGTH = 300;

/** What a scanned server inherits besides --env: enough to start, no credentials. */
const inheritedVariables = ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "TZ"];

function fail(message: string): never {
  console.error(`scan: ${message}\n${usage}`);
  process.exit(exitCodes.usage);
}

let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    options: {
      url: { type: "string" },
      header: { type: "string", multiple: true, default: [] },
      env: { type: "string", multiple: true, default: [] },
      json: { type: "boolean", default: false },
      policy: { type: "string" },
      default: { type: "string", default: "allow" },
      tags: { type: "string" },
      timeout: { type: "string", default: "30" },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
}
try {
  parsed = parseOptions();
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(exitCodes.ok);
}

const env: Record<string, string> = {};
for (const entry of values.env) {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(entry);
  // The entry may be a secret: name the problem, never echo the value.
  if (!match) fail(`--env expects NAME=VALUE with NAME made of letters, digits and _ (not starting with a digit); got an entry of ${entry.length} characters without that shape`);
  env[match[1]!] = match[2]!;
}
const headers: Record<string, string> = {};
for (const entry of values.header) {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*([\s\S]*)$/.exec(entry);
  if (!match) fail(`--header expects 'Name: value'; got an entry of ${entry.length} characters without a "Name:" part`);
  headers[match[1]!] = match[2]!;
}
if (values.default !== "allow" && values.default !== "deny") fail(`--default must be allow or deny, got "${safeForTerminal(values.default, 40)}"`);
const timeoutSeconds = Number(values.timeout);
if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 600) fail(`--timeout must be a number of seconds from 0 to 600, got "${safeForTerminal(values.timeout, 40)}"`);
const tags = values.tags?.split(",").map((t) => t.trim()).filter(Boolean);
if (values.tags !== undefined && tags?.length === 0) fail("--tags expects a comma-separated list of words such as payments,database");
if (values.policy === "") fail("--policy expects a file name");

let target: CrawlTarget;
if (values.url !== undefined) {
  if (positionals.length > 0) fail("give either --url or a command after --, not both");
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    fail(`--url must be an http:// or https:// address, got "${safeForTerminal(values.url, 200)}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") fail(`--url must be an http:// or https:// address, got "${safeForTerminal(values.url, 200)}"`);
  if (Object.keys(env).length > 0) fail("--env sets the environment of a command the scan starts; a server at --url runs elsewhere (use --header for credentials)");
  target = { transport: "streamable-http", url: url.href, headers };
} else {
  const [command, ...args] = positionals;
  if (command === undefined) fail("nothing to scan: give a command after -- or a --url");
  if (Object.keys(headers).length > 0) fail("--header is for a server at --url");
  const inherited = Object.fromEntries(inheritedVariables.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])));
  target = { transport: "stdio", process: { command, args, env: { ...inherited, ...env } } };
}

/**
 * The crawler's excerpt of a failed server's stderr, on the failure's one
 * line: its last line, led by the first line that says why (an `Error:`
 * printed before the shutdown logging) when that is not the last.
 */
function stderrInOneLine(tail: string | undefined): string {
  if (!tail) return "";
  const lines = stderrExcerpt(tail, { lines: 1, lineLength: STDERR_LINE_LENGTH }).split("\n").filter((line) => line !== "…" && line.trim() !== "");
  if (lines.length === 0) return "";
  if (lines.length === 1) return `; its stderr ends: ${lines[0]!.trim()}`;
  return `; its stderr says: ${lines[0]!.trim()} … and ends: ${lines.at(-1)!.trim()}`;
}

// Secrets given on the command line never reach the screen or a file, even when the server echoes them.
const redact = secretRedactor({ ...env, ...headers });
const timeoutMs = Math.round(timeoutSeconds * 1000);
const outcome = await crawlServer(target, { connectMs: timeoutMs, listMs: timeoutMs });

if (!outcome.ok) {
  const where = target.transport === "stdio" ? "" : ` (connecting to ${target.url})`;
  console.error(redact(safeForTerminal(`scan: ${outcome.code}: ${outcome.message}${where}${stderrInOneLine(outcome.stderrTail)}`.replace(/\s*\n\s*/g, " "), 900)));
  process.exit(exitCodes.serversFailed);
}

const serverName = outcome.serverInfo.name;
const scanned = scanTools(outcome.listing.tools, { serverName, ...(tags ? { tags } : {}) });
const notes = [
  ...outcome.listing.dropped.map((d) => `dropped the tool at index ${d.index}${d.name === undefined ? "" : ` (${d.name})`}: ${d.reason}`),
  ...outcome.warnings,
];

if (values.policy !== undefined) {
  const yaml = scanPolicyYaml(scanned, { default: values.default, serverName });
  try {
    await writeFile(values.policy, redact(yaml));
  } catch (error) {
    console.error(`scan: could not write the policy to ${values.policy}: ${(error as Error).message}`);
    process.exit(exitCodes.usage);
  }
}

if (values.json) {
  const report = {
    server: outcome.serverInfo,
    ...(outcome.protocolVersion ? { protocolVersion: outcome.protocolVersion } : {}),
    transport: outcome.transportUsed,
    tools: scanned.map((s) => s.tool),
    verdicts: scanned.map(({ verdict: { name, category, risk, confidence, rationale, signals, flags, parameters } }) => ({ name, category, risk, confidence, rationale, signals, flags, parameters })),
    dropped: outcome.listing.dropped,
    warnings: outcome.warnings,
  };
  process.stdout.write(`${redact(JSON.stringify(report, null, 2))}\n`);
} else {
  const title = `${outcome.serverInfo.name} ${outcome.serverInfo.version}: ${scanned.length} ${scanned.length === 1 ? "tool" : "tools"}, highest risk first`;
  const policyNote = values.policy === undefined ? "" : `\nRecommended policy written to ${values.policy} (default: ${values.default}).`;
  process.stdout.write(`${redact(safeForTerminal(title, 300))}\n\n${scanTable(scanned, (text) => redact(safeForTerminal(text, 200)))}\n${policyNote}\n`);
}
for (const note of notes) console.error(redact(`scan: warning: ${safeForTerminal(note.replace(/\s*\n\s*/g, " "), 400)}`));
process.exitCode = exitCodes.ok;
