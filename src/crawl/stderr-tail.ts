import { StringDecoder } from "node:string_decoder";
import { BoundedTail } from "./bounded-tail.ts";
import { scrubPaths, type PathPlaceholder } from "./scrub-paths.ts";

/**
 * Lines that say why a server died, as opposed to its logging: the thrown
 * error (`Error:`, `TypeError:`, `Error [ERR_MODULE_NOT_FOUND]:`, also when
 * logged after a prefix such as "Fatal error in main():"), Node's resolver,
 * and the fatal lines of npm, Go and C programs.
 */
const decisivePatterns: readonly RegExp[] = [
  /^\s*(?:Uncaught )?\w*(?:Error|Exception)(?: \[[A-Z0-9_]+\])?:/,
  /Cannot find (?:module|package) /,
  /\b\w*(?:Error|Exception)(?: \[[A-Z0-9_]+\])?: \S/,
  /^\s*(?:npm ERR!|npm error |panic: |fatal: |FATAL)/,
];

/** True for a line that says why a server failed. */
export function isDecisiveLine(line: string): boolean {
  return decisivePatterns.some((pattern) => pattern.test(line));
}

/** A decisive line longer than this is kept cut; it is read by people. */
const MAX_DECISIVE_LINE = 1000;
/** An unfinished line is scanned only this far. */
const MAX_PENDING_LINE = 4096;

/**
 * A server's stderr, bounded: the last `limit` bytes, plus the first
 * decisive line ever written, which a server that logs on after its error
 * would otherwise push out of the tail.
 */
export class StderrTail {
  private readonly tail: BoundedTail;
  private readonly decoder = new StringDecoder("utf8");
  private pending = "";
  private firstDecisive?: string;

  constructor(limit: number) {
    this.tail = new BoundedTail(limit);
  }

  /** Bytes seen in all, kept or not. */
  get total(): number {
    return this.tail.total;
  }

  push(chunk: Buffer): void {
    this.tail.push(chunk);
    if (this.firstDecisive !== undefined) return;
    const lines = (this.pending + this.decoder.write(chunk)).split("\n");
    this.pending = lines.pop()!.slice(0, MAX_PENDING_LINE);
    const found = lines.find(isDecisiveLine);
    if (found !== undefined) this.firstDecisive = found.slice(0, MAX_DECISIVE_LINE);
  }

  /** The kept tail, led by the first decisive line when the tail no longer holds it. */
  text(): string {
    const tail = this.tail.text();
    const decisive = this.firstDecisive ?? (isDecisiveLine(this.pending) ? this.pending.slice(0, MAX_DECISIVE_LINE) : undefined);
    if (decisive === undefined || tail.includes(decisive)) return tail;
    return `${decisive}\n…\n${tail}`;
  }
}

/**
 * At most `lines` last lines of `text`, each cut to `lineLength`, led by its
 * first decisive line (and a `…` line) when that is not among them: the
 * `Error:` a server printed before ten lines of shutdown logging is what a
 * maintainer needs to see.
 */
export function stderrExcerpt(text: string, options: { lines: number; lineLength: number }): string {
  const all = text.split("\n").map((line) => line.trimEnd());
  while (all.length > 0 && all[all.length - 1] === "") all.pop();
  while (all.length > 0 && all[0] === "") all.shift();
  const cut = (line: string) => (line.length > options.lineLength ? `${line.slice(0, options.lineLength)}…` : line);
  const start = Math.max(0, all.length - options.lines);
  const decisive = all.findIndex(isDecisiveLine);
  const kept =
    decisive === -1 || decisive >= start
      ? all.slice(start)
      : decisive === start - 1
        ? all.slice(decisive) // nothing to skip between them: no "…"
        : [all[decisive]!, "…", ...all.slice(start)];
  return kept.map(cut).join("\n");
}

/**
 * What varies from one crawl of the same failing server to the next, or
 * from one machine to another, in what a server prints: times, process ids,
 * Node's version and the line numbers of its internals.
 */
const volatileParts: readonly { pattern: RegExp; replacement: string }[] = [
  { pattern: /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\w:])/g, replacement: "<time>" },
  { pattern: /\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, replacement: "<time>" },
  { pattern: /(node:internal\/[\w/.-]+):\d+(?::\d+)?/g, replacement: "$1" },
  { pattern: /\(node:\d+\)/g, replacement: "(node:<pid>)" },
  { pattern: /\b(pid)([ =:#]+)\d+\b/gi, replacement: "$1$2<pid>" },
  { pattern: /^Node\.js v\d+\.\d+\.\d+$/gm, replacement: "Node.js <version>" },
];

/**
 * Server output made safe to store and show: line breaks unified, terminal
 * escapes removed, other control and direction-changing characters shown as
 * `?`, the crawl's own paths replaced by placeholders (see scrubPaths) and
 * volatile parts masked, so that the same failure is stored as the same
 * bytes on every crawl.
 */
export function cleanServerOutput(text: string, placeholders: readonly PathPlaceholder[]): string {
  let clean = text
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]?/g, "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "?");
  clean = scrubPaths(clean, placeholders);
  for (const { pattern, replacement } of volatileParts) clean = clean.replace(pattern, replacement);
  return clean;
}
