/**
 * The proxy compares values the Go way: numbers only with numbers (a
 * string "5" is not a number), and otherwise by their `%v` text, so the
 * string "5" equals the number 5 and `true` equals "true". Arguments arrive
 * as JSON, so every argument number is a float64.
 */

/** Go's conv.ToFloat64: numbers only, no parsing of strings. */
export function toNumber(value: unknown): number | undefined {
  return typeof value === "number" && !Number.isNaN(value) ? value : undefined;
}

export function goEqual(actual: unknown, expected: unknown): boolean {
  const a = toNumber(actual);
  const b = toNumber(expected);
  if (a !== undefined && b !== undefined) return a === b;
  return goText(actual, "argument") === goText(expected, "policy");
}

/**
 * `fmt.Sprintf("%v", value)`. Argument numbers are float64 (`1e+06`);
 * whole numbers written in the policy are Go ints (`1000000`).
 */
export function goText(value: unknown, origin: "argument" | "policy"): string {
  if (value === null || value === undefined) return "<nil>";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return origin === "policy" && Number.isInteger(value) ? integerText(value) : floatText(value);
  if (Array.isArray(value)) return `[${value.map((item) => goText(item, origin)).join(" ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${goText(v, origin)}`).join(" ")}]`;
  }
  return String(value);
}

function integerText(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

/**
 * `%v` of a float64: Go's shortest digits, in exponent form (two-digit
 * exponent) when the exponent is below -4 or at least 6, so 1000000 reads
 * `1e+06`. In between, JavaScript's own text is the same.
 */
function floatText(value: number): string {
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  const [mantissa, exponentText] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return Object.is(value, -0) ? "-0" : String(value);
}
