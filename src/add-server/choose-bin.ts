import path from "node:path";

/** A package.json's `bin` as name → file. */
export function binsOf(manifest: { name?: string; bin?: string | Record<string, string> }): Record<string, string> {
  if (typeof manifest.bin === "string") return { [manifest.name?.split("/").pop() ?? "bin"]: manifest.bin };
  return { ...(manifest.bin ?? {}) };
}

export type BinChoice = {
  /** The bin that is started. */
  name: string;
  /** True when the package has other bins, so the definition must say `bin:`. */
  mustName: boolean;
};

/**
 * Which bin of a package to start: the one asked for; the only one (or the
 * only file behind several aliases); else the one named like the package,
 * else the only one whose name says MCP. Otherwise the caller must choose,
 * and the error lists the names.
 */
export function chooseBin(packageName: string, bins: Record<string, string>, requested?: string): BinChoice {
  const names = Object.keys(bins).sort();
  if (names.length === 0) throw new Error(`${packageName} declares no bin; the crawler starts a package's bin, so it cannot launch this one`);
  const oneTarget = new Set(Object.values(bins).map((file) => path.normalize(file))).size === 1;
  if (requested !== undefined) {
    if (!(requested in bins)) throw new Error(`${packageName} has no bin "${requested}": choose one of ${names.join(", ")}`);
    return { name: requested, mustName: !oneTarget };
  }
  if (oneTarget) return { name: names[0]!, mustName: false };
  const unscoped = packageName.split("/").pop()!;
  const likePackage = names.find((n) => n === unscoped || n === packageName.replace(/^@/, "").replace("/", "-"));
  if (likePackage) return { name: likePackage, mustName: true };
  const mcpish = names.filter((n) => /mcp/i.test(n));
  if (mcpish.length === 1) return { name: mcpish[0]!, mustName: true };
  throw new Error(`${packageName} has several bins (${names.join(", ")}): say which one starts the MCP server with --bin NAME`);
}
