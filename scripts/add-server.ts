/**
 * Adds a server definition to catalog/servers: from an npm package (resolved,
 * installed with scripts off and crawled on trial until it lists its tools)
 * or from an MCP Registry server.json. Options and exit codes are in the README.
 */
import path from "node:path";
import { runAddServer } from "../src/add-server/add-server-cli.ts";
import { lookUpPackage } from "../src/add-server/npm-package.ts";
import { locatePackage } from "../src/crawl/install-package.ts";

const projectRoot = process.cwd();
const cacheDir = path.join(projectRoot, ".cache", "servers");
const code = await runAddServer(
  process.argv.slice(2),
  { lookUpPackage, installPackage: async (pkg) => (await locatePackage(pkg, { projectRoot, cacheDir })).dir },
  { out: (line) => console.log(line), err: (line) => console.error(line) },
  projectRoot,
);
process.exit(code);
