/**
 * Tool pages' HTML sizes in a built site, against the 30,000-byte budget:
 * median, largest, and every page over it.
 *
 *   npx tsx scripts/tool-page-sizes.ts [--site dist] [--budget 30000]
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface PageSizes {
  pages: number;
  median: number;
  max: { page: string; bytes: number };
  over: { page: string; bytes: number }[];
}

/** Every `servers/<id>/tools/<slug>/index.html` under the site folder. */
export async function toolPageSizes(site: string, budget = 30_000): Promise<PageSizes> {
  const sizes: { page: string; bytes: number }[] = [];
  const serversDir = path.join(site, "servers");
  for (const server of await readdir(serversDir)) {
    const toolsDir = path.join(serversDir, server, "tools");
    const slugs = await readdir(toolsDir).catch(() => [] as string[]);
    for (const slug of slugs) {
      const file = path.join(toolsDir, slug, "index.html");
      sizes.push({ page: `/servers/${server}/tools/${slug}/`, bytes: (await stat(file)).size });
    }
  }
  if (sizes.length === 0) throw new Error(`no tool pages under ${serversDir}: build the site first`);
  sizes.sort((a, b) => a.bytes - b.bytes);
  return {
    pages: sizes.length,
    median: sizes[Math.floor(sizes.length / 2)]!.bytes,
    max: sizes[sizes.length - 1]!,
    over: sizes.filter((s) => s.bytes > budget),
  };
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const budget = Number(argument("budget") ?? 30_000);
  const sizes = await toolPageSizes(argument("site") ?? "dist", budget);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${sizes.pages} tool pages: median ${sizes.median} bytes (${kb(sizes.median)}), largest ${sizes.max.bytes} bytes (${sizes.max.page})`);
  console.log(`${sizes.over.length} over ${budget} bytes${sizes.over.length ? ":" : ""}`);
  for (const page of sizes.over) console.log(`  ${page.bytes} ${page.page}`);
  process.exitCode = sizes.over.length ? 1 : 0;
}
