/**
 * Issue #18's build and search targets, checked against bench:build's
 * figures. Pure: the bench measures, this says what the figures mean, so the
 * verdicts can be tested without timing anything.
 */

/** What bench:build measured at one catalog size (each figure the fastest or lowest of its runs). */
export interface SizeFigures {
  tools: number;
  /** Astro's log: seconds spent on the tool-page route, real and bare site. */
  toolPagesSeconds: { real: number; minimal: number };
  /** Astro's log: every other route of the real site (server pages, listings, catalog.json...). */
  otherSeconds: number;
  realSeconds: number;
  realPeakMegabytes?: number;
  pagefindSeconds: number;
  pagefindPeakMegabytes?: number;
  /** `npm run build` as a maintainer runs it (Astro and the search index side by side), wall time. */
  pipelineSeconds?: number;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/**
 * Pagefind before issue #18 indexed every word of every page; the issue
 * measured it with `bench:build -- --runs 1` and asks for at most half.
 */
export const pagefindBefore: Record<number, number> = { 10_000: 14.9, 50_000: 86.4 };

const pagefindMemoryBudget: Record<number, number> = { 10_000: 800, 50_000: 3072 };
const otherPagesBudget: Record<number, number> = { 10_000: 6, 50_000: 10 };
const buildMemoryBudget: Record<number, number> = { 50_000: 1536 };
const pipelineBudget: Record<number, number> = { 50_000: 100 };

/** Milliseconds per added page between two sizes, so fixed costs cancel out. */
export function slopeMilliseconds(small: { tools: number; seconds: number }, large: { tools: number; seconds: number }): number {
  if (large.tools <= small.tools) throw new Error("a slope needs two different catalog sizes, the second larger");
  return ((large.seconds - small.seconds) * 1000) / (large.tools - small.tools);
}

const mb = (value: number | undefined) => (value === undefined ? "not measured" : `${value.toFixed(0)} MB`);

/** Every target the figures speak to; a size the issue sets no budget for is left out. */
export function checkTargets(sizes: readonly SizeFigures[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const sorted = [...sizes].sort((a, b) => a.tools - b.tools);
  const small = sorted[0];
  const large = sorted[sorted.length - 1];
  if (small && large && large.tools > small.tools) {
    const real = slopeMilliseconds({ tools: small.tools, seconds: small.toolPagesSeconds.real }, { tools: large.tools, seconds: large.toolPagesSeconds.real });
    const bare = slopeMilliseconds({ tools: small.tools, seconds: small.toolPagesSeconds.minimal }, { tools: large.tools, seconds: large.toolPagesSeconds.minimal });
    checks.push({
      target: `per tool page, ${small.tools} to ${large.tools} tools: within 1.5x of a bare page`,
      measured: `${real.toFixed(2)} ms against ${bare.toFixed(2)} ms: ${(real / bare).toFixed(2)}x`,
      met: real <= 1.5 * bare,
    });
  }
  for (const size of sorted) {
    const other = otherPagesBudget[size.tools];
    if (other !== undefined) checks.push({ target: `other pages and files at ${size.tools} tools: at most ${other} s`, measured: `${size.otherSeconds} s`, met: size.otherSeconds <= other });
    const memory = buildMemoryBudget[size.tools];
    if (memory !== undefined) {
      checks.push({ target: `build peak memory at ${size.tools} tools: at most ${memory} MB`, measured: mb(size.realPeakMegabytes), met: size.realPeakMegabytes !== undefined && size.realPeakMegabytes <= memory });
    }
    const before = pagefindBefore[size.tools];
    if (before !== undefined) {
      checks.push({ target: `pagefind at ${size.tools} tools: at most half of ${before} s`, measured: `${size.pagefindSeconds.toFixed(1)} s`, met: size.pagefindSeconds <= before / 2 });
    }
    const searchMemory = pagefindMemoryBudget[size.tools];
    if (searchMemory !== undefined) {
      checks.push({
        target: `pagefind peak memory at ${size.tools} tools: at most ${searchMemory} MB`,
        measured: mb(size.pagefindPeakMegabytes),
        met: size.pagefindPeakMegabytes !== undefined && size.pagefindPeakMegabytes <= searchMemory,
      });
    }
    const pipeline = pipelineBudget[size.tools];
    if (pipeline !== undefined) {
      // Measured as the build runs it when the bench ran it so; otherwise the two steps one after the other.
      const seconds = size.pipelineSeconds ?? size.realSeconds + size.pagefindSeconds;
      const how = size.pipelineSeconds === undefined ? "astro then search" : "npm run build";
      checks.push({ target: `build plus search at ${size.tools} tools: under ${pipeline} s`, measured: `${seconds.toFixed(1)} s (${how})`, met: seconds < pipeline });
    }
  }
  return checks;
}

/** `min to max (n runs)`, or the one value. */
export function spread(values: readonly number[], unit: string, digits = 1): string {
  if (values.length === 0) return "no runs";
  const min = Math.min(...values);
  const max = Math.max(...values);
  return values.length === 1 ? `${min.toFixed(digits)} ${unit} (1 run)` : `${min.toFixed(digits)} to ${max.toFixed(digits)} ${unit} (${values.length} runs)`;
}
