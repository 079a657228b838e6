import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BinNotFoundError, findInstallScripts, locatePackage, resolveBin } from "../../src/crawl/install-package.ts";
import { startFakeRegistry, type FakeRegistry } from "./fake-registry.ts";

/** Writes package folders (name -> package.json fields, plus extra files) under `root/node_modules`. */
function packageTree(packages: Record<string, { manifest: Record<string, unknown>; files?: Record<string, string> }>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "install-tree-"));
  for (const [where, { manifest, files = {} }] of Object.entries(packages)) {
    const dir = path.join(root, "node_modules", where);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest));
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  }
  return root;
}

describe("resolveBin", () => {
  const root = packageTree({
    "two-bins": { manifest: { name: "two-bins", version: "1.0.0", bin: { alpha: "a.js", beta: "b.js" } } },
    "aliases": { manifest: { name: "aliases", version: "1.0.0", bin: { one: "cli.js", uno: "cli.js" } } },
    "@scope/single": { manifest: { name: "@scope/single", version: "2.0.0", bin: "cli.js" } },
    "no-bin": { manifest: { name: "no-bin", version: "1.0.0" } },
  });
  const dir = (name: string) => path.join(root, "node_modules", name);

  it.each([
    ["two-bins", "beta", "b.js"],
    ["aliases", undefined, "cli.js"],
    ["@scope/single", undefined, "cli.js"],
    ["@scope/single", "single", "cli.js"],
  ])("%s with bin %s starts %s", async (name, bin, file) => {
    expect(await resolveBin(dir(name), bin)).toBe(path.join(dir(name), file));
  });

  it.each([
    ["two-bins", "gamma", 'two-bins@1.0.0 has no bin "gamma" (its bins: alpha, beta)', ["alpha", "beta"]],
    ["two-bins", undefined, "two-bins@1.0.0 has several bins; name one with `bin` (its bins: alpha, beta)", ["alpha", "beta"]],
    ["two-bins", "toString", 'two-bins@1.0.0 has no bin "toString" (its bins: alpha, beta)', ["alpha", "beta"]],
    ["no-bin", "no-bin", "no-bin@1.0.0 declares no bin; launch it with `command` instead", []],
  ])("%s with bin %s is a BinNotFoundError: %s", async (name, bin, message, bins) => {
    const error = await resolveBin(dir(name), bin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BinNotFoundError);
    expect(error).toMatchObject({ message, bins });
  });
});

describe("findInstallScripts", () => {
  it("names every install script of the tree, nested and scoped, and a native module's implicit node-gyp build", async () => {
    const root = packageTree({
      "server": { manifest: { name: "server", version: "1.0.0", scripts: { postinstall: "node build.js", test: "vitest" } } },
      "server/node_modules/nested": { manifest: { name: "nested", version: "1.0.0", scripts: { preinstall: "node check.js" } } },
      "@scope/native": { manifest: { name: "@scope/native", version: "1.0.0" }, files: { "binding.gyp": "{}" } },
      "own-gyp-script": { manifest: { name: "own-gyp-script", version: "1.0.0", scripts: { install: "prebuild-install || node-gyp rebuild" } }, files: { "binding.gyp": "{}" } },
      "plain": { manifest: { name: "plain", version: "1.0.0", scripts: { build: "tsc" } } },
    });
    expect(await findInstallScripts(root)).toEqual([
      { name: "@scope/native", script: "install", command: "node-gyp rebuild" },
      { name: "nested", script: "preinstall", command: "node check.js" },
      { name: "own-gyp-script", script: "install", command: "prebuild-install || node-gyp rebuild" },
      { name: "server", script: "postinstall", command: "node build.js" },
    ]);
  });

  it("finds nothing in a folder with no node_modules", async () => {
    expect(await findInstallScripts(mkdtempSync(path.join(os.tmpdir(), "empty-")))).toEqual([]);
  });
});

describe("locatePackage against a fake registry", () => {
  let registry: FakeRegistry;
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "install-cache-"));
  const projectRoot = mkdtempSync(path.join(os.tmpdir(), "install-project-"));
  const pkg = { name: "needs-build-server", version: "1.0.0" };

  beforeAll(async () => {
    registry = await startFakeRegistry(["needs-build-server"]);
    for (const [name, value] of Object.entries(registry.npmEnv)) vi.stubEnv(name, value);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await registry.close();
  });

  it("installs without install scripts by default, so a bin made by postinstall is missing, and says where scripts were skipped", async () => {
    const located = await locatePackage(pkg, { projectRoot, cacheDir });
    expect(located.dir).toBe(path.join(cacheDir, "needs-build-server@1.0.0", "node_modules", "needs-build-server"));
    expect(existsSync(path.join(located.dir, "package.json"))).toBe(true);
    expect(existsSync(path.join(located.dir, "dist", "server.mjs"))).toBe(false);
    expect(located.scriptsSkippedIn).toBe(path.join(cacheDir, "needs-build-server@1.0.0"));
    expect(await findInstallScripts(located.scriptsSkippedIn!)).toEqual([{ name: "needs-build-server", script: "postinstall", command: "node build.mjs" }]);
    expect(registry.requests).toContain("/needs-build-server");
  });

  it("runs them for a definition that opts in, in a cache folder of its own", async () => {
    const located = await locatePackage(pkg, { projectRoot, cacheDir, installScripts: true });
    expect(located.dir).toBe(path.join(cacheDir, "needs-build-server@1.0.0+scripts", "node_modules", "needs-build-server"));
    expect(existsSync(path.join(located.dir, "dist", "server.mjs"))).toBe(true);
    expect(located.scriptsSkippedIn).toBeUndefined();
    // The copy installed without scripts is still there, untouched, for definitions that did not opt in.
    expect(existsSync(path.join(cacheDir, "needs-build-server@1.0.0", "node_modules", "needs-build-server", "dist"))).toBe(false);
  });
});
