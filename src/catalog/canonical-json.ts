/**
 * JSON with object keys sorted at every depth, so equal data gives equal
 * bytes whatever order a server or a code path produced it in.
 * Array order is kept: callers sort arrays whose order carries no meaning.
 *
 * The values come from servers, and a schema nested thousands of levels deep
 * must not overflow the call stack. Ordinary values take the fast way (a
 * sorted copy, then `JSON.stringify`), which recurses but only while the
 * depth stays under FAST_PATH_DEPTH; deeper ones are written by a loop over
 * an explicit stack, byte for byte the same.
 */
export function canonicalJson(value: unknown, indent = 0): string {
  try {
    return JSON.stringify(sortKeysShallowerThan(value, 0), null, indent);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return canonicalJsonByLoop(value, indent);
  }
}

const FAST_PATH_DEPTH = 200;

class TooDeep extends Error {}

function sortKeysShallowerThan(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth >= FAST_PATH_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) return value.map((item) => sortKeysShallowerThan(item, depth + 1));
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareCodePoints)) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) sorted[key] = sortKeysShallowerThan(child, depth + 1);
  }
  return sorted;
}

/** The same bytes as the fast way, at any depth. Exported for tests. */
export function canonicalJsonByLoop(value: unknown, indent = 0): string {
  const pad = " ".repeat(indent);
  const out: string[] = [];
  // Each frame is one container being written, with the entries still to write.
  type Frame = { close: string; entries: [string | undefined, unknown][]; next: number; depth: number };
  const stack: Frame[] = [];

  const open = (item: unknown, depth: number): void => {
    if (Array.isArray(item)) {
      if (item.length === 0) return void out.push("[]");
      out.push("[");
      stack.push({ close: "]", entries: item.map((v) => [undefined, v]), next: 0, depth });
    } else {
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => isWritable(record[k]))
        .sort(compareCodePoints);
      if (keys.length === 0) return void out.push("{}");
      out.push("{");
      stack.push({ close: "}", entries: keys.map((k) => [k, record[k]]), next: 0, depth });
    }
  };

  const writeValue = (item: unknown, depth: number): void => {
    const scalar = scalarJson(item);
    if (scalar !== undefined) out.push(scalar);
    else open(item, depth);
  };

  if (!isWritable(value)) return undefined as unknown as string;
  writeValue(value, 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const newline = indent > 0 ? `\n${pad.repeat(frame.depth + 1)}` : "";
    if (frame.next >= frame.entries.length) {
      stack.pop();
      out.push(indent > 0 ? `\n${pad.repeat(frame.depth)}${frame.close}` : frame.close);
      continue;
    }
    const [key, item] = frame.entries[frame.next]!;
    if (frame.next > 0) out.push(",");
    frame.next++;
    out.push(newline);
    if (key !== undefined) out.push(`${JSON.stringify(key)}:${indent > 0 ? " " : ""}`);
    // Inside arrays, JSON writes what it cannot represent as null.
    writeValue(key === undefined && !isWritable(item) ? null : item, frame.depth + 1);
  }
  return out.join("");
}

/** Values JSON leaves out of objects (and turns into null in arrays). */
function isWritable(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

function scalarJson(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") throw new TypeError("a bigint cannot be written as JSON");
    return JSON.stringify(value);
  }
  return undefined;
}

/** Locale-independent ordering, so every machine sorts alike. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
