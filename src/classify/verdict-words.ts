/**
 * The verdict's closed sets of words, without zod: the classifier and the
 * /scan/ page need the lists themselves, and importing them from
 * verdict-schema.ts would ship zod to the browser for four arrays.
 * verdict-schema.ts builds its enums (and the types) from these.
 */

/** The five categories of `shared/reference/classification.md`, by a call's most consequential effect. */
export const categories = ["Read", "Write", "Execute", "Destructive", "Financial"] as const;

/** The four risk classes, lowest first. */
export const risks = ["Low", "Medium", "High", "Critical"] as const;

export const confidences = ["high", "moderate", "low"] as const;

/** Flags the classifier can raise. */
export const verdictFlags = ["no-description", "annotation-conflict", "hidden-instructions", "broken-schema", "oversized"] as const;

/** Where a piece of evidence was found. */
export const signalSources = ["name", "title", "description", "annotations", "parameters", "server", "override"] as const;
