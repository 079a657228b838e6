/** One installed package in the crawler's cache, as the budget sees it. */
export type CacheEntry = {
  /** The folder's name under the cache (`scope__name@1.2.3`, `+scripts` when installed with scripts). */
  name: string;
  /** Disk space it takes. */
  bytes: number;
  /** When a crawl last used it (ms since the epoch); the least recently used goes first. */
  lastUsedMs: number;
};

/** What to delete so that the cache fits, and whether it then does. */
export type EvictionPlan = {
  /** Folder names to delete, least recently used first. */
  evict: string[];
  /** The cache's size once they are gone. */
  bytesAfter: number;
  /** False when even deleting every entry it may delete leaves the cache over budget. */
  fits: boolean;
};

/**
 * Chooses what to evict so that the cache plus `incomingBytes` stays within
 * `budgetBytes`: least recently used first (ties by name, so the plan is the
 * same on every run), never an entry in `keep` (the packages this crawl
 * needs), and no more than needed.
 */
export function planEviction(entries: readonly CacheEntry[], budgetBytes: number, keep: ReadonlySet<string>, incomingBytes = 0): EvictionPlan {
  let bytes = entries.reduce((sum, e) => sum + e.bytes, 0) + incomingBytes;
  const evict: string[] = [];
  const candidates = entries
    .filter((e) => !keep.has(e.name))
    .sort((a, b) => a.lastUsedMs - b.lastUsedMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of candidates) {
    if (bytes <= budgetBytes) break;
    evict.push(entry.name);
    bytes -= entry.bytes;
  }
  return { evict, bytesAfter: bytes, fits: bytes <= budgetBytes };
}

/** `1536 MB` style, for messages: whole megabytes (2^20 bytes), with thousands separators. */
export function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / 2 ** 20).toLocaleString("en-US")} MB`;
}

/**
 * Why an install is refused: the packages this crawl needs do not fit in the
 * budget even with everything else evicted. Says how much they take and what
 * to change.
 */
export function overBudgetMessage(pkg: string, plan: EvictionPlan, budgetBytes: number): string {
  return (
    `cache budget of ${megabytes(budgetBytes)} exceeded installing ${pkg}: the packages this crawl needs take ${megabytes(plan.bytesAfter)} ` +
    `with everything else evicted; raise --cache-max-mb or crawl fewer servers (--only, --shard)`
  );
}

/** A limit on how many tasks run at once; the rest wait in the order they came. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a semaphore needs a limit of at least 1, got ${limit}`);
  }

  /** Tasks running now. */
  get running(): number {
    return this.active;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finished task hands its slot straight to the next in line, so a newcomer cannot take it in between.
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
