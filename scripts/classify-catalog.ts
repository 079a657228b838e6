/**
 * Re-classifies the committed catalog without crawling (after a rule
 * change). Only verdicts move; files whose verdicts did not change keep their bytes.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { readCatalog, serializeCatalogServer, writeCatalogServer } from "../src/catalog/catalog-files.ts";
import { reclassifyCatalogServer } from "../src/catalog/build-catalog-server.ts";
import { formatDefinitionError, loadDefinitions } from "../src/catalog/load-definitions.ts";

const { values } = parseArgs({
  options: {
    servers: { type: "string", default: "catalog/servers" },
    catalog: { type: "string", default: "catalog" },
  },
});
const catalogDir = path.resolve(String(values.catalog));
const { definitions, errors } = await loadDefinitions(path.resolve(String(values.servers)));
for (const error of errors) console.error(`invalid definition: ${formatDefinitionError(error)}`);
const byId = new Map(definitions.map((d) => [d.id, d]));

let changed = 0;
const servers = await readCatalog(catalogDir);
for (const server of servers) {
  const reclassified = reclassifyCatalogServer(server, byId.get(server.id));
  if (serializeCatalogServer(reclassified) !== serializeCatalogServer(server)) {
    await writeCatalogServer(catalogDir, reclassified);
    changed++;
    console.log(`reclassified ${server.id}`);
  }
}
console.log(`${servers.length} catalog files read, ${changed} changed`);
process.exit(errors.length > 0 ? 3 : 0);
