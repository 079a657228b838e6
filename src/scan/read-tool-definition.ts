/**
 * Browser-safe: one pasted item read as a tool definition, by hand, so the
 * /scan/ page ships no zod. It keeps and refuses exactly what the catalog's
 * `toolDefinitionSchema` does, with the same first reason (a property test
 * holds the two together), so the page's verdicts equal the CLI's: unknown
 * keys are dropped, annotations keep theirs, and no `__proto__` key is
 * copied (zod skips it too).
 */
import type { ToolDefinition } from "../catalog/tool-definition-schema.ts";

export type ReadTool = { ok: true; tool: ToolDefinition } | { ok: false; reason: string };

/** zod's name for what a JSON value is. */
function kindOf(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

class Refusal {
  constructor(readonly path: string, readonly message: string) {}
}

function requireKind(value: unknown, expected: string, path: string): void {
  const kind = kindOf(value);
  if (kind === expected) return;
  throw new Refusal(path, kind === "undefined" ? "Required" : `Expected ${expected}, received ${kind}`);
}

/** An optional string, or a refusal naming its path. */
function optionalString(value: unknown, path: string): void {
  if (value !== undefined) requireKind(value, "string", path);
}

/** A copy of an object's own keys but `__proto__`, as zod's record and passthrough make it. */
function copyKeys(source: Record<string, unknown>, skip: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (key !== "__proto__" && !skip.has(key) && source[key] !== undefined) copy[key] = source[key];
  }
  return copy;
}

const hintKeys = ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const;

function readAnnotations(raw: unknown): ToolDefinition["annotations"] {
  requireKind(raw, "object", "annotations");
  const source = raw as Record<string, unknown>;
  optionalString(source.title, "annotations.title");
  for (const key of hintKeys) if (source[key] !== undefined) requireKind(source[key], "boolean", `annotations.${key}`);
  const known = new Set<string>(["title", ...hintKeys]);
  const annotations: Record<string, unknown> = {};
  for (const key of known) if (source[key] !== undefined) annotations[key] = source[key];
  return { ...annotations, ...copyKeys(source, known) };
}

function readCut(raw: unknown): ToolDefinition["cut"] {
  requireKind(raw, "object", "cut");
  const { sha256, notes } = raw as Record<string, unknown>;
  requireKind(sha256, "string", "cut.sha256");
  if (!/^[0-9a-f]{64}$/.test(sha256 as string)) throw new Refusal("cut.sha256", "Invalid");
  requireKind(notes, "array", "cut.notes");
  // zod checks the length before the items.
  if ((notes as unknown[]).length < 1) throw new Refusal("cut.notes", "Array must contain at least 1 element(s)");
  (notes as unknown[]).forEach((note, i) => requireKind(note, "string", `cut.notes.${i}`));
  return { sha256: sha256 as string, notes: [...(notes as string[])] };
}

/** The item as the catalog's schema would parse it (its keys in the schema's order), or the first reason it would give. */
export function readToolDefinition(item: unknown): ReadTool {
  try {
    requireKind(item, "object", "");
    const raw = item as Record<string, unknown>;
    requireKind(raw.name, "string", "name");
    if ((raw.name as string).length < 1) throw new Refusal("name", "String must contain at least 1 character(s)");
    optionalString(raw.title, "title");
    optionalString(raw.description, "description");
    requireKind(raw.inputSchema, "object", "inputSchema");
    if (raw.outputSchema !== undefined) requireKind(raw.outputSchema, "object", "outputSchema");
    const annotations = raw.annotations === undefined ? undefined : readAnnotations(raw.annotations);
    const cut = raw.cut === undefined ? undefined : readCut(raw.cut);
    const tool: ToolDefinition = {
      name: raw.name as string,
      ...(raw.title !== undefined ? { title: raw.title as string } : {}),
      ...(raw.description !== undefined ? { description: raw.description as string } : {}),
      inputSchema: copyKeys(raw.inputSchema as Record<string, unknown>),
      ...(raw.outputSchema !== undefined ? { outputSchema: copyKeys(raw.outputSchema as Record<string, unknown>) } : {}),
      ...(annotations ? { annotations } : {}),
      ...(cut ? { cut } : {}),
    };
    return { ok: true, tool };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { ok: false, reason: `${error.path || "the item"}: ${error.message}` };
  }
}
