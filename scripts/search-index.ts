/**
 * The build's search step: pagefind's index of the site, made with pagefind's
 * Node API from the catalog the pages are rendered from (read and validated by
 * the same loader), one small document per server and tool page
 * (`src/site/search-documents.ts`). It reads no page, so the build runs it
 * beside `astro build` (scripts/build-site.ts).
 *
 *   tsx scripts/search-index.ts --catalog <catalog folder> --out <index folder>
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as pagefind from "pagefind";
import { readCatalog } from "../src/catalog/catalog-files.ts";
import { buildCatalogIndex } from "../src/site/catalog-index.ts";
import { searchDocuments } from "../src/site/search-documents.ts";

/** Documents in flight at once: enough to keep pagefind busy, few enough that none wait long in memory. */
const BATCH = 500;

export async function writeSearchIndex(catalogDir: string, outputPath: string): Promise<{ documents: number }> {
  const index = buildCatalogIndex(await readCatalog(catalogDir));
  const { index: search, errors } = await pagefind.createIndex({});
  if (!search) throw new Error(`pagefind could not start: ${errors.join("; ")}`);
  try {
    let documents = 0;
    let batch: Promise<{ errors: string[] }>[] = [];
    const settle = async () => {
      for (const result of await Promise.all(batch)) if (result.errors.length > 0) throw new Error(`pagefind refused a page: ${result.errors.join("; ")}`);
      batch = [];
    };
    for (const page of searchDocuments(index)) {
      batch.push(search.addHTMLFile({ url: page.url, content: page.html }));
      documents++;
      if (batch.length === BATCH) await settle();
    }
    await settle();
    const written = await search.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind could not write ${outputPath}: ${written.errors.join("; ")}`);
    return { documents };
  } finally {
    await pagefind.close();
  }
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const catalogDir = argument("catalog");
  const outputPath = argument("out");
  if (!catalogDir || !outputPath) {
    console.error("usage: tsx scripts/search-index.ts --catalog <catalog folder> --out <index folder>");
    process.exit(2);
  }
  try {
    await writeSearchIndex(path.resolve(catalogDir), path.resolve(outputPath));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
