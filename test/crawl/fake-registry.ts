import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const fixturePackages = path.resolve("test/fixtures/packages");

/** What `npm install` needs to use the fake registry and nothing else: pass it as the environment of the install. */
export type FakeRegistry = { url: string; npmEnv: Record<string, string>; requests: string[]; close: () => Promise<void> };

/**
 * An npm registry on 127.0.0.1 serving the fixture packages under
 * test/fixtures/packages (packed with `npm pack`, which needs no network),
 * so install tests run the real `npm install` without the real registry.
 */
export async function startFakeRegistry(packageFolders: string[]): Promise<FakeRegistry> {
  const packDir = mkdtempSync(path.join(os.tmpdir(), "fake-registry-"));
  const packages = new Map<string, { manifest: Record<string, unknown>; tarball: Buffer; file: string }>();
  for (const folder of packageFolders) {
    const dir = path.join(fixturePackages, folder);
    const { stdout } = await run("npm", ["pack", dir, "--pack-destination", packDir, "--json", "--loglevel=error"], { cwd: packDir });
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    packages.set(String(manifest.name), { manifest, tarball: readFileSync(path.join(packDir, packed!.filename)), file: packed!.filename });
  }
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = decodeURIComponent(request.url ?? "/");
    requests.push(url);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const name = url.slice(1).split("/-/")[0]!;
    const pkg = packages.get(name);
    if (!pkg) {
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    } else if (url.includes("/-/")) {
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(pkg.tarball);
    } else {
      const version = String(pkg.manifest.version);
      const integrity = `sha512-${createHash("sha512").update(pkg.tarball).digest("base64")}`;
      const packument = {
        name,
        "dist-tags": { latest: version },
        versions: { [version]: { ...pkg.manifest, dist: { tarball: `${base}/${name}/-/${pkg.file}`, integrity } } },
      };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(packument));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requests,
    npmEnv: {
      npm_config_registry: url,
      npm_config_cache: mkdtempSync(path.join(os.tmpdir(), "fake-registry-cache-")),
      npm_config_update_notifier: "false",
      npm_config_audit: "false",
      npm_config_fund: "false",
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
