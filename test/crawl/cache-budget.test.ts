import { describe, expect, it } from "vitest";
import { megabytes, overBudgetMessage, planEviction, Semaphore, type CacheEntry } from "../../src/crawl/cache-budget.ts";

const MB = 2 ** 20;
const entry = (name: string, mb: number, lastUsedMs: number): CacheEntry => ({ name, bytes: mb * MB, lastUsedMs });
const cache = [entry("old@1.0.0", 300, 1_000), entry("older@1.0.0", 200, 500), entry("needed@2.0.0", 400, 100), entry("recent@1.0.0", 100, 9_000)];

describe("planEviction", () => {
  it.each([
    ["a cache within its budget evicts nothing", 1_000, [], [], 1_000],
    ["the least recently used goes first, and no more than needed", 900, [], ["needed@2.0.0"], 600],
    ["an entry the crawl needs is skipped; the next least recently used goes", 900, ["needed@2.0.0"], ["older@1.0.0"], 800],
    ["more room evicts in order of last use", 500, ["needed@2.0.0"], ["older@1.0.0", "old@1.0.0"], 500],
    ["everything not needed goes when the budget asks for it", 450, ["needed@2.0.0"], ["older@1.0.0", "old@1.0.0", "recent@1.0.0"], 400],
  ])("%s", (_, budgetMb, keep, evict, afterMb) => {
    const plan = planEviction(cache, budgetMb * MB, new Set(keep));
    expect(plan).toEqual({ evict, bytesAfter: afterMb * MB, fits: true });
  });

  it("says it does not fit when the needed entries alone are over budget, after evicting everything else", () => {
    const plan = planEviction(cache, 300 * MB, new Set(["needed@2.0.0"]));
    expect(plan).toEqual({ evict: ["older@1.0.0", "old@1.0.0", "recent@1.0.0"], bytesAfter: 400 * MB, fits: false });
  });

  it("counts an incoming install against the budget", () => {
    expect(planEviction(cache, 1_000 * MB, new Set(["needed@2.0.0"]), 150 * MB).evict).toEqual(["older@1.0.0"]);
  });

  it("breaks a tie in last use by name, so the same cache gives the same plan", () => {
    const tied = [entry("b@1", 10, 5), entry("a@1", 10, 5), entry("c@1", 10, 5)];
    expect(planEviction(tied, 15 * MB, new Set()).evict).toEqual(["a@1", "b@1"]);
    expect(planEviction([...tied].reverse(), 15 * MB, new Set()).evict).toEqual(["a@1", "b@1"]);
  });
});

describe("overBudgetMessage", () => {
  it("names the package, the budget, what the crawl needs and the flag to change", () => {
    const plan = planEviction(cache, 300 * MB, new Set(["needed@2.0.0"]));
    expect(overBudgetMessage("needed@2.0.0", plan, 300 * MB)).toBe(
      "cache budget of 300 MB exceeded installing needed@2.0.0: the packages this crawl needs take 400 MB with everything else evicted; raise --cache-max-mb or crawl fewer servers (--only, --shard)",
    );
  });

  it("rounds megabytes up, with thousands separators", () => {
    expect(megabytes(20_000 * MB + 1)).toBe("20,001 MB");
  });
});

describe("Semaphore", () => {
  it("never runs more tasks at once than its limit, and runs them all, in the order they came", async () => {
    const slots = new Semaphore(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return i;
    };
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => slots.run(task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
    expect(slots.running).toBe(0);
  });

  it("a task started as another finishes waits its turn instead of taking a freed slot twice", async () => {
    const slots = new Semaphore(1);
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await Promise.resolve();
      running--;
    };
    const first = slots.run(task);
    const second = slots.run(task);
    await first;
    const third = slots.run(task); // arrives while the second has been handed the slot but not yet resumed
    await Promise.all([second, third]);
    expect(most).toBe(1);
  });

  it("frees its slot when a task throws", async () => {
    const slots = new Semaphore(1);
    await expect(slots.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await slots.run(async () => "next")).toBe("next");
  });

  it("refuses a limit below 1", () => {
    expect(() => new Semaphore(0)).toThrow("a semaphore needs a limit of at least 1, got 0");
  });
});
