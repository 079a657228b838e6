/**
 * Browser-safe: a starting arguments object from a tool's input schema,
 * one placeholder per property (its default, const or first enum value
 * when it has one, else an empty value of its type). The schema comes
 * from a server and is untrusted: depth and width are bounded, and keys
 * such as `__proto__` stay plain keys.
 */
import { setOwn } from "../policy/own-property.ts";

const MAX_DEPTH = 4;
const MAX_PROPERTIES = 60;

export function argumentSkeleton(inputSchema: unknown): Record<string, unknown> {
  const value = placeholder(inputSchema, 0);
  return isRecord(value) ? value : {};
}

/** The skeleton as the simulator's arguments text. */
export function argumentSkeletonText(inputSchema: unknown): string {
  return JSON.stringify(argumentSkeleton(inputSchema), null, 2);
}

function placeholder(schema: unknown, depth: number): unknown {
  if (!isRecord(schema)) return null;
  if (Object.hasOwn(schema, "default") && isJson(schema.default)) return schema.default;
  if (Object.hasOwn(schema, "const") && isJson(schema.const)) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && isJson(schema.enum[0])) return schema.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      const first = options.find((o) => !(isRecord(o) && o.type === "null"));
      if (first !== undefined) return placeholder(first, depth);
    }
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type ?? (isRecord(schema.properties) ? "object" : undefined)) {
    case "string":
      return "";
    case "number":
    case "integer":
      return 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "null":
      return null;
    case "object": {
      const out: Record<string, unknown> = {};
      if (depth >= MAX_DEPTH || !isRecord(schema.properties)) return out;
      for (const [key, property] of Object.entries(schema.properties).slice(0, MAX_PROPERTIES)) {
        setOwn(out, key, placeholder(property, depth + 1));
      }
      return out;
    }
    default:
      return null;
  }
}

/** Only small plain JSON values are copied from a schema. */
function isJson(value: unknown): boolean {
  if (value === undefined) return false;
  try {
    return (JSON.stringify(value)?.length ?? Infinity) <= 2_000;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
