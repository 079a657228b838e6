import { describe, expect, it } from "vitest";
import { checkTargets, slopeMilliseconds, spread, type SizeFigures } from "../../scripts/bench-targets.ts";

const size = (tools: number, overrides: Partial<SizeFigures> = {}): SizeFigures => ({
  tools,
  toolPagesSeconds: { real: tools / 1000, minimal: tools / 1000 },
  otherSeconds: 1,
  realSeconds: 10,
  realPeakMegabytes: 500,
  pagefindSeconds: 1,
  pagefindPeakMegabytes: 100,
  ...overrides,
});

const verdict = (checks: ReturnType<typeof checkTargets>, start: string) => checks.find((c) => c.target.startsWith(start));

describe("checkTargets", () => {
  it("the slope counts only the seconds added between the two sizes, so fixed costs cancel out", () => {
    expect(slopeMilliseconds({ tools: 10_000, seconds: 20 }, { tools: 50_000, seconds: 60 })).toBe(1);
  });

  it("a tool page that costs twice a bare page per added tool misses the 1.5x target, and 1.4x meets it", () => {
    const twice = checkTargets([size(10_000, { toolPagesSeconds: { real: 20, minimal: 10 } }), size(50_000, { toolPagesSeconds: { real: 100, minimal: 50 } })]);
    expect(verdict(twice, "per tool page")).toMatchObject({ measured: "2.00 ms against 1.00 ms: 2.00x", met: false });
    const close = checkTargets([size(10_000, { toolPagesSeconds: { real: 14, minimal: 10 } }), size(50_000, { toolPagesSeconds: { real: 70, minimal: 50 } })]);
    expect(verdict(close, "per tool page")?.met).toBe(true);
  });

  it("other pages get 6 s at 10,000 tools and 10 s at 50,000", () => {
    const checks = checkTargets([size(10_000, { otherSeconds: 7 }), size(50_000, { otherSeconds: 10 })]);
    expect(verdict(checks, "other pages and files at 10000")?.met).toBe(false);
    expect(verdict(checks, "other pages and files at 50000")?.met).toBe(true);
  });

  it("pagefind must take at most half the issue's time and stay within its memory budget", () => {
    const checks = checkTargets([size(10_000, { pagefindSeconds: 7.5, pagefindPeakMegabytes: 801 })]);
    expect(verdict(checks, "pagefind at 10000")?.met).toBe(false);
    expect(verdict(checks, "pagefind peak memory at 10000")?.met).toBe(false);
  });

  it("an unmeasured peak never counts as within budget", () => {
    const { realPeakMegabytes: _, ...unmeasured } = size(50_000);
    expect(verdict(checkTargets([unmeasured]), "build peak memory")).toMatchObject({ measured: "not measured", met: false });
  });

  it("the whole pipeline at 50,000 tools adds the build and the search index when they were only timed apart", () => {
    const checks = checkTargets([size(50_000, { realSeconds: 60, pagefindSeconds: 40 })]);
    expect(verdict(checks, "build plus search")).toMatchObject({ measured: "100.0 s (astro then search)", met: false });
  });

  it("the whole pipeline is the build's own wall time when the bench ran it as the build does", () => {
    const checks = checkTargets([size(50_000, { realSeconds: 60, pagefindSeconds: 40, pipelineSeconds: 72.5 })]);
    expect(verdict(checks, "build plus search")).toMatchObject({ measured: "72.5 s (npm run build)", met: true });
  });

  it("a single size gives no slope, and a size the issue sets no budget for gives no check", () => {
    expect(checkTargets([size(1_000)])).toEqual([]);
  });
});

describe("spread", () => {
  it.each([
    [[12.34], "12.3 s (1 run)"],
    [[14, 12.5, 13], "12.5 to 14.0 s (3 runs)"],
  ])("%j reads %s", (values, expected) => {
    expect(spread(values, "s")).toBe(expected);
  });
});
