/**
 * The browser tests drive Debian's chromium through playwright-core; no
 * browser is ever downloaded. Before `npm test`, install it with apt-get
 * when it is missing and we may (root), or say exactly what to run. A path
 * given in CHROMIUM_PATH is the tests' to check.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** CHROMIUM_PATH points the tests at another Chromium build (GitHub's runners ship Google Chrome). */
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromiumPath) && process.env.CHROMIUM_PATH === undefined) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (!isRoot || !hasApt) {
    console.error(`npm test: ${chromiumPath} is missing; install Debian's chromium first (sudo apt-get install -y chromium).`);
    process.exit(1);
  }
  console.log("npm test: installing Debian's chromium for the browser tests (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) {
      console.error(`npm test: apt-get ${args.join(" ")} failed; install chromium by hand.`);
      process.exit(1);
    }
  }
}
