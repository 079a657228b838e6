/**
 * The main job on the bundled default servers: crawl them into catalog/,
 * build the site with its search index, and serve it on http://localhost:4321.
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

const crawlCode = step("crawl the default servers", ["crawl", "--", ...process.argv.slice(2)], { mustSucceed: false });
if (crawlCode === 2) process.exit(2);
if (crawlCode !== 0) console.warn(`\nnpm start: the crawl exited with ${crawlCode} (see above); failed servers keep their previous catalog files.`);

const hasSite = existsSync("astro.config.mjs");
if (!hasSite) process.exit(crawlCode);
step("build the site and its search index", ["build"], { mustSucceed: true });
step("serve the site on http://localhost:4321", ["serve"], { mustSucceed: true });
