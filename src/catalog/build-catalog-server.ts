import { classifyTool, type ClassifyContext } from "../classify/index.ts";
import { compareCodePoints } from "./canonical-json.ts";
import {
  MAX_TOOL_CHANGES,
  REMOVED_TOOL_RETENTION_DAYS,
  type CatalogServer,
  type CatalogTool,
  type CrawlError,
  type CrawlRecord,
  type LaunchRecord,
  type ToolChange,
} from "./catalog-schema.ts";
import { serializeCatalogServer } from "./catalog-files.ts";
import { toolFingerprint } from "./fingerprint.ts";
import type { ServerDefinition } from "./server-definition-schema.ts";
import type { ToolDefinition } from "./tool-definition-schema.ts";
import { diffTool } from "./tool-changes.ts";
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
  const previousRemoved = new Map((previous?.removedTools ?? []).map((t) => [t.name, t]));
  const slugs = assignSlugs(
    crawled.tools.map((t) => t.name),
    new Map([...previousRemoved, ...previousTools].map(([name, t]) => [name, t.slug])),
  );
  const versions = { before: previous?.crawl.serverInfo?.version, after: crawled.serverInfo.version };
  const context = classifyContextOf(definition);
  const tools = [...crawled.tools]
    .sort((a, b) => compareCodePoints(a.name, b.name))
    .map((toolDefinition): CatalogTool => {
      const fresh = newCatalogTool(toolDefinition, slugs.get(toolDefinition.name)!, context, today);
      return carryHistory(fresh, previousTools.get(fresh.name), previousRemoved.get(fresh.name), versions, today);
    });
  const listed = new Set(tools.map((t) => t.name));
  const removedTools = [
    ...[...previousTools.values()].filter((t) => !listed.has(t.name)).map((t) => ({ ...t, removedSince: today })),
    ...[...previousRemoved.values()].filter((t) => !listed.has(t.name) && !previousTools.has(t.name) && daysBetween(t.removedSince!, today) <= REMOVED_TOOL_RETENTION_DAYS),
  ].sort((a, b) => compareCodePoints(a.name, b.name));
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
  return withChangeDate({ ...serverMetadata(definition, launch), crawl, tools, ...(removedTools.length ? { removedTools } : {}) }, previous, today);
}

/** A tool's catalog entry as first seen on `date`: parameters, fingerprint and verdict derived from its definition. */
export function newCatalogTool(definition: ToolDefinition, slug: string, context: ClassifyContext, date: string): CatalogTool {
  return {
    slug,
    name: definition.name,
    definition,
    parameters: toolParameters(definition),
    fingerprint: toolFingerprint(definition),
    firstSeen: date,
    lastChanged: date,
    verdict: classifyTool(definition, context),
  };
}

/**
 * Keeps a tool's dates and changelog across crawls. A new fingerprint, or a
 * tool listed again after it was removed, adds a changelog entry that says
 * field by field what changed and whether the server's version moved with it.
 */
function carryHistory(
  fresh: CatalogTool,
  listedBefore: CatalogTool | undefined,
  removedBefore: CatalogTool | undefined,
  versions: { before?: string | undefined; after: string },
  today: string,
): CatalogTool {
  const before = listedBefore ?? removedBefore;
  if (!before) return fresh;
  const sameDefinition = before.fingerprint === fresh.fingerprint;
  if (listedBefore && sameDefinition) {
    return { ...fresh, firstSeen: before.firstSeen, lastChanged: before.lastChanged, ...(before.changes ? { changes: before.changes } : {}) };
  }
  const change: ToolChange = {
    date: today,
    kind: listedBefore ? "changed" : "reappeared",
    fingerprint: fresh.fingerprint,
    serverVersion: { ...(versions.before === undefined ? {} : { before: versions.before }), after: versions.after },
    withoutVersionBump: !sameDefinition && versions.before === versions.after,
    fields: sameDefinition ? [] : diffTool(before, fresh),
  };
  return {
    ...fresh,
    firstSeen: before.firstSeen,
    lastChanged: sameDefinition ? before.lastChanged : today,
    changes: [change, ...(before.changes ?? [])].slice(0, MAX_TOOL_CHANGES),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The file for a server that failed and has no earlier successful crawl to keep. */
export function buildFailedCatalogServer(
  definition: ServerDefinition,
  launch: LaunchRecord,
  error: CrawlError,
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
  const reclassify = (tool: CatalogTool): CatalogTool => ({ ...tool, verdict: classifyTool(tool.definition, context) });
  return {
    ...server,
    tools: server.tools.map(reclassify),
    ...(server.removedTools ? { removedTools: server.removedTools.map(reclassify) } : {}),
  };
}

function classifyContextOf(definition: ServerDefinition): ClassifyContext {
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
