import type { CrawlProgress, ServerResult } from "./run-crawl.ts";
import { safeForTerminal } from "./terminal-text.ts";

const spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** One line per server: a spinner while it runs, then tools found, time and outcome. */
export function describeResult(result: ServerResult): string {
  const seconds = (result.durationMs / 1000).toFixed(1);
  if (result.status === "failed") {
    return `✗ ${result.id}  failed ${result.error?.code} after ${seconds}s: ${safeForTerminal(result.error?.message ?? "", 200)}`;
  }
  const extra = [
    result.dropped.length ? `${result.dropped.length} dropped` : "",
    result.warnings.length ? `${result.warnings.length} warning(s)` : "",
    result.changed ? "changed" : "unchanged",
  ].filter(Boolean);
  return `✓ ${result.id}  ${result.tools} tools in ${seconds}s (${extra.join(", ")})`;
}

/**
 * Live progress on a terminal: the block of running servers is redrawn in
 * place; finished servers scroll above it. Off a terminal, plain lines.
 */
export function createProgressDisplay(stream: NodeJS.WriteStream): { update: (event: CrawlProgress) => void; stop: () => void } {
  const running = new Map<string, { phase: string; since: number }>();
  if (!stream.isTTY) {
    return {
      update: (event) => {
        if (event.phase === "done" && event.result) stream.write(describeResult(event.result) + "\n");
      },
      stop: () => {},
    };
  }
  let drawn = 0;
  let frame = 0;
  const redraw = (finished?: string) => {
    if (drawn > 0) stream.write(`\x1b[${drawn}A\x1b[0J`);
    if (finished) stream.write(finished + "\n");
    const now = performance.now();
    const lines = [...running].map(([id, r]) => `${spinner[frame % spinner.length]} ${id}  ${r.phase} ${((now - r.since) / 1000).toFixed(1)}s`);
    for (const line of lines) stream.write(line + "\n");
    drawn = lines.length;
  };
  const timer = setInterval(() => {
    frame++;
    redraw();
  }, 120);
  return {
    update: (event) => {
      if (event.phase === "done") {
        running.delete(event.id);
        redraw(event.result ? describeResult(event.result) : undefined);
      } else {
        running.set(event.id, { phase: event.phase, since: running.get(event.id)?.since ?? performance.now() });
        redraw();
      }
    },
    stop: () => {
      clearInterval(timer);
      redraw();
    },
  };
}
