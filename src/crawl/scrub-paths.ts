import { realpath } from "node:fs/promises";
import path from "node:path";

/** A machine-specific path and the placeholder stored in its place. */
export type PathPlaceholder = { path: string; placeholder: string };

/**
 * The paths a server may print or echo that differ from one crawl or machine
 * to the next: the crawl's sandbox (also its HOME), the package cache, the
 * repository, and the working folder when it is none of these, each under
 * its own and its real name. The cache sits inside the repository; the
 * longer path wins, so it is stored as `${CATALOG_CACHE}`.
 */
export async function crawlPathPlaceholders(paths: { sandbox: string; cacheDir: string; projectRoot: string; cwd?: string }): Promise<PathPlaceholder[]> {
  const named: PathPlaceholder[] = [
    { path: paths.sandbox, placeholder: "${CATALOG_SANDBOX}" },
    { path: paths.cacheDir, placeholder: "${CATALOG_CACHE}" },
    { path: paths.projectRoot, placeholder: "${CATALOG_PROJECT}" },
    // node_modules may be a link to elsewhere; its real path then is not under the repository's.
    { path: path.join(paths.projectRoot, "node_modules"), placeholder: "${CATALOG_PROJECT}/node_modules" },
  ];
  const { cwd } = paths;
  if (cwd !== undefined && cwd !== paths.sandbox && cwd !== paths.projectRoot) named.push({ path: cwd, placeholder: "${CATALOG_CWD}" });
  const real = await Promise.all(named.map(async (p) => ({ ...p, path: await realpath(p.path).catch(() => p.path) })));
  return [...named, ...real.filter((p, i) => p.path !== named[i]!.path)];
}

/**
 * Replaces the crawl's own paths by placeholders in every string of `value`
 * (keys too). A server that echoes where it runs would otherwise put a random
 * temporary path into the catalog, and every crawl would look like a change.
 * Longer paths are replaced first, so a folder inside the sandbox keeps its
 * tail: `${CATALOG_SANDBOX}/.config`. The one place stored text loses its
 * paths: tools, server info and instructions, failure messages and stderr.
 * A loop over an explicit stack: the value comes from a server.
 */
export function scrubPaths<T>(value: T, placeholders: readonly PathPlaceholder[]): T {
  const usable = usablePlaceholders(placeholders);
  if (usable.length === 0) return value;
  const scrub = (text: string) => replacePaths(text, usable);
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

function usablePlaceholders(placeholders: readonly PathPlaceholder[]): PathPlaceholder[] {
  return (
    placeholders
      // A path this short ("/", "/tmp") would replace ordinary text.
      .filter((p) => p.path.length >= 8)
      .sort((a, b) => b.path.length - a.path.length)
  );
}

function replacePaths(text: string, usable: readonly PathPlaceholder[]): string {
  let result = text;
  for (const { path, placeholder } of usable) if (result.includes(path)) result = result.split(path).join(placeholder);
  return result;
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
