import { execFile } from "node:child_process";
import { access, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type PackageRef = { name: string; version: string };

/** Where the package was found, and whether install scripts were skipped when it was installed. */
export type LocatedPackage = {
  /** The package's own folder. */
  dir: string;
  /** The install folder whose packages' install scripts were skipped; absent when they ran or the project's own copy is used. */
  scriptsSkippedIn?: string;
};

/** Where a pinned package is, or would be, installed. */
export type PackageLocation = {
  /** The folder `npm install` runs in, under the cache. */
  installRoot: string;
  /** The cache folder's name (`installRoot`'s last part). */
  folderName: string;
  /** The package's own folder once installed there. */
  installed: string;
};

/** Where `pkg` goes in the cache: installs with and without scripts are kept apart, so opting in never reuses a copy installed without them. */
export function packageLocation(pkg: PackageRef, options: { cacheDir: string; installScripts?: boolean }): PackageLocation {
  const folderName = cacheFolderName(pkg) + (options.installScripts === true ? "+scripts" : "");
  const installRoot = path.join(options.cacheDir, folderName);
  return { installRoot, folderName, installed: path.join(installRoot, "node_modules", pkg.name) };
}

/**
 * The pinned package if it is already here: in the project's own
 * node_modules when that copy has exactly the pinned version (the reference
 * servers are devDependencies), otherwise in the cache.
 */
export async function findInstalledPackage(
  pkg: PackageRef,
  options: { projectRoot: string; cacheDir: string; installScripts?: boolean },
): Promise<LocatedPackage | undefined> {
  const own = path.join(options.projectRoot, "node_modules", pkg.name);
  if ((await readVersion(own)) === pkg.version) return { dir: own };
  const where = packageLocation(pkg, options);
  if ((await readVersion(where.installed)) === pkg.version) return locatedIn(where, options.installScripts === true);
  return undefined;
}

/**
 * Installs the pinned package into its cache folder (replacing whatever was
 * there). Install scripts are off unless the definition opts in: a server
 * package never runs code on this machine before we ask it to. npm's own
 * cache is shared by every install (`--prefer-offline` uses what it holds
 * without asking the registry again), so a dependency is downloaded once.
 */
export async function installPackage(pkg: PackageRef, options: { cacheDir: string; installScripts?: boolean }): Promise<LocatedPackage> {
  const installScripts = options.installScripts === true;
  const where = packageLocation(pkg, options);
  await rm(where.installRoot, { recursive: true, force: true });
  await mkdir(where.installRoot, { recursive: true });
  await writeFile(path.join(where.installRoot, "package.json"), JSON.stringify({ name: "catalog-server-cache", private: true }) + "\n");
  try {
    await run(
      "npm",
      [
        "install",
        ...(installScripts ? [] : ["--ignore-scripts"]),
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--omit=dev",
        "--no-save",
        "--loglevel=error",
        `${pkg.name}@${pkg.version}`,
      ],
      { cwd: where.installRoot, timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`npm install ${pkg.name}@${pkg.version} failed: ${stderr.trim().split("\n").slice(-5).join(" | ") || (error as Error).message}`, { cause: error });
  }
  if ((await readVersion(where.installed)) !== pkg.version) {
    throw new Error(`npm install ${pkg.name}@${pkg.version} did not produce that version in ${where.installRoot}`);
  }
  return locatedIn(where, installScripts);
}

/** Finds the pinned package (see `findInstalledPackage`), installing it into the cache first when it is not there. */
export async function locatePackage(
  pkg: PackageRef,
  options: { projectRoot: string; cacheDir: string; installScripts?: boolean },
): Promise<LocatedPackage> {
  return (await findInstalledPackage(pkg, options)) ?? (await installPackage(pkg, options));
}

function locatedIn(where: PackageLocation, installScripts: boolean): LocatedPackage {
  return { dir: where.installed, ...(installScripts ? {} : { scriptsSkippedIn: where.installRoot }) };
}

/** The definition names a bin the package does not have, or names none where the package has several. */
export class BinNotFoundError extends Error {
  constructor(
    message: string,
    /** The bins the package does have. */
    readonly bins: string[],
  ) {
    super(message);
    this.name = "BinNotFoundError";
  }
}

/** The path of a package's bin: the one named, or its only one. */
export async function resolveBin(packageDir: string, binName: string | undefined): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as {
    name?: string;
    version?: string;
    bin?: string | Record<string, string>;
  };
  const bins: Record<string, string> =
    typeof manifest.bin === "string" ? { [manifest.name?.split("/").pop() ?? "bin"]: manifest.bin } : (manifest.bin ?? {});
  const names = Object.keys(bins).sort();
  // Several names for one file (aliases) leave nothing to choose.
  const oneTarget = new Set(Object.values(bins).map((p) => path.resolve(packageDir, p))).size === 1;
  const chosen = binName ?? (names.length === 1 || oneTarget ? names[0] : undefined);
  if (chosen !== undefined && Object.hasOwn(bins, chosen)) return path.resolve(packageDir, bins[chosen]!);
  const pkg = `${manifest.name}@${manifest.version}`;
  if (names.length === 0) throw new BinNotFoundError(`${pkg} declares no bin; launch it with \`command\` instead`, []);
  const has = `its bins: ${names.join(", ")}`;
  throw new BinNotFoundError(
    binName === undefined ? `${pkg} has several bins; name one with \`bin\` (${has})` : `${pkg} has no bin "${binName}" (${has})`,
    names,
  );
}

/** A package in an install whose install scripts did not run. */
export type SkippedInstallScript = { name: string; script: string; command: string };

/** Packages read at most while looking for install scripts: node_modules can be large, and this only explains a failure. */
const MAX_PACKAGES_SCANNED = 20_000;

/**
 * The install scripts npm would have run in `installRoot`: preinstall,
 * install and postinstall, and the implicit `node-gyp rebuild` of a package
 * with a binding.gyp and no install script of its own (a native module).
 * Sorted by package name, so a message built from them is stable.
 */
export async function findInstallScripts(installRoot: string): Promise<SkippedInstallScript[]> {
  const found: SkippedInstallScript[] = [];
  const folders = [path.join(installRoot, "node_modules")];
  let scanned = 0;
  while (folders.length > 0 && scanned < MAX_PACKAGES_SCANNED) {
    const folder = folders.pop()!;
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const dir = path.join(folder, entry.name);
      if (entry.name.startsWith("@")) {
        folders.push(dir);
        continue;
      }
      scanned++;
      folders.push(path.join(dir, "node_modules"));
      const manifest = await readManifest(dir);
      if (!manifest) continue;
      const name = typeof manifest.name === "string" ? manifest.name : entry.name;
      const scripts = (manifest.scripts && typeof manifest.scripts === "object" ? manifest.scripts : {}) as Record<string, unknown>;
      for (const script of ["preinstall", "install", "postinstall"]) {
        if (typeof scripts[script] === "string") found.push({ name, script, command: scripts[script] });
      }
      if (typeof scripts.install !== "string" && typeof scripts.preinstall !== "string" && (await exists(path.join(dir, "binding.gyp")))) {
        found.push({ name, script: "install", command: "node-gyp rebuild" });
      }
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A folder name safe on any file system: `@scope/name@1.2.3` becomes `scope__name@1.2.3`. */
export function cacheFolderName(pkg: PackageRef): string {
  return `${pkg.name.replace(/^@/, "").replace(/\//g, "__")}@${pkg.version}`.replace(/[^A-Za-z0-9._@-]/g, "_");
}

async function readVersion(packageDir: string): Promise<string | undefined> {
  const version = (await readManifest(packageDir))?.version;
  return typeof version === "string" ? version : undefined;
}

async function readManifest(packageDir: string): Promise<Record<string, unknown> | undefined> {
  try {
    const manifest: unknown = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8"));
    return manifest && typeof manifest === "object" ? (manifest as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
