import { lstat, readdir, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { overBudgetMessage, planEviction, Semaphore, type CacheEntry } from "./cache-budget.ts";
import { findInstalledPackage, installPackage, packageLocation, type LocatedPackage, type PackageLocation, type PackageRef } from "./install-package.ts";

export type PackageInstallerOptions = {
  projectRoot: string;
  /** The crawler's package cache (one folder per package and version). */
  cacheDir: string;
  /** npm installs run at once. */
  concurrency: number;
  /** The cache's disk budget; absent means no limit. */
  maxCacheBytes?: number;
  /** Cache folders this crawl needs (see `packageLocation`): never evicted to make room. */
  needed: ReadonlySet<string>;
};

/** A located package, and what it took: `installMs` counts the npm install (or the look in the cache), not the wait for a free slot. */
export type InstallOutcome = { located: LocatedPackage; installed: boolean; installMs: number };

/**
 * Installs the packages of a crawl, several at once (`concurrency`), each
 * cache folder once however many definitions use it, within a disk budget:
 * before and after each install, the least recently used folders this crawl
 * does not need are evicted until the cache fits, and an install that cannot
 * fit even then is refused with a message saying so (and removed).
 */
export class PackageInstaller {
  private readonly slots: Semaphore;
  private readonly outcomes = new Map<string, Promise<InstallOutcome>>();
  private entries?: Promise<Map<string, CacheEntry>>;

  constructor(private readonly options: PackageInstallerOptions) {
    this.slots = new Semaphore(options.concurrency);
  }

  /** The package, from the project, the cache or a fresh install. */
  locate(pkg: PackageRef, installScripts: boolean): Promise<InstallOutcome> {
    const where = packageLocation(pkg, { cacheDir: this.options.cacheDir, installScripts });
    let outcome = this.outcomes.get(where.folderName);
    if (!outcome) {
      outcome = this.locateOnce(pkg, installScripts, where);
      this.outcomes.set(where.folderName, outcome);
    }
    return outcome;
  }

  private async locateOnce(pkg: PackageRef, installScripts: boolean, where: PackageLocation): Promise<InstallOutcome> {
    const started = performance.now();
    const found = await findInstalledPackage(pkg, { projectRoot: this.options.projectRoot, cacheDir: this.options.cacheDir, installScripts });
    if (found) {
      // The folder's time is its last use, which eviction reads.
      if (found.dir === where.installed) await utimes(where.installRoot, new Date(), new Date()).catch(() => {});
      return { located: found, installed: false, installMs: Math.round(performance.now() - started) };
    }
    return this.slots.run(async () => {
      const began = performance.now();
      const label = `${pkg.name}@${pkg.version}`;
      await this.makeRoom(label);
      const located = await installPackage(pkg, { cacheDir: this.options.cacheDir, installScripts });
      if (this.options.maxCacheBytes !== undefined) {
        const entries = await this.cacheEntries();
        entries.set(where.folderName, { name: where.folderName, bytes: await diskBytes(where.installRoot), lastUsedMs: Date.now() });
        try {
          await this.makeRoom(label);
        } catch (error) {
          entries.delete(where.folderName);
          await rm(where.installRoot, { recursive: true, force: true });
          throw error;
        }
      }
      return { located, installed: true, installMs: Math.round(performance.now() - began) };
    });
  }

  /** Evicts what the budget needs evicted; throws when the packages this crawl needs do not fit. */
  private async makeRoom(label: string): Promise<void> {
    const budget = this.options.maxCacheBytes;
    if (budget === undefined) return;
    const entries = await this.cacheEntries();
    const plan = planEviction([...entries.values()], budget, this.options.needed);
    for (const name of plan.evict) {
      entries.delete(name);
      // A link (a cache shared with another checkout) loses only the link.
      await rm(path.join(this.options.cacheDir, name), { recursive: true, force: true });
    }
    if (!plan.fits) throw new Error(overBudgetMessage(label, plan, budget));
  }

  /** The cache's folders, sized once per crawl (only when a budget is set and something is installed). */
  private cacheEntries(): Promise<Map<string, CacheEntry>> {
    this.entries ??= (async () => {
      const entries = new Map<string, CacheEntry>();
      for (const name of await readdir(this.options.cacheDir).catch(() => [])) {
        const folder = path.join(this.options.cacheDir, name);
        const info = await stat(folder).catch(() => undefined);
        if (!info?.isDirectory()) continue;
        entries.set(name, { name, bytes: await diskBytes(folder), lastUsedMs: info.mtimeMs });
      }
      return entries;
    })();
    return this.entries;
  }
}

/** Disk space under `root`, not following links (a linked folder's space is counted where it lives). */
export async function diskBytes(root: string): Promise<number> {
  let total = 0;
  const folders = [root];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    const info = await lstat(folder).catch(() => undefined);
    if (!info) continue;
    total += info.blocks * 512;
    if (!info.isDirectory()) continue;
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) folders.push(file);
      else {
        const child = await lstat(file).catch(() => undefined);
        if (child) total += child.blocks * 512;
      }
    }
  }
  return total;
}
