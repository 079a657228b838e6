/** A place in a policy: keys and list indexes from the top, e.g. `["tools", "create_issue", "rules", 0]`. */
export type PolicyPath = ReadonlyArray<string | number>;

export interface Finding {
  /** `error`: the proxy refuses the file (or a rule cannot work); `warning`: accepted, but probably not what was meant. */
  severity: "error" | "warning";
  /** Where, as the proxy names places: `tools.create_issue.rules[0].rate_limit`; empty for the file as a whole (YAML syntax, size). */
  path: string;
  /** 1-based line in the YAML text, when the finding came from text. */
  line?: number;
  /** 1-based column in the YAML text, when the finding came from text. */
  column?: number;
  /** What is wrong and what was expected. */
  message: string;
  /**
   * The text passed one of this checker's own limits (size, nesting, value
   * count; yaml-limits.ts), so it was not read: the proxy might load it.
   */
  ownLimit?: true;
}

const plainKey = /^[A-Za-z0-9_*-]+$/;

/**
 * `tools.create_issue.rules[0]`, the proxy's own way of naming places; a
 * key with dots, spaces or quotes is written `tools["a.b"]` so the path
 * stays unambiguous.
 */
export function formatPath(path: PolicyPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (plainKey.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || "(top level)";
}

/** In reading order (line, then column); findings without a place keep their order, first. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        (a.finding.line ?? 0) - (b.finding.line ?? 0) ||
        (a.finding.column ?? 0) - (b.finding.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
