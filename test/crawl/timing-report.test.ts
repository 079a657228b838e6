import { describe, expect, it } from "vitest";
import type { ServerResult } from "../../src/crawl/run-crawl.ts";
import { renderTimingReport } from "../../src/crawl/timing-report.ts";

const result = (id: string, fields: Partial<ServerResult>): ServerResult => ({
  id,
  status: "ok",
  tools: 3,
  dropped: [],
  warnings: [],
  changed: false,
  durationMs: 1000,
  diff: { id, name: id, status: "unchanged", addedTools: [], removedTools: [], changedTools: [] } as unknown as ServerResult["diff"],
  ...fields,
});

describe("renderTimingReport", () => {
  it("lists servers slowest first with install, crawl and total, then sums them, and marks a phase that did not happen", () => {
    const servers = [
      result("fast", { durationMs: 900, installMs: 12, crawlMs: 860 }),
      result("slow", { durationMs: 64_000, installMs: 41_500, crawlMs: 22_100 }),
      result("local", { durationMs: 1_500, crawlMs: 1_400 }),
      result("broken", { status: "failed", tools: 0, durationMs: 2_000, installMs: 2_000 }),
    ];
    expect(renderTimingReport(servers, 70_000, { concurrency: 4, installConcurrency: 2, maxCacheMb: 20_000 })).toBe(
      [
        "# Crawl timings",
        "",
        "4 servers in 70.0s of wall time (concurrency 4, installs 2 at once, cache budget 20,000 MB). Summed over servers: install 43.5s (3 packages), crawl 24.4s.",
        "",
        "| server | status | tools | install | crawl | total |",
        "|---|---|---|---|---|---|",
        "| slow | ok | 3 | 41.5s | 22.1s | 64.0s |",
        "| broken | failed | 0 | 2.0s | - | 2.0s |",
        "| local | ok | 3 | - | 1.4s | 1.5s |",
        "| fast | ok | 3 | 0.0s | 0.9s | 0.9s |",
        "",
      ].join("\n"),
    );
  });

  it("says when there is no cache budget", () => {
    expect(renderTimingReport([], 0, { concurrency: 1, installConcurrency: 1 })).toContain("cache budget none");
  });
});
