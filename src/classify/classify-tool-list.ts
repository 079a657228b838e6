/**
 * The pure half of `npm run classify`: JSON text in, verdicts or a clear
 * error out. Accepts a JSON array of MCP tools or a whole tools/list result.
 */
import type { ToolDefinition } from "../catalog/tool-definition-schema.ts";
import { classifyTool } from "./classify-tool.ts";
import type { ClassifyContext } from "./classify-context.ts";
import type { Verdict } from "./verdict-schema.ts";

/** What the CLI prints for each tool. */
export type ListedVerdict = Pick<Verdict, "name" | "category" | "risk" | "confidence" | "rationale" | "signals" | "flags" | "parameters">;

export type ToolListResult = { ok: true; verdicts: ListedVerdict[] } | { ok: false; message: string };

const expected = 'expected a JSON array of MCP tools or a tools/list result {"tools": [...]}';

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object without a \"tools\" array" : `a ${typeof value}`;
}

export function classifyToolList(text: string, source: string, context: ClassifyContext = {}): ToolListResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${source}: not valid JSON (${(error as Error).message}); ${expected}.` };
  }
  const tools: unknown =
    typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>).tools : data;
  if (!Array.isArray(tools)) return { ok: false, message: `${source}: ${expected}, got ${describeValue(data)}.` };
  const verdicts: ListedVerdict[] = [];
  for (const [index, tool] of tools.entries()) {
    if (typeof tool !== "object" || tool === null || Array.isArray(tool)) {
      return { ok: false, message: `${source}: the item at index ${index} is ${describeValue(tool).replace(' without a "tools" array', "")}, not a tool object.` };
    }
    const name = (tool as Record<string, unknown>).name;
    if (typeof name !== "string" || name === "") {
      return { ok: false, message: `${source}: the tool at index ${index} has no name; every tool needs a non-empty string "name".` };
    }
    const { name: n, category, risk, confidence, rationale, signals, flags, parameters } = classifyTool(tool as ToolDefinition, context);
    verdicts.push({ name: n, category, risk, confidence, rationale, signals, flags, parameters });
  }
  return { ok: true, verdicts };
}
