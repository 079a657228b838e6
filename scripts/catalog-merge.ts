/**
 * Merges the partial results of `npm run crawl -- --shard I/N --out DIR`
 * into the catalog: npm run catalog:merge -- [--catalog DIR] [--servers DIR] [--report FILE.md] PARTS...
 * Exit codes: 0 merged; 2 usage error or refused parts (missing, overlapping, foreign).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomically } from "../src/catalog/catalog-files.ts";
import { renderChangeReport } from "../src/catalog/change-report.ts";
import { mergeShards } from "../src/catalog/merge-shards.ts";

let parsed;
try {
  parsed = parseArgs({
    options: {
      catalog: { type: "string", default: "catalog" },
      servers: { type: "string", default: "catalog/servers" },
      report: { type: "string" },
    },
    allowPositionals: true,
  });
} catch (error) {
  console.error(`catalog:merge: ${(error as Error).message}`);
  process.exit(2);
}
const { values, positionals } = parsed;
try {
  const result = await mergeShards({
    parts: positionals.map((p) => path.resolve(p)),
    catalogDir: path.resolve(values.catalog),
    definitionsDir: path.resolve(values.servers),
  });
  const report = renderChangeReport(result.diffs, result.failed);
  if (values.report) await writeFileAtomically(path.resolve(values.report), report);
  console.log(report);
} catch (error) {
  console.error(`catalog:merge: ${(error as Error).message}`);
  process.exit(2);
}
