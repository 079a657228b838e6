import type { Category } from "./verdict-schema.ts";

/** The four behaviour hints, each as sent (`undefined` when absent or not a boolean). */
export interface ExplicitHints {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

/** The spec's defaults for absent hints: cautious, not `false`. */
export const annotationDefaults = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
} as const;

const hintNames = ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const;

/** Only real booleans count; anything else a server sends is as good as absent. */
export function explicitHints(annotations: unknown): ExplicitHints {
  const hints: ExplicitHints = {};
  if (typeof annotations !== "object" || annotations === null || Array.isArray(annotations)) return hints;
  for (const name of hintNames) {
    const value = (annotations as Record<string, unknown>)[name];
    if (typeof value === "boolean") hints[name] = value;
  }
  return hints;
}

/** Each hint's effective value: what was sent, else the spec's default. */
export function effectiveAnnotations(annotations: unknown): Required<ExplicitHints> {
  return { ...annotationDefaults, ...explicitHints(annotations) };
}

/**
 * What the explicit hints alone say the tool is, or `undefined` when they say
 * nothing (absent hints are never evidence). `destructiveHint` only counts
 * when the tool is not declared read-only, as the spec says.
 */
export function categoryFromHints(hints: ExplicitHints): Category | undefined {
  if (hints.readOnlyHint === true) return "Read";
  if (hints.destructiveHint === true) return "Destructive";
  if (hints.destructiveHint === false || hints.readOnlyHint === false) return "Write";
  return undefined;
}

/** Whether the explicit hints support a category (used for confidence). */
export function hintsAgreeWith(hints: ExplicitHints, category: Category): boolean {
  if (category === "Read") return hints.readOnlyHint === true;
  if (hints.readOnlyHint === true) return false;
  if (category === "Destructive") return hints.destructiveHint === true;
  if (category === "Write") return hints.readOnlyHint === false || hints.destructiveHint !== undefined;
  return hints.readOnlyHint === false;
}

/** "readOnlyHint: true, destructiveHint: false" for the hints that were sent. */
export function describeHints(hints: ExplicitHints): string {
  return hintNames
    .filter((n) => hints[n] !== undefined)
    .map((n) => `${n}: ${String(hints[n])}`)
    .join(", ");
}

/** How the rationale names the hint that supports a category: "the server's readOnlyHint". */
export function hintPhrase(hints: ExplicitHints, category: Category): string {
  if (category === "Read" && hints.readOnlyHint === true) return "the server's readOnlyHint";
  if (category === "Destructive" && hints.destructiveHint === true) return "the server's destructiveHint";
  if (hints.destructiveHint === false) return "the server's destructiveHint (false, additive only)";
  if (hints.readOnlyHint === false) return "the server's readOnlyHint (false)";
  return `the server's hints (${describeHints(hints)})`;
}
