import type { Parameter } from "./catalog-schema.ts";
import type { ToolDefinition } from "./tool-definition-schema.ts";

const MAX_TYPE_LENGTH = 80;

/** Top-level parameters of a tool's input schema, in the schema's own order. */
export function toolParameters(tool: ToolDefinition): Parameter[] {
  const properties = tool.inputSchema.properties;
  if (properties === null || typeof properties !== "object" || Array.isArray(properties)) return [];
  const required = new Set(Array.isArray(tool.inputSchema.required) ? tool.inputSchema.required.filter((r) => typeof r === "string") : []);
  return Object.entries(properties as Record<string, unknown>).map(([name, schema]) => {
    const parameter: Parameter = { name, type: summarizeType(schema), required: required.has(name) };
    const description = (schema as { description?: unknown } | null)?.description;
    if (typeof description === "string" && description.trim() !== "") parameter.description = description;
    return parameter;
  });
}

/** A short reading of a JSON Schema's type: `string`, `number[]`, `"asc" | "desc"`, `string | null`. */
export function summarizeType(schema: unknown, depth = 0): string {
  if (schema === null || typeof schema !== "object" || depth > 3) return "any";
  const s = schema as Record<string, unknown>;
  let summary: string;
  if (Array.isArray(s.enum)) summary = s.enum.slice(0, 6).map((v) => JSON.stringify(v)).join(" | ") + (s.enum.length > 6 ? " | …" : "");
  else if ("const" in s) summary = JSON.stringify(s.const);
  else if (Array.isArray(s.type)) summary = s.type.filter((t) => typeof t === "string").join(" | ");
  else if (s.type === "array") summary = `${wrap(summarizeType(s.items, depth + 1))}[]`;
  else if (typeof s.type === "string") summary = s.type;
  else {
    const variants = [s.anyOf, s.oneOf].find(Array.isArray) as unknown[] | undefined;
    summary = variants ? [...new Set(variants.map((v) => summarizeType(v, depth + 1)))].join(" | ") : "any";
  }
  return summary.length > MAX_TYPE_LENGTH ? `${summary.slice(0, MAX_TYPE_LENGTH - 1)}…` : summary || "any";
}

function wrap(type: string): string {
  return type.includes(" | ") ? `(${type})` : type;
}
