import { setMaxListeners } from "node:events";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { CrawlErrorCode } from "../catalog/catalog-schema.ts";
import { listAllTools, type ListLimits, type ToolListing } from "./list-all-tools.ts";
import { ProcessStdioTransport, type ProcessLaunch } from "./process-stdio-transport.ts";

/** What the crawler declares in initialize; recorded in the catalog because tool lists can depend on it. */
export const CLIENT_CAPABILITIES = {} as const;
export const CLIENT_INFO = { name: "mcp-tool-catalog-crawler", version: "1.0.0" } as const;

export type CrawlTarget =
  | { transport: "stdio"; process: ProcessLaunch }
  | { transport: "streamable-http" | "sse"; url: string; headers: Record<string, string> };

export type CrawlTimeouts = { connectMs: number; listMs: number };

export type ServerCrawl = {
  serverInfo: { name: string; version: string; title?: string };
  protocolVersion?: string;
  capabilities?: Record<string, unknown>;
  instructions?: string;
  listing: ToolListing;
  /** Which HTTP transport answered, when Streamable HTTP fell back to SSE. */
  transportUsed: CrawlTarget["transport"];
};

export type CrawlFailure = { code: CrawlErrorCode; message: string; stderrTail?: string };

export type CrawlOutcome =
  | ({ ok: true; stderrTail?: string; warnings: string[] } & ServerCrawl)
  | ({ ok: false } & CrawlFailure);

class PhaseTimeout extends Error {}

/** How long a killed server's stderr may take to deliver its last bytes. */
const STDERR_DRAIN_MS = 250;

/**
 * Connects to one server, reads its whole tool list and disconnects. It never
 * calls a tool. Whatever happens, the server's process tree is killed before
 * this returns, and failures come back as a code and a message, not a throw.
 */
export async function crawlServer(
  target: CrawlTarget,
  timeouts: CrawlTimeouts,
  limits?: Partial<ListLimits>,
): Promise<CrawlOutcome> {
  if (target.transport === "stdio") return crawlOverStdio(target.process, timeouts, limits);
  const attempt = await crawlOverTransport(() => httpTransport(target.transport, target.url, target.headers), timeouts, limits);
  // Servers that only speak the older HTTP+SSE transport refuse the Streamable HTTP POST.
  if (!attempt.ok && target.transport === "streamable-http" && attempt.code === "CONNECT_FAILED") {
    const fallback = await crawlOverTransport(() => httpTransport("sse", target.url, target.headers), timeouts, limits);
    if (fallback.ok) return { ...fallback, transportUsed: "sse" };
  }
  return attempt.ok ? { ...attempt, transportUsed: target.transport } : attempt;
}

function httpTransport(kind: "streamable-http" | "sse", url: string, headers: Record<string, string>): Transport {
  const requestInit = { headers };
  return kind === "sse"
    ? new SSEClientTransport(new URL(url), { requestInit })
    : new StreamableHTTPClientTransport(new URL(url), { requestInit });
}

async function crawlOverStdio(launch: ProcessLaunch, timeouts: CrawlTimeouts, limits?: Partial<ListLimits>): Promise<CrawlOutcome> {
  const transport = new ProcessStdioTransport(launch);
  try {
    await transport.start();
  } catch (error) {
    return { ok: false, code: "SPAWN_FAILED", message: `could not start ${launch.command}: ${errorMessage(error)}` };
  }
  const outcome = await crawlOverTransport(() => transport, timeouts, limits, () => describeExit(transport));
  transport.killProcessTree();
  // Only a failure's stderr is kept, so only a failure waits for its last lines.
  await transport.drainStderr(outcome.ok ? 0 : STDERR_DRAIN_MS);
  const stderrTail = transport.stderrText() || undefined;
  if (!outcome.ok) return { ...outcome, ...(stderrTail ? { stderrTail } : {}) };
  const warnings = [...outcome.warnings];
  if (transport.junkLines > 0) warnings.push(`${transport.junkLines} line(s) on stdout were not JSON-RPC and were skipped`);
  return { ...outcome, warnings, transportUsed: "stdio", ...(stderrTail ? { stderrTail } : {}) };
}

