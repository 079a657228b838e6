import type { ServerResult } from "./run-crawl.ts";

/** Seconds with one decimal, or "-" when the phase did not happen. */
function seconds(ms: number | undefined): string {
  return ms === undefined ? "-" : `${(ms / 1000).toFixed(1)}s`;
}

/**
 * Where a crawl's time went, per server, as a Markdown table: install (npm,
 * or the look in the cache), crawl (connect, list, stop) and the whole, then
 * the sums and the run's wall time. Slowest first, so the servers worth a
 * look lead. Kept apart from the catalog files, whose bytes must not change
 * from one crawl of the same servers to the next.
 */
export function renderTimingReport(servers: readonly ServerResult[], wallMs: number, settings: { concurrency: number; installConcurrency: number; maxCacheMb?: number }): string {
  const rows = [...servers].sort((a, b) => b.durationMs - a.durationMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sum = (pick: (s: ServerResult) => number | undefined) => servers.reduce((n, s) => n + (pick(s) ?? 0), 0);
  const installed = servers.filter((s) => s.installMs !== undefined);
  const lines = [
    `# Crawl timings`,
    ``,
    `${servers.length} servers in ${seconds(wallMs)} of wall time (concurrency ${settings.concurrency}, installs ${settings.installConcurrency} at once, ` +
      `cache budget ${settings.maxCacheMb === undefined ? "none" : `${settings.maxCacheMb.toLocaleString("en-US")} MB`}). ` +
      `Summed over servers: install ${seconds(sum((s) => s.installMs))} (${installed.length} packages), crawl ${seconds(sum((s) => s.crawlMs))}.`,
    ``,
    `| server | status | tools | install | crawl | total |`,
    `|---|---|---|---|---|---|`,
    ...rows.map((s) => `| ${s.id} | ${s.status} | ${s.tools} | ${seconds(s.installMs)} | ${seconds(s.crawlMs)} | ${seconds(s.durationMs)} |`),
  ];
  return `${lines.join("\n")}\n`;
}
