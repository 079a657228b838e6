import { createHash } from "node:crypto";

/** Part `index` (1-based) of `count`. */
export type Shard = { index: number; count: number };

/** Parses `I/N` as given to --shard; `undefined` when it is not of that form. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  return shard.count >= 1 && shard.count <= 256 && shard.index >= 1 && shard.index <= shard.count ? shard : undefined;
}

/**
 * Which shard a server belongs to: from a hash of its id, not its position,
 * so adding a server never moves the others to another machine.
 */
export function shardOf(id: string, count: number): number {
  const digest = createHash("sha256").update(id).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(id: string, shard: Shard): boolean {
  return shardOf(id, shard.count) === shard.index;
}
