import type { ZodIssue } from "zod";

/** `tools[3].definition.name` from a zod path. */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[\w$-]+$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || "(top level)";
}

/** One line per issue: `  - field.path: what was expected`. */
export function formatZodIssues(issues: readonly ZodIssue[]): string {
  return issues.map((issue) => `  - ${formatIssuePath(issue.path)}: ${describeIssue(issue)}`).join("\n");
}

export function describeIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.received === "undefined"
        ? `required, expected ${issue.expected}`
        : `expected ${issue.expected}, got ${issue.received}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_enum_value":
      return `expected one of ${issue.options.map((o) => JSON.stringify(o)).join(", ")}, got ${JSON.stringify(issue.received)}`;
    case "invalid_literal":
      return `expected ${JSON.stringify(issue.expected)}, got ${JSON.stringify(issue.received)}`;
    default:
      return issue.message;
  }
}
