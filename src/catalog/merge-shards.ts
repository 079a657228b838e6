import { rm } from "node:fs/promises";
import path from "node:path";
import { inShard } from "./shard-assignment.ts";
import { readCatalog, readCatalogServer, writeCatalogServer } from "./catalog-files.ts";
import { diffCatalogServer, type ServerDiff } from "./catalog-diff.ts";
import type { FailedServer } from "./change-report.ts";
import { loadDefinitions } from "./load-definitions.ts";
import { readShardManifest, type ShardManifest } from "./shard-manifest.ts";

export type MergeResult = { diffs: ServerDiff[]; failed: FailedServer[] };

/**
 * Merges the partial results of a sharded crawl into the catalog. It refuses
 * an incomplete or overlapping set of parts before writing anything, then
 * gives exactly what one full crawl would: each crawled server's new file,
 * failed servers' previous files untouched, and files of servers whose
 * definition is gone removed.
 */
export async function mergeShards(options: { parts: string[]; catalogDir: string; definitionsDir: string }): Promise<MergeResult> {
  if (options.parts.length === 0) throw new Error("no parts given: pass the --out folder of every shard");
  const manifests: { dir: string; manifest: ShardManifest }[] = [];
  for (const dir of options.parts) manifests.push({ dir, manifest: await readShardManifest(dir) });

  const count = manifests[0]!.manifest.shard.count;
  const byIndex = new Map<number, string>();
  for (const { dir, manifest } of manifests) {
    if (manifest.shard.count !== count) {
      throw new Error(`${dir} is shard ${manifest.shard.index}/${manifest.shard.count}, but ${manifests[0]!.dir} is of ${count} shards: all parts must come from one run`);
    }
    const other = byIndex.get(manifest.shard.index);
    if (other) throw new Error(`shard ${manifest.shard.index}/${count} is given twice (${other} and ${dir}): parts overlap`);
    byIndex.set(manifest.shard.index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new Error(`missing shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")}: every part is needed`);

  const { definitions, errors } = await loadDefinitions(options.definitionsDir);
  const defined = new Set(definitions.map((d) => d.id));
  const owner = new Map<string, string>();
  for (const { dir, manifest } of manifests) {
    for (const id of manifest.ids) {
      if (!defined.has(id)) throw new Error(`${dir} holds "${id}", which has no valid definition in ${options.definitionsDir}: parts must come from these definitions`);
      const first = owner.get(id);
      if (first) throw new Error(`server "${id}" appears in two parts (${first} and ${dir}): parts overlap`);
      if (!inShard(id, manifest.shard)) throw new Error(`server "${id}" in ${dir} does not belong to shard ${manifest.shard.index}/${count}`);
      owner.set(id, dir);
    }
  }
  const uncovered = definitions.filter((d) => !owner.has(d.id)).map((d) => d.id);
  if (uncovered.length > 0) throw new Error(`no part crawled ${uncovered.map((id) => `"${id}"`).join(", ")}: a part is missing servers or was made from other definitions`);

  const failedIds = new Set(manifests.flatMap(({ manifest }) => manifest.failed.map((f) => f.id)));
  const diffs: ServerDiff[] = [];
  const updates = [];
  for (const [id, dir] of [...owner].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const previous = await readCatalogServer(options.catalogDir, id);
    const next = await readCatalogServer(dir, id);
    if (!next) {
      if (!failedIds.has(id)) throw new Error(`${path.join(dir, `${id}.json`)} is missing, and the part does not report "${id}" as failed`);
      diffs.push(diffCatalogServer(previous, previous));
      continue;
    }
    diffs.push(diffCatalogServer(previous, next));
    updates.push(next);
  }
  const known = new Set([...definitions.map((d) => d.id), ...errors.map((e) => path.basename(e.file, ".md"))]);
  const orphans = (await readCatalog(options.catalogDir)).filter((s) => !known.has(s.id));

  // Everything is checked; only now is the catalog touched.
  for (const server of updates) await writeCatalogServer(options.catalogDir, server);
  for (const orphan of orphans) {
    await rm(path.join(options.catalogDir, `${orphan.id}.json`), { force: true });
    diffs.push(diffCatalogServer(orphan, undefined));
  }
  return { diffs, failed: manifests.flatMap(({ manifest }) => manifest.failed) };
}
