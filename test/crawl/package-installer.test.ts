import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { diskBytes, PackageInstaller } from "../../src/crawl/package-installer.ts";
import { startFakeRegistry, type FakeRegistry } from "./fake-registry.ts";

const pkg = { name: "needs-build-server", version: "1.0.0" };
const folder = "needs-build-server@1.0.0";

/** A cache folder of about `kb` KB last used at `when` (seconds since the epoch). */
function cacheFolder(cacheDir: string, name: string, kb: number, when: number): void {
  const dir = path.join(cacheDir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "blob"), Buffer.alloc(kb * 1024, 1));
  utimesSync(dir, when, when);
}

describe("PackageInstaller against a fake registry", () => {
  let registry: FakeRegistry;
  let installedBytes: number;
  const projectRoot = mkdtempSync(path.join(os.tmpdir(), "installer-project-"));

  beforeAll(async () => {
    registry = await startFakeRegistry(["needs-build-server"]);
    for (const [name, value] of Object.entries(registry.npmEnv)) vi.stubEnv(name, value);
    // The size of one install, measured, so budgets below are set around it.
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "installer-size-"));
    await new PackageInstaller({ projectRoot, cacheDir, concurrency: 1, needed: new Set() }).locate(pkg, false);
    installedBytes = await diskBytes(path.join(cacheDir, folder));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await registry.close();
  });

  it("two definitions of one package share one install, and a second crawl finds it in the cache without npm", async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "installer-share-"));
    const installer = new PackageInstaller({ projectRoot, cacheDir, concurrency: 2, needed: new Set([folder]) });
    const before = registry.requests.filter((r) => r.includes("/-/")).length;
    const [a, b] = await Promise.all([installer.locate(pkg, false), installer.locate(pkg, false)]);
    expect(a).toBe(b);
    expect(a.installed).toBe(true);
    expect(registry.requests.filter((r) => r.includes("/-/")).length - before).toBeLessThanOrEqual(1);
    const again = await new PackageInstaller({ projectRoot, cacheDir, concurrency: 2, needed: new Set([folder]) }).locate(pkg, false);
    expect(again).toMatchObject({ installed: false, located: { dir: a.located.dir } });
  });

  it("evicts the least recently used folder the crawl does not need, and only as much as the budget asks", async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "installer-evict-"));
    cacheFolder(cacheDir, "stale@1.0.0", 256, 1_000_000);
    cacheFolder(cacheDir, "recent@1.0.0", 256, 2_000_000);
    const recentBytes = await diskBytes(path.join(cacheDir, "recent@1.0.0"));
    const installer = new PackageInstaller({ projectRoot, cacheDir, concurrency: 1, maxCacheBytes: installedBytes + recentBytes + 4096, needed: new Set([folder]) });
    const outcome = await installer.locate(pkg, false);
    expect(outcome.installed).toBe(true);
    expect(existsSync(path.join(cacheDir, "stale@1.0.0"))).toBe(false);
    expect(existsSync(path.join(cacheDir, "recent@1.0.0"))).toBe(true);
    expect(existsSync(outcome.located.dir)).toBe(true);
  });

  it("refuses an install that cannot fit, naming the package, the budget and the flag, leaves nothing of it behind and never evicts a needed folder", async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "installer-refuse-"));
    cacheFolder(cacheDir, "other-needed@1.0.0", 256, 1_000_000);
    const installer = new PackageInstaller({
      projectRoot,
      cacheDir,
      concurrency: 1,
      maxCacheBytes: installedBytes - 1,
      needed: new Set([folder, "other-needed@1.0.0"]),
    });
    const error = await installer.locate(pkg, false).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^cache budget of \d[\d,]* MB exceeded installing needs-build-server@1\.0\.0: the packages this crawl needs take \d[\d,]* MB with everything else evicted; raise --cache-max-mb or crawl fewer servers \(--only, --shard\)$/,
    );
    expect(existsSync(path.join(cacheDir, folder))).toBe(false);
    expect(existsSync(path.join(cacheDir, "other-needed@1.0.0"))).toBe(true);
  });

  it("installs a package with and without scripts into folders of their own, at once, each timed", async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "installer-parallel-"));
    const installer = new PackageInstaller({ projectRoot, cacheDir, concurrency: 2, needed: new Set() });
    const [plain, withScripts] = await Promise.all([installer.locate(pkg, false), installer.locate(pkg, true)]);
    expect([plain.installed, withScripts.installed]).toEqual([true, true]);
    expect(plain.located.dir).not.toBe(withScripts.located.dir);
    expect(plain.installMs).toBeGreaterThan(0);
  });
});
