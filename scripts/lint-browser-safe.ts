/**
 * Browser-safe modules (classify, policy, playground, scan) run in the browser. A Node
 * import there builds fine and breaks at run time, so this check, not
 * memory, keeps them clean. Exits 1 and names each offending import.
 */
import { builtinModules } from "node:module";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const browserSafeFolders = ["src/classify", "src/policy", "src/playground", "src/scan"];
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const forbiddenPrefixes = ["node:", "@modelcontextprotocol/sdk"];
const importPattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(ts|mts|js|mjs)$/.test(entry.name)) yield full;
  }
}

export async function findNodeImports(folders: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const folder of folders) {
    for await (const file of walk(folder)) {
      const text = await readFile(file, "utf8");
      for (const match of text.matchAll(importPattern)) {
        const specifier = match[1] ?? match[2] ?? "";
        if (nodeBuiltins.has(specifier) || forbiddenPrefixes.some((p) => specifier.startsWith(p))) {
          const line = text.slice(0, match.index).split("\n").length + (text[match.index] === "\n" ? 1 : 0);
          problems.push(`${file}:${line}: "${specifier}" is not available in the browser; ${folder} must stay browser-safe`);
        }
      }
    }
  }
  return problems;
}

const problems = await findNodeImports(browserSafeFolders);
for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
console.log(`lint: ${browserSafeFolders.join(", ")} import no Node built-ins`);
