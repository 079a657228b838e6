/** A machine-specific path and the placeholder stored in its place. */
export type PathPlaceholder = { path: string; placeholder: string };

/**
 * Replaces the crawl's own paths (its sandbox, the server's working folder)
 * by placeholders in every string of `value`. A server that echoes where it
 * runs would otherwise put a random temporary path into the catalog, and
 * every crawl would look like a change. Longer paths are replaced first, so
 * a folder inside the sandbox keeps its tail: `${CATALOG_SANDBOX}/.config`.
 * A loop over an explicit stack: the value comes from a server.
 */
export function scrubPaths<T>(value: T, placeholders: readonly PathPlaceholder[]): T {
  const usable = placeholders
    // A path this short ("/", "/tmp") would replace ordinary text.
    .filter((p) => p.path.length >= 8)
    .sort((a, b) => b.path.length - a.path.length);
  if (usable.length === 0) return value;
  const scrub = (text: string): string => {
    let result = text;
    for (const { path, placeholder } of usable) if (result.includes(path)) result = result.split(path).join(placeholder);
    return result;
  };
  if (typeof value === "string") return scrub(value) as T;
  if (value === null || typeof value !== "object" || !mayContain(value, usable)) return value;
  const copy = (node: object) => (Array.isArray(node) ? [...node] : { ...(node as Record<string, unknown>) });
  const root = copy(value);
  const stack: (Record<string, unknown> | unknown[])[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const entries = Array.isArray(node) ? [...node.keys()] : Object.keys(node);
    if (!Array.isArray(node)) {
      // Keys are strings from the server too (parameter names).
      for (const key of entries as string[]) {
        const clean = scrub(key);
        if (clean !== key && !(clean in node)) {
          node[clean] = node[key];
          delete node[key];
        }
      }
    }
    for (const key of Array.isArray(node) ? [...node.keys()] : Object.keys(node)) {
      const child = (node as Record<string | number, unknown>)[key];
      if (typeof child === "string") (node as Record<string | number, unknown>)[key] = scrub(child);
      else if (child !== null && typeof child === "object") {
        const childCopy = copy(child);
        (node as Record<string | number, unknown>)[key] = childCopy;
        stack.push(childCopy);
      }
    }
  }
  return root as T;
}

/** A quick check on the JSON text, so that the usual value (no path in it) is not copied. */
function mayContain(value: object, placeholders: readonly PathPlaceholder[]): boolean {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return true; // Too deep to write at once: walk it.
  }
  return placeholders.some(({ path }) => text.includes(JSON.stringify(path).slice(1, -1)));
}
