import { classifyTool } from "../classify/index.ts";
import { compareCodePoints } from "./canonical-json.ts";
import type { CatalogServer, CatalogTool, CrawlErrorCode, CrawlRecord, LaunchRecord } from "./catalog-schema.ts";
import { serializeCatalogServer } from "./catalog-files.ts";
import { toolFingerprint } from "./fingerprint.ts";
import type { ServerDefinition } from "./server-definition-schema.ts";
import type { ToolDefinition } from "./tool-definition-schema.ts";
import { toolParameters } from "./tool-parameters.ts";
import { assignSlugs } from "./tool-slugs.ts";

const MAX_INSTRUCTIONS = 8_000;

/** What a successful crawl of one server found, in the terms the catalog keeps. */
export type CrawledServer = {
  serverInfo: { name: string; version: string; title?: string };
  protocolVersion?: string;
  capabilities?: Record<string, unknown>;
  instructions?: string;
  clientCapabilities: Record<string, unknown>;
  pages: number;
  warnings: string[];
  dropped: { index: number; name?: string; reason: string }[];
  tools: ToolDefinition[];
};

/**
 * The catalog file for a server after a successful crawl. Dates move only
 * when something changed: a tool keeps `firstSeen`/`lastChanged` while its
 * fingerprint holds, and the server's `lastChanged` moves only when the
 * file's content would otherwise differ from the previous one.
 */
export function buildCatalogServer(
  definition: ServerDefinition,
  launch: LaunchRecord,
  crawled: CrawledServer,
  previous: CatalogServer | undefined,
  today: string,
): CatalogServer {
  const previousTools = new Map((previous?.tools ?? []).map((t) => [t.name, t]));
  const slugs = assignSlugs(
    crawled.tools.map((t) => t.name),
    new Map([...previousTools].map(([name, t]) => [name, t.slug])),
  );
  const tools = [...crawled.tools]
    .sort((a, b) => compareCodePoints(a.name, b.name))
    .map((definitionOfTool): CatalogTool => {
      const fingerprint = toolFingerprint(definitionOfTool);
      const before = previousTools.get(definitionOfTool.name);
      const unchanged = before?.fingerprint === fingerprint;
      return {
        slug: slugs.get(definitionOfTool.name)!,
        name: definitionOfTool.name,
        definition: definitionOfTool,
        parameters: toolParameters(definitionOfTool),
        fingerprint,
        firstSeen: before?.firstSeen ?? today,
        lastChanged: unchanged ? before.lastChanged : today,
        verdict: classifyTool(definitionOfTool, classifyContextOf(definition)),
      };
    });
  const crawl: CrawlRecord = {
    status: "ok",
    serverInfo: crawled.serverInfo,
    ...(crawled.protocolVersion ? { protocolVersion: crawled.protocolVersion } : {}),
    ...(crawled.capabilities ? { capabilities: crawled.capabilities } : {}),
    ...(crawled.instructions ? { instructions: crawled.instructions.slice(0, MAX_INSTRUCTIONS) } : {}),
    clientCapabilities: crawled.clientCapabilities,
    pages: crawled.pages,
    warnings: [...crawled.warnings].sort(compareCodePoints),
    dropped: [...crawled.dropped].sort((a, b) => a.index - b.index),
    lastChanged: previous?.crawl.lastChanged ?? today,
  };
  return withChangeDate({ ...serverMetadata(definition, launch), crawl, tools }, previous, today);
}

/** The file for a server that failed and has no earlier successful crawl to keep. */
export function buildFailedCatalogServer(
  definition: ServerDefinition,
  launch: LaunchRecord,
  error: { code: CrawlErrorCode; message: string },
  clientCapabilities: Record<string, unknown>,
  previous: CatalogServer | undefined,
  today: string,
): CatalogServer {
  const crawl: CrawlRecord = {
    status: "failed",
    error,
    clientCapabilities,
    pages: 0,
    warnings: [],
    dropped: [],
    lastChanged: previous?.crawl.lastChanged ?? today,
  };
  return withChangeDate({ ...serverMetadata(definition, launch), crawl, tools: [] }, previous, today);
}

/** Re-runs the classifier over a catalog file (after a rule change); nothing else moves. */
export function reclassifyCatalogServer(server: CatalogServer, definition: ServerDefinition | undefined): CatalogServer {
  const context = definition ? classifyContextOf(definition) : { serverName: server.name, tags: server.tags };
  return {
    ...server,
    tools: server.tools.map((tool) => ({ ...tool, verdict: classifyTool(tool.definition, context) })),
  };
}

function classifyContextOf(definition: ServerDefinition) {
  return { serverName: definition.name, tags: definition.tags, overrides: definition.overrides };
}

function serverMetadata(definition: ServerDefinition, launch: LaunchRecord) {
  return {
    format: 1 as const,
    id: definition.id,
    name: definition.name,
    summary: definition.summary,
    body: definition.body,
    homepage: definition.homepage,
    repository: definition.repository,
    ...(definition.package ? { package: definition.package } : {}),
    tags: [...definition.tags].sort(compareCodePoints),
    launch,
  };
}

function withChangeDate(server: CatalogServer, previous: CatalogServer | undefined, today: string): CatalogServer {
  if (!previous) return { ...server, crawl: { ...server.crawl, lastChanged: today } };
  const same = serializeCatalogServer({ ...server, crawl: { ...server.crawl, lastChanged: previous.crawl.lastChanged } }) === serializeCatalogServer(previous);
  return { ...server, crawl: { ...server.crawl, lastChanged: same ? previous.crawl.lastChanged : today } };
}

/** How the definition launches the server, with secrets left out: env and header names only. */
export function launchRecordOf(definition: ServerDefinition, binName: string | undefined): LaunchRecord {
  if (definition.transport === "stdio") {
    return {
      transport: "stdio",
      command: definition.command ?? binName ?? definition.bin ?? definition.package?.name ?? "",
      args: definition.args,
      envNames: Object.keys(definition.env).sort(compareCodePoints),
    };
  }
  return {
    transport: definition.transport,
    url: definition.url,
    headerNames: Object.keys(definition.headers).sort(compareCodePoints),
  };
}
