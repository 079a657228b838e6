import { goEqual, toNumber } from "./go-values.ts";
import { compileRe2 } from "./re2-regex.ts";

/** Whether `actual` satisfies `op` against `expected`, exactly as the proxy's evalOp decides. */
export function evalOperator(op: string, actual: unknown, expected: unknown): boolean {
  switch (op) {
    case "eq":
      return goEqual(actual, expected);
    case "neq":
      return !goEqual(actual, expected);
    case "in":
      return isIn(actual, expected);
    case "not_in":
      return !isIn(actual, expected);
    case "lt":
      return compare(actual, expected, (a, b) => a < b);
    case "lte":
      return compare(actual, expected, (a, b) => a <= b);
    case "gt":
      return compare(actual, expected, (a, b) => a > b);
    case "gte":
      return compare(actual, expected, (a, b) => a >= b);
    case "regex":
      return matches(actual, expected);
    case "contains":
      return contains(actual, expected);
    default:
      return false;
  }
}

function isIn(actual: unknown, expected: unknown): boolean {
  return Array.isArray(expected) && expected.some((item) => goEqual(actual, item));
}

/** Numbers only: the string "5" is not less than 10 for the proxy, so the condition fails. */
function compare(actual: unknown, expected: unknown, test: (a: number, b: number) => boolean): boolean {
  const a = toNumber(actual);
  const b = toNumber(expected);
  return a !== undefined && b !== undefined && test(a, b);
}

const regexCache = new Map<string, RegExp | null>();

/**
 * Why this engine cannot decide `op` against `expected` the way the
 * proxy would, or undefined when it can: a regex that is valid RE2 but
 * has no JavaScript equivalent (`(?U)`, flags inside the pattern...).
 * A pattern the proxy rejects is not one of these: the policy would not load.
 */
export function cannotEvaluate(op: string, expected: unknown): string | undefined {
  if (op !== "regex" || typeof expected !== "string") return undefined;
  const compiled = compileRe2(expected);
  return !compiled.ok && !compiled.rejected ? compiled.message : undefined;
}

function matches(actual: unknown, expected: unknown): boolean {
  if (typeof actual !== "string" || typeof expected !== "string") return false;
  let regex = regexCache.get(expected);
  if (regex === undefined) {
    const compiled = compileRe2(expected);
    regex = compiled.ok ? compiled.regex : null;
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(expected, regex);
  }
  return regex !== null && regex.test(actual);
}

/** Substring for strings, element equality for lists, false otherwise. */
function contains(actual: unknown, expected: unknown): boolean {
  if (typeof actual === "string") return typeof expected === "string" && actual.includes(expected);
  if (Array.isArray(actual)) return actual.some((item) => goEqual(item, expected));
  return false;
}
