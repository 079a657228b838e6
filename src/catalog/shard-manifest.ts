import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { canonicalJson, compareCodePoints } from "./canonical-json.ts";
import { writeFileAtomically } from "./catalog-files.ts";
import { formatZodIssues } from "./friendly-errors.ts";
import { serverIdSchema } from "./server-definition-schema.ts";

export const SHARD_MANIFEST = "shard.json";

export const shardManifestSchema = z.object({
  /** Which part of how many. */
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }),
  /** Ids of the servers this part crawled (its catalog files sit beside the manifest, except failed ones). */
  ids: z.array(serverIdSchema),
  /** Servers that failed; the merge keeps their previous files. */
  failed: z.array(z.object({ id: serverIdSchema, code: z.string(), message: z.string() })),
});
export type ShardManifest = z.infer<typeof shardManifestSchema>;

export async function writeShardManifest(dir: string, manifest: ShardManifest): Promise<void> {
  const sorted = { ...manifest, ids: [...manifest.ids].sort(compareCodePoints) };
  await writeFileAtomically(path.join(dir, SHARD_MANIFEST), canonicalJson(shardManifestSchema.parse(sorted), 2) + "\n");
}

export async function readShardManifest(dir: string): Promise<ShardManifest> {
  const file = path.join(dir, SHARD_MANIFEST);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: cannot read the shard manifest (${(error as Error).message}); is ${dir} the --out folder of a sharded crawl?`, { cause: error });
  }
  const result = shardManifestSchema.safeParse(data);
  if (!result.success) throw new Error(`${file}: not a shard manifest:\n${formatZodIssues(result.error.issues)}`);
  return result.data;
}