type TransportOutcome = ({ ok: true; warnings: string[] } & Omit<ServerCrawl, "transportUsed">) | ({ ok: false } & CrawlFailure);

async function crawlOverTransport(
  makeTransport: () => Transport,
  timeouts: CrawlTimeouts,
  limits: Partial<ListLimits> | undefined,
  exitReason: () => string | undefined = () => undefined,
): Promise<TransportOutcome> {
  const client = new Client(CLIENT_INFO, { capabilities: CLIENT_CAPABILITIES });
  // Errors also surface through the pending request; this only keeps them from being printed.
  client.onerror = () => {};
  const transport = makeTransport();
  // The client reads the negotiated version from initialize but keeps it to itself; the transport is told it.
  let protocolVersion: string | undefined;
  const forward = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version: string) => {
    protocolVersion = version;
    forward?.(version);
  };
  const abort = new AbortController();
  try {
    try {
      await withDeadline(client.connect(transport, { timeout: timeouts.connectMs, signal: abort.signal }), timeouts.connectMs, abort);
    } catch (error) {
      return failure(error, "connect", exitReason());
    }
    const serverInfo = client.getServerVersion();
    if (!serverInfo) return { ok: false, code: "PROTOCOL_ERROR", message: "initialize returned no serverInfo" };
    let listing: ToolListing;
    const listAbort = new AbortController();
    // Each page request listens on the one signal; a long listing is not a leak.
    setMaxListeners(Number.POSITIVE_INFINITY, listAbort.signal);
    try {
      listing = await withDeadline(listAllTools(client, { limits, timeoutMs: timeouts.listMs, signal: listAbort.signal }), timeouts.listMs, listAbort);
    } catch (error) {
      return failure(error, "list", exitReason());
    }
    const instructions = client.getInstructions();
    return {
      ok: true,
      warnings: listing.warnings,
      serverInfo: pickServerInfo(serverInfo),
      ...(protocolVersion ? { protocolVersion } : {}),
      capabilities: (client.getServerCapabilities() ?? {}) as Record<string, unknown>,
      ...(instructions ? { instructions } : {}),
      listing,
    };
  } finally {
    await client.close().catch(() => {});
  }
}

function pickServerInfo(info: { name: string; version: string; title?: string }): ServerCrawl["serverInfo"] {
  const picked: ServerCrawl["serverInfo"] = { name: String(info.name), version: String(info.version) };
  if (typeof info.title === "string") picked.title = info.title;
  return picked;
}

/** Rejects with PhaseTimeout when `ms` passes, even if the SDK's own timeout never fires. */
async function withDeadline<T>(work: Promise<T>, ms: number, abort: AbortController): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new PhaseTimeout(`no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function failure(error: unknown, phase: "connect" | "list", exitReason: string | undefined): { ok: false } & CrawlFailure {
  const message = errorMessage(error);
  if (exitReason) return { ok: false, code: "SERVER_EXITED", message: `the server ${exitReason} during ${phase === "connect" ? "initialize" : "tools/list"}` };
  const timedOut = error instanceof PhaseTimeout || /timed out|timeout/i.test(message);
  if (timedOut) {
    return phase === "connect"
      ? { ok: false, code: "CONNECT_TIMEOUT", message: `initialize got no answer: ${message}` }
      : { ok: false, code: "LIST_TIMEOUT", message: `tools/list did not finish: ${message}` };
  }
  if (phase === "connect" && !isProtocolError(error)) return { ok: false, code: "CONNECT_FAILED", message };
  return { ok: false, code: "PROTOCOL_ERROR", message };
}

function isProtocolError(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === "McpError" || name === "ZodError" || /protocol|invalid|unsupported/i.test(errorMessage(error));
}

function describeExit(transport: ProcessStdioTransport): string | undefined {
  const exit = transport.exit;
  if (!exit) return undefined;
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
