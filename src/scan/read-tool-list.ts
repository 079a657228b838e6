/**
 * Browser-safe: reads a pasted or dropped tool list. It accepts a
 * `tools/list` result, a JSON array of tools, or `npm run scan -- --json`
 * output (which has a `tools` array too). Each item is checked as the
 * catalog's own tool schema checks it (read-tool-definition.ts); a malformed one is dropped with its index and
 * reason, as the crawler does, and the rest are kept. Bad input gets a
 * message saying what was expected, never a throw.
 */
import type { ToolDefinition } from "../catalog/tool-definition-schema.ts";
import { readToolDefinition } from "./read-tool-definition.ts";

/** Larger than any real tool list; a 20,000-tool list with a few 2 MB descriptions fits. */
export const MAX_LIST_CHARS = 32_000_000;
/** The crawler's own cap on tools per server. */
export const MAX_LIST_TOOLS = 50_000;

export interface DroppedItem {
  index: number;
  reason: string;
}

export type ReadToolList =
  | { ok: true; tools: ToolDefinition[]; dropped: DroppedItem[]; serverName?: string }
  | { ok: false; message: string };

const expected = 'Expected a tools/list result {"tools": [...]}, a JSON array of tools, or the output of npm run scan -- --json';
const count = (n: number) => n.toLocaleString("en-US");

export function readToolList(text: string): ReadToolList {
  if (text.length > MAX_LIST_CHARS) {
    return { ok: false, message: `Too large: ${count(text.length)} characters, more than the ${count(MAX_LIST_CHARS)} this page reads.` };
  }
  if (text.trim() === "") return { ok: false, message: `Nothing to read. ${expected}.` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not JSON (${(error as Error).message.slice(0, 200)}). ${expected}.` };
  }
  const record = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const items = record ? record.tools : data;
  if (!Array.isArray(items)) return { ok: false, message: `Not a tool list: the JSON is ${describe(data)}. ${expected}.` };
  if (items.length > MAX_LIST_TOOLS) {
    return { ok: false, message: `Too large: ${count(items.length)} tools, more than the ${count(MAX_LIST_TOOLS)} this page reads (the crawler's own cap).` };
  }
  const tools: ToolDefinition[] = [];
  const dropped: DroppedItem[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const read = readToolDefinition(item);
    if (!read.ok) {
      dropped.push({ index, reason: read.reason });
    } else if (seen.has(read.tool.name)) {
      dropped.push({ index, reason: "a second tool with the same name" });
    } else {
      seen.add(read.tool.name);
      tools.push(read.tool);
    }
  });
  if (tools.length === 0 && items.length > 0) {
    return { ok: false, message: `Not a tool list: none of its ${count(items.length)} items is a tool (item 0: ${dropped[0]?.reason ?? "?"}). Every tool needs a "name" and an "inputSchema" object.` };
  }
  const server = record?.server;
  const serverName = typeof server === "object" && server !== null && typeof (server as { name?: unknown }).name === "string" ? (server as { name: string }).name : undefined;
  return { ok: true, tools, dropped, ...(serverName ? { serverName } : {}) };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? 'an object without a "tools" array' : `a ${typeof value}`;
}
