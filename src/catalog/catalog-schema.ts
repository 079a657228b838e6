import { z } from "zod";
import { verdictSchema } from "../classify/verdict-schema.ts";
import { toolDefinitionSchema } from "./tool-definition-schema.ts";
import { packageSchema, serverIdSchema } from "./server-definition-schema.ts";

/** How long a tool the server stopped listing keeps its entry and page. */
export const REMOVED_TOOL_RETENTION_DAYS = 90;

/** Bumped when the file layout changes incompatibly. */
export const CATALOG_FORMAT = 1;

export const parameterSchema = z.object({
  /** Property name, verbatim. */
  name: z.string(),
  /** A short summary of the JSON Schema type: `string`, `number[]`, `"a" | "b"`, `object`. */
  type: z.string(),
  /** Listed in the schema's `required`. */
  required: z.boolean(),
  /** The property's description, when it has one. */
  description: z.string().optional(),
});
export type Parameter = z.infer<typeof parameterSchema>;

export const fieldChangeSchema = z.object({
  /** What changed: `description`, `title`, `parameters.<name>`, `annotations.<hint>`, `inputSchema`, `outputSchema`, `category`, `risk`, `flags`. */
  field: z.string(),
  /** How it changed. */
  change: z.enum(["added", "removed", "changed", "type changed", "made required", "made optional"]),
  /** Bounded excerpt of the old value. */
  before: z.string().optional(),
  /** Bounded excerpt of the new value. */
  after: z.string().optional(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const toolChangeSchema = z.object({
  /** Date of the crawl that saw the change. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** `changed`: the fingerprint moved; `reappeared`: a removed tool is listed again. */
  kind: z.enum(["changed", "reappeared"]),
  /** The fingerprint after the change. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  /** `serverInfo.version` before and after. */
  serverVersion: z.object({ before: z.string().optional(), after: z.string().optional() }),
  /** The definition changed while the server's reported version did not: a possible rug pull. */
  withoutVersionBump: z.boolean(),
  /** Field by field. */
  fields: z.array(fieldChangeSchema),
});
export type ToolChange = z.infer<typeof toolChangeSchema>;

/** Changelog entries kept per tool, newest first. */
export const MAX_TOOL_CHANGES = 20;

export const catalogToolSchema = z.object({
  /** URL- and file-safe slug, unique within the server, stable across crawls. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The tool's name, verbatim. */
  name: z.string(),
  /** The definition as sent. */
  definition: toolDefinitionSchema,
  /** Top-level parameters, in the schema's order. */
  parameters: z.array(parameterSchema),
  /** sha256 (hex) of the canonical JSON of the definition. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  /** Date (YYYY-MM-DD, UTC) of the crawl that first listed the tool. */
  firstSeen: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Date of the crawl that last saw its fingerprint change. */
  lastChanged: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The classifier's verdict; absent until the tool has been classified. */
  verdict: verdictSchema.optional(),
  /** Changelog, newest first, at most MAX_TOOL_CHANGES entries; absent while the tool has never changed. */
  changes: z.array(toolChangeSchema).max(MAX_TOOL_CHANGES).optional(),
  /** Set on tools the server stopped listing: the date of the first crawl that missed it. */
  removedSince: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type CatalogTool = z.infer<typeof catalogToolSchema>;

export const launchRecordSchema = z.discriminatedUnion("transport", [
  z.object({
    transport: z.literal("stdio"),
    /** The command as written in the definition (a package bin or a command). */
    command: z.string(),
    /** Arguments as written in the definition, `${VAR}` references unresolved. */
    args: z.array(z.string()),
    /** Names of the environment variables set; values are never recorded. */
    envNames: z.array(z.string()),
  }),
  z.object({
    transport: z.enum(["streamable-http", "sse"]),
    /** URL as written in the definition. */
    url: z.string(),
    /** Names of the headers sent; values are never recorded. */
    headerNames: z.array(z.string()),
  }),
]);
export type LaunchRecord = z.infer<typeof launchRecordSchema>;

export const droppedToolSchema = z.object({
  /** Position in the listing (across pages). */
  index: z.number().int().nonnegative(),
  /** The name, when the item had a usable one. */
  name: z.string().optional(),
  /** Why it was dropped. */
  reason: z.string(),
});

export const crawlErrorCodes = [
  "MISSING_VARIABLE",
  "INSTALL_FAILED",
  "BIN_NOT_FOUND",
  "SPAWN_FAILED",
  "CONNECT_FAILED",
  "CONNECT_TIMEOUT",
  "LIST_TIMEOUT",
  "PROTOCOL_ERROR",
  "SERVER_EXITED",
] as const;
export const crawlErrorCodeSchema = z.enum(crawlErrorCodes);
export type CrawlErrorCode = z.infer<typeof crawlErrorCodeSchema>;

/** The most of a server's stderr a catalog file keeps. */
export const MAX_STORED_STDERR = 8_000;

export const crawlErrorSchema = z.object({
  /** What kind of failure. */
  code: crawlErrorCodeSchema,
  /** What happened, in a sentence (bounded). */
  message: z.string(),
  /** What the maintainer can do about it, when the crawler can tell (skipped install scripts). */
  hint: z.string().max(1_000).optional(),
  /**
   * The server's last stderr lines, led by its first decisive line (`Error:`),
   * with control characters removed, the crawl's paths as placeholders and
   * times and pids masked, so an unchanged failure is stored unchanged.
   */
  stderrTail: z.string().max(MAX_STORED_STDERR).optional(),
});
export type CrawlError = z.infer<typeof crawlErrorSchema>;

export const crawlRecordSchema = z.object({
  /** `ok` when tools were listed; `failed` when the server has never been crawled successfully. */
  status: z.enum(["ok", "failed"]),
  /** Why the crawl failed, when `status` is `failed`. */
  error: crawlErrorSchema.optional(),
  /** `serverInfo` from initialize. */
  serverInfo: z.object({ name: z.string(), version: z.string(), title: z.string().optional() }).optional(),
  /** Negotiated protocol version. */
  protocolVersion: z.string().optional(),
  /** Server capabilities from initialize, as sent. */
  capabilities: z.record(z.string(), z.unknown()).optional(),
  /** Server instructions from initialize (bounded). */
  instructions: z.string().optional(),
  /** Capabilities the crawler declared; tool lists can depend on them. */
  clientCapabilities: z.record(z.string(), z.unknown()),
  /** Pages of tools/list read. */
  pages: z.number().int().nonnegative(),
  /** Problems that did not stop the crawl (caps reached, repeated cursor). */
  warnings: z.array(z.string()),
  /** Malformed tools left out, with why. */
  dropped: z.array(droppedToolSchema),
  /** Date of the crawl that last changed this file's content. */
  lastChanged: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type CrawlRecord = z.infer<typeof crawlRecordSchema>;

export const catalogServerSchema = z.object({
  /** Layout version of this file. */
  format: z.literal(CATALOG_FORMAT),
  /** Slug from the definition's file name. */
  id: serverIdSchema,
  /** Display name. */
  name: z.string(),
  /** One-sentence summary. */
  summary: z.string(),
  /** Editorial Markdown from the definition. */
  body: z.string(),
  homepage: z.string(),
  repository: z.string(),
  package: packageSchema.optional(),
  tags: z.array(z.string()),
  /** How the server was launched, secrets left out. */
  launch: launchRecordSchema,
  /** What the last crawl found. */
  crawl: crawlRecordSchema,
  /** Tools sorted by name (code-point order). */
  tools: z.array(catalogToolSchema),
  /** Tools no longer listed, kept (with `removedSince`) for REMOVED_TOOL_RETENTION_DAYS so their pages stay. */
  removedTools: z.array(catalogToolSchema).optional(),
});
export type CatalogServer = z.infer<typeof catalogServerSchema>;
