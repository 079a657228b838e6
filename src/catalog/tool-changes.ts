import { canonicalJson, compareCodePoints } from "./canonical-json.ts";
import type { CatalogTool, FieldChange } from "./catalog-schema.ts";

const EXCERPT = 160;
const hints = ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const;

/** A bounded, single-line excerpt for a changelog or a report. */
export function excerpt(value: unknown): string {
  const text = typeof value === "string" ? value : canonicalJson(value);
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > EXCERPT ? `${oneLine.slice(0, EXCERPT - 1)}…` : oneLine;
}

type Comparable = Pick<CatalogTool, "definition" | "parameters" | "verdict">;

/**
 * What changed between two versions of a tool, field by field: text,
 * parameters (added, removed, retyped, made required), annotations (absent
 * and false kept apart), schemas, and the verdict's category, risk and flags.
 */
export function diffTool(before: Comparable, after: Comparable): FieldChange[] {
  const changes: FieldChange[] = [];
  const a = before.definition;
  const b = after.definition;
  for (const field of ["title", "description"] as const) {
    const change = compareValues(field, a[field], b[field]);
    if (change) changes.push(change);
  }

  const oldParams = new Map(before.parameters.map((p) => [p.name, p]));
  const newParams = new Map(after.parameters.map((p) => [p.name, p]));
  const names = [...new Set([...oldParams.keys(), ...newParams.keys()])].sort(compareCodePoints);
  for (const name of names) {
    const was = oldParams.get(name);
    const now = newParams.get(name);
    const field = `parameters.${name}`;
    if (!was && now) changes.push({ field, change: "added", after: `${now.type}${now.required ? ", required" : ""}` });
    else if (was && !now) changes.push({ field, change: "removed", before: was.type });
    else if (was && now) {
      if (was.type !== now.type) changes.push({ field, change: "type changed", before: was.type, after: now.type });
      if (was.required !== now.required) changes.push({ field, change: now.required ? "made required" : "made optional" });
      if ((was.description ?? "") !== (now.description ?? "")) {
        changes.push(withExcerpts({ field: `${field}.description`, change: "changed" }, was.description, now.description));
      }
    }
  }
  // Anything else in the input schema (nested properties, formats, bounds).
  if (changes.every((c) => !c.field.startsWith("parameters.")) && canonicalJson(a.inputSchema) !== canonicalJson(b.inputSchema)) {
    changes.push(withExcerpts({ field: "inputSchema", change: "changed" }, a.inputSchema, b.inputSchema));
  }
  const output = compareValues("outputSchema", a.outputSchema, b.outputSchema);
  if (output) changes.push(output);

  for (const hint of hints) {
    const change = compareValues(`annotations.${hint}`, a.annotations?.[hint], b.annotations?.[hint]);
    if (change) changes.push(change);
  }

  if (before.verdict && after.verdict) {
    const category = compareValues("category", before.verdict.category, after.verdict.category);
    if (category) changes.push(category);
    const risk = compareValues("risk", before.verdict.risk, after.verdict.risk);
    if (risk) changes.push(risk);
    const added = after.verdict.flags.filter((f) => !before.verdict!.flags.includes(f));
    const removed = before.verdict.flags.filter((f) => !after.verdict!.flags.includes(f));
    if (added.length) changes.push({ field: "flags", change: "added", after: added.join(", ") });
    if (removed.length) changes.push({ field: "flags", change: "removed", before: removed.join(", ") });
  }
  return changes;
}

function compareValues(field: string, before: unknown, after: unknown): FieldChange | undefined {
  if (canonicalJson(before) === canonicalJson(after)) return undefined;
  const change: FieldChange["change"] = before === undefined ? "added" : after === undefined ? "removed" : "changed";
  return withExcerpts({ field, change }, before, after);
}

function withExcerpts(change: FieldChange, before: unknown, after: unknown): FieldChange {
  if (before !== undefined && after !== undefined) {
    const around = excerptsAroundChange(excerptSource(before), excerptSource(after));
    return { ...change, before: around.before, after: around.after };
  }
  return {
    ...change,
    ...(before === undefined ? {} : { before: excerpt(before) }),
    ...(after === undefined ? {} : { after: excerpt(after) }),
  };
}

function excerptSource(value: unknown): string {
  return (typeof value === "string" ? value : canonicalJson(value)).replace(/\s+/g, " ").trim();
}

/** Words kept on each side of a change, so the reader sees where it is. */
const CONTEXT_WORDS = 6;

/**
 * Excerpts of two texts that show where they differ: the words around the
 * first difference through the last, with "…" where text is left out. Two
 * long descriptions that differ near their end would otherwise both show
 * the same first 160 characters.
 */
export function excerptsAroundChange(before: string, after: string): { before: string; after: string } {
  const a = before.split(" ");
  const b = after.split(" ");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - CONTEXT_WORDS);
  const show = (words: string[], end: number): string => {
    const to = Math.min(words.length, end + CONTEXT_WORDS);
    const lead = from > 0 ? "… " : "";
    const body = words.slice(from, to).join(" ");
    const trail = to < words.length ? " …" : "";
    const text = `${lead}${body}${trail}`;
    return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
  };
  return { before: show(a, endA), after: show(b, endB) };
}
