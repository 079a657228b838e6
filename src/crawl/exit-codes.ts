/** The crawler's exit codes, documented in the README; the first that applies wins, highest first. */
export const exitCodes = {
  /** Every server crawled (and, with --check, nothing differs). */
  ok: 0,
  /** --check: the crawl differs from the committed catalog. */
  catalogDiffers: 1,
  /** Bad command-line options, or an --only id with no definition. */
  usage: 2,
  /** At least one server definition is invalid (the others were still crawled). */
  invalidDefinitions: 3,
  /** At least one server failed (or, with --strict, listed with warnings or dropped tools). */
  serversFailed: 4,
} as const;
