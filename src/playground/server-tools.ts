/**
 * What the playground loads for a chosen server, from
 * `/playground/servers/<id>.json`: names for the validator and the tool
 * picker, verdicts for the picker's labels, input schemas for the
 * arguments skeleton. Nothing else, to keep the files small.
 */
import type { CatalogServer } from "../catalog/catalog-schema.ts";

export interface ServerToolsFile {
  id: string;
  name: string;
  tools: Array<{
    name: string;
    category?: string;
    risk?: string;
    flags?: string[];
    inputSchema: unknown;
  }>;
}

export const serverToolsPath = (id: string): string => `/playground/servers/${id}.json`;

export function serverToolsFile(server: CatalogServer): ServerToolsFile {
  return {
    id: server.id,
    name: server.name,
    tools: server.tools.map((tool) => ({
      name: tool.name,
      ...(tool.verdict ? { category: tool.verdict.category, risk: tool.verdict.risk, flags: tool.verdict.flags } : {}),
      inputSchema: tool.definition.inputSchema,
    })),
  };
}

/** A fetched file, checked: it crossed the network and names come from servers. */
export function readServerToolsFile(data: unknown): ServerToolsFile | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const { id, name, tools } = data as Record<string, unknown>;
  if (typeof id !== "string" || typeof name !== "string" || !Array.isArray(tools)) return undefined;
  const checked = tools.filter((t): t is ServerToolsFile["tools"][number] => typeof t === "object" && t !== null && typeof (t as { name?: unknown }).name === "string");
  return { id, name, tools: checked };
}
