/** Helpers for tests that read a built site: files, and text pulled out of our own HTML. */
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../../scripts/build-site.ts";
import type { CatalogServer } from "../../src/catalog/catalog-schema.ts";
import { writeFixtureCatalog } from "./fixture-catalog.ts";

export interface BuiltFixture {
  dir: string;
  outDir: string;
  servers: CatalogServer[];
}

/** Writes the fixture catalog to a temp folder and builds the site from it. */
export async function buildFixtureSite(options: { search: boolean }): Promise<BuiltFixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "site-fixture-"));
  const servers = await writeFixtureCatalog(path.join(dir, "catalog"));
  const outDir = path.join(dir, "dist");
  await withBuildLock(() => buildSite({ catalogDir: path.join(dir, "catalog"), outDir, cacheDir: path.join(dir, "cache"), skipSearch: !options.search }));
  return { dir, outDir, servers };
}

/**
 * Two Astro builds of one project at once can trip over each other's
 * generated files, so test files take turns (a lock folder; a stale one,
 * left by a killed run, is taken over after five minutes).
 */
async function withBuildLock<T>(build: () => Promise<T>): Promise<T> {
  const lock = path.join(os.tmpdir(), "mcp-tool-catalog-site-build.lock");
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > 300_000) await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await build();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

export async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(suffix)).map((e) => path.join(e.parentPath, e.name)).sort();
}

export const readText = (file: string): Promise<string> => readFile(file, "utf8");

const entities: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'", "&amp;": "&" };
export const decodeHtml = (html: string): string => html.replace(/&(?:lt|gt|quot|#39|#x27|amp);/g, (e) => entities[e]!);

/** The text of each element matching an opening-tag pattern (our own markup: no nesting of the same tag). */
export function elementTexts(html: string, tag: string, attribute: string): { attribute: string; text: string }[] {
  const pattern = new RegExp(`<${tag}[^>]*\\s${attribute}(?:="([^"]*)")?[^>]*>([\\s\\S]*?)</${tag}>`, "g");
  return [...html.matchAll(pattern)].map((m) => ({ attribute: decodeHtml(m[1] ?? ""), text: decodeHtml(m[2]!.replace(/<[^>]+>/g, "")) }));
}
