import { createHash } from "node:crypto";
import { canonicalJson } from "../catalog/canonical-json.ts";

/** Bounds on what the catalog keeps of one tool; beyond them the definition is cut, not dropped. */
export const definitionBounds = {
  /** Containers nested deeper than this (from the tool's root) are replaced by a note. */
  maxDepth: 64,
  /** Characters of the description kept; the rest is cut (the full text's hash stays). */
  maxDescriptionCharacters: 20_000,
};

export type BoundedDefinition = {
  /** The definition to parse and keep: a copy when something was cut, else the original. */
  raw: unknown;
  /** What was cut, for the definition's `cut` record; undefined when nothing was. */
  cut?: { sha256: string; notes: string[] };
};

/**
 * Cuts a server's tool to what the catalog can hold and walk safely: nesting
 * beyond `maxDepth` (every later walk, `JSON.stringify` included, recurses)
 * and a description beyond `maxDescriptionCharacters`. The sha256 of the
 * whole original is kept so a change past the cut still changes the
 * fingerprint. A server's own `cut` field is never trusted: it is removed.
 */
export function boundDefinition(raw: unknown, bounds = definitionBounds): BoundedDefinition {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { raw };
  const { cut: _sentByServer, ...tool } = raw as Record<string, unknown>;
  const notes: string[] = [];
  const shallow = cutDeepNesting(tool, bounds.maxDepth);
  if (shallow.cut) notes.push(`nested deeper than ${bounds.maxDepth} levels: cut there`);
  const bounded = shallow.value as Record<string, unknown>;
  const description = bounded.description;
  if (typeof description === "string" && description.length > bounds.maxDescriptionCharacters) {
    bounded.description = description.slice(0, bounds.maxDescriptionCharacters);
    notes.push(`a description of ${description.length} characters: the first ${bounds.maxDescriptionCharacters} kept`);
  }
  if (notes.length === 0) return { raw: tool };
  const sha256 = createHash("sha256").update(canonicalJson(tool)).digest("hex");
  return { raw: bounded, cut: { sha256, notes } };
}

/** The note that replaces a container nested too deep. */
export function depthCutNote(maxDepth: number): string {
  return `[cut: nested deeper than ${maxDepth} levels]`;
}

/**
 * A copy of `value` whose objects and arrays at depth `maxDepth` are replaced
 * by a short note. A loop over an explicit stack: the input may be nested
 * far deeper than the call stack allows. A value within the bound comes back
 * as it was, uncopied (the common case, checked first without allocating).
 */
export function cutDeepNesting(value: unknown, maxDepth: number): { value: unknown; cut: boolean } {
  if (!isContainer(value) || !nestsDeeperThan(value, maxDepth)) return { value, cut: false };
  const note = depthCutNote(maxDepth);
  const copy = (container: object): Record<string, unknown> | unknown[] =>
    Array.isArray(container) ? [...container] : { ...(container as Record<string, unknown>) };
  const root = copy(value);
  let cut = false;
  const stack: { node: Record<string, unknown> | unknown[]; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node);
    for (const key of keys) {
      const child = (node as Record<string | number, unknown>)[key];
      if (!isContainer(child)) continue;
      if (depth >= maxDepth) {
        (node as Record<string | number, unknown>)[key] = note;
        cut = true;
        continue;
      }
      const childCopy = copy(child);
      (node as Record<string | number, unknown>)[key] = childCopy;
      stack.push({ node: childCopy, depth: depth + 1 });
    }
  }
  return { value: root, cut };
}

function nestsDeeperThan(value: object, maxDepth: number): boolean {
  const stack: { node: object; depth: number }[] = [{ node: value, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (!isContainer(child)) continue;
      if (depth >= maxDepth) return true;
      stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === "object";
}
