/**
 * The main job on the bundled default servers: re-crawl them (the reference
 * servers that are devDependencies) into catalog/, build the site from the
 * whole committed catalog with its search index, and serve it on
 * http://localhost:4321. Arguments go to the crawl instead of --bundled.
 * A server that fails to crawl keeps its previous catalog file, so the build
 * still runs; only a usage error stops here.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };

function step(title: string, args: string[], { mustSucceed }: { mustSucceed: boolean }): number {
  console.log(`\n== ${title} ==`);
  const result = spawnSync("npm", ["run", "--silent", ...args], { stdio: "inherit", env });
  const code = result.status ?? 1;
  if (code !== 0 && mustSucceed) {
    console.error(`npm start: "${title}" failed with exit code ${code}`);
    process.exit(code);
  }
  return code;
}

// The whole catalog needs some 160 packages installed (gigabytes, minutes); a first run re-crawls only the
// bundled reference servers and serves the committed catalog for the rest. Arguments replace that choice.
const crawlArgs = process.argv.length > 2 ? process.argv.slice(2) : ["--bundled"];
const crawlCode = step("crawl the bundled servers", ["crawl", "--", ...crawlArgs], { mustSucceed: false });
if (crawlCode === 2) process.exit(2);
if (crawlCode !== 0) console.warn(`\nnpm start: the crawl exited with ${crawlCode} (see above); failed servers keep their previous catalog files.`);

const hasSite = existsSync("astro.config.mjs");
if (!hasSite) process.exit(crawlCode);
step("build the site and its search index", ["build"], { mustSucceed: true });
step("serve the site on http://localhost:4321", ["serve"], { mustSucceed: true });
