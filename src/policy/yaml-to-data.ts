import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import type { PolicyPath } from "./findings.ts";
import { setOwn } from "./own-property.ts";
import { MAX_DEPTH, MAX_NODES, OWN_LIMIT_NOTE } from "./yaml-limits.ts";

export interface Position {
  line: number;
  column: number;
}

export interface Positions {
  /** Where the value at a path starts (or its key, for `part: "key"`). */
  at(path: PolicyPath, part?: "key" | "value"): Position | undefined;
}

export interface Converted {
  data: unknown;
  positions: Positions;
  /** Set when the document cannot be turned into data safely. */
  problem?: { offset: number; message: string; ownLimit?: true };
  /** Keys that repeat an earlier key of the same map, with where each repeat starts. */
  duplicateKeys: { offset: number; key: string }[];
}

/** Where one value (and its key) starts, with the slots of its children. */
interface Slot {
  key?: number;
  value?: number;
  children?: Map<string | number, Slot>;
}

function childSlot(slot: Slot, segment: string | number): Slot {
  slot.children ??= new Map();
  let child = slot.children.get(segment);
  if (!child) {
    child = {};
    slot.children.set(segment, child);
  }
  return child;
}

/** Paths whose value the proxy's Go structs read as text: `version: 1` is the string "1". */
function expectsString(path: PolicyPath): boolean {
  const n = path.length;
  const last = path[n - 1];
  if (n === 1) return last === "version" || last === "description" || last === "default";
  if (n === 2) return path[0] === "hide";
  if (path[0] !== "tools" || path[2] !== "rules") return false;
  if (n === 5) return ["name", "action", "rate_limit", "on_deny", "approval_timeout"].includes(String(last));
  if (n === 7 && path[4] === "conditions") return last === "path" || last === "op";
  if (n === 6 && path[4] === "state") return last === "counter" || last === "window" || last === "increment_from";
  return false;
}

/** A null where the Go struct has a list element is a zero-valued element, not a missing one. */
function nullMeans(path: PolicyPath): unknown {
  const n = path.length;
  if (n === 2 && path[0] === "tools") return {};
  if (n === 4 && path[2] === "rules") return {};
  if (n === 6 && path[4] === "conditions") return {};
  if (n === 2 && path[0] === "hide") return "";
  return undefined;
}


/**
 * Turns the first YAML document into plain data the way the proxy's Go
 * loader would see it, recording where each value and key starts. Depth,
 * alias expansion and self-referencing anchors are bounded.
 */
export function yamlToData(doc: Document.Parsed, toPosition: (offset: number) => Position): Converted {
  // Offsets are kept in a tree that mirrors the data, so recording one costs
  // nothing per node (the playground re-reads the whole file on each keystroke).
  const root: Slot = {};
  const ancestors = new Set<Node>();
  let nodes = 0;
  let aliasesFollowed = 0;
  let problem: Converted["problem"];
  // Checked here with a set per map: the yaml package's own check compares
  // every key with every other (bench:playground: 3.5 s for a pasted map of
  // 19,000 keys, 0.4 s with this one pass).
  const duplicateKeys: Converted["duplicateKeys"] = [];
  const reportedDuplicates = new Set<number>();

  const fail = (offset: number, message: string, ownLimit = false) => {
    problem ??= { offset, message, ...(ownLimit ? { ownLimit: true as const } : {}) };
    return undefined;
  };

  const convert = (node: Node | null | undefined, path: PolicyPath, offset: number, slot: Slot): unknown => {
    if (problem) return undefined;
    if (path.length > MAX_DEPTH) {
      return fail(offset, `YAML nests more than ${MAX_DEPTH} levels deep (${OWN_LIMIT_NOTE}: the proxy reads up to 10,000); a policy needs fewer than 10`, true);
    }
    if (++nodes > MAX_NODES) {
      const cap = MAX_NODES.toLocaleString("en-US");
      return fail(offset, aliasesFollowed > 0 ? `YAML expands to more than ${cap} values (aliases repeating aliases?; ${OWN_LIMIT_NOTE}); a policy has a few hundred` : `YAML holds more than ${cap} values (${OWN_LIMIT_NOTE}); a policy has a few hundred`, true);
    }
    if (node === null || node === undefined) return nullMeans(path);
    const start = node.range?.[0] ?? offset;
    slot.value ??= start;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return fail(start, `alias *${node.source} refers to no anchor`);
      if (ancestors.has(target)) return fail(start, `alias *${node.source} refers to a value that contains it`);
      aliasesFollowed++;
      return convert(target, path, start, slot);
    }
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || value === undefined) return nullMeans(path);
      if (!expectsString(path) || typeof value === "string") return typeof value === "bigint" ? Number(value) : value;
      return node.type === "PLAIN" && typeof node.source === "string" ? node.source : String(value);
    }
    ancestors.add(node);
    try {
      if (isSeq(node)) {
        return node.items.map((item, index) => convert(item as Node | null, [...path, index], start, childSlot(slot, index)));
      }
      if (isMap(node)) {
        const out: Record<string, unknown> = {};
        const keys = new Set<string>();
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const keyNode = pair.key as Node | null;
          const keyStart = keyNode?.range?.[0] ?? start;
          const key = keyText(keyNode);
          if (key === undefined) return fail(keyStart, "a key must be plain text, not a list or a map");
          if (keys.has(key)) {
            // A map reached again through an alias repeats its own duplicates: report each place once.
            if (!reportedDuplicates.has(keyStart)) duplicateKeys.push({ offset: keyStart, key });
            reportedDuplicates.add(keyStart);
            continue;
          }
          keys.add(key);
          const keySlot = childSlot(slot, key);
          keySlot.key ??= keyStart;
          const value = convert(pair.value as Node | null, [...path, key], keyStart, keySlot);
          if (value !== undefined) setOwn(out, key, value);
        }
        return out;
      }
    } finally {
      ancestors.delete(node);
    }
    return fail(start, "unsupported YAML node");
  };

  const keyText = (node: Node | null): string | undefined => {
    if (node === null) return "";
    const resolved = isAlias(node) ? node.resolve(doc) : node;
    if (!resolved || !isScalar(resolved)) return undefined;
    const value = resolved.value;
    if (typeof value === "string") return value;
    if (resolved.type === "PLAIN" && typeof resolved.source === "string") return resolved.source;
    return value === null || value === undefined ? "" : String(value);
  };

  const data = convert(doc.contents as Node | null, [], 0, root);
  return {
    data: problem ? undefined : data,
    problem,
    duplicateKeys,
    positions: {
      at(path, part = "value") {
        const chain: (Slot | undefined)[] = [root];
        for (const segment of path) chain.push(chain[chain.length - 1]?.children?.get(segment));
        // Fall back to the nearest enclosing value that has a position.
        for (let n = path.length; n >= 0; n--) {
          const entry = chain[n];
          const offset = n === path.length ? (entry?.[part] ?? entry?.value ?? entry?.key) : entry?.value;
          if (offset !== undefined) return toPosition(offset);
        }
        return undefined;
      },
    },
  };
}
