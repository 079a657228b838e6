import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type PackageRef = { name: string; version: string };

/**
 * Finds the pinned package: in the project's own node_modules when that copy
 * has exactly the pinned version (the reference servers are devDependencies),
 * otherwise in the cache, installing it there first. Install scripts are off:
 * a server package never runs code on this machine before we ask it to.
 */
export async function locatePackage(pkg: PackageRef, options: { projectRoot: string; cacheDir: string }): Promise<string> {
  const own = path.join(options.projectRoot, "node_modules", pkg.name);
  if ((await readVersion(own)) === pkg.version) return own;

  const installRoot = path.join(options.cacheDir, cacheFolderName(pkg));
  const installed = path.join(installRoot, "node_modules", pkg.name);
  if ((await readVersion(installed)) === pkg.version) return installed;

  await rm(installRoot, { recursive: true, force: true });
  await mkdir(installRoot, { recursive: true });
  await writeFile(path.join(installRoot, "package.json"), JSON.stringify({ name: "catalog-server-cache", private: true }) + "\n");
  try {
    await run(
      "npm",
      ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--omit=dev", "--no-save", "--loglevel=error", `${pkg.name}@${pkg.version}`],
      { cwd: installRoot, timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`npm install ${pkg.name}@${pkg.version} failed: ${stderr.trim().split("\n").slice(-5).join(" | ") || (error as Error).message}`, { cause: error });
  }
  if ((await readVersion(installed)) !== pkg.version) {
    throw new Error(`npm install ${pkg.name}@${pkg.version} did not produce that version in ${installRoot}`);
  }
  return installed;
}

/** The path of a package's bin: the one named, or its only one. */
export async function resolveBin(packageDir: string, binName: string | undefined): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as {
    name?: string;
    bin?: string | Record<string, string>;
  };
  const bins: Record<string, string> =
    typeof manifest.bin === "string" ? { [manifest.name?.split("/").pop() ?? "bin"]: manifest.bin } : (manifest.bin ?? {});
  const names = Object.keys(bins);
  // Several names for one file (aliases) leave nothing to choose.
  const oneTarget = new Set(Object.values(bins).map((p) => path.resolve(packageDir, p))).size === 1;
  const chosen = binName ?? (names.length === 1 || oneTarget ? names.sort()[0] : undefined);
  if (chosen === undefined || bins[chosen] === undefined) {
    const expected = names.length === 0 ? "the package declares no bin" : `one of ${names.join(", ")}`;
    throw new Error(`bin ${binName ? `"${binName}" ` : ""}not found in ${manifest.name}: expected ${expected}`);
  }
  return path.resolve(packageDir, bins[chosen]);
}

/** A folder name safe on any file system: `@scope/name@1.2.3` becomes `scope__name@1.2.3`. */
export function cacheFolderName(pkg: PackageRef): string {
  return `${pkg.name.replace(/^@/, "").replace(/\//g, "__")}@${pkg.version}`.replace(/[^A-Za-z0-9._@-]/g, "_");
}

async function readVersion(packageDir: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
