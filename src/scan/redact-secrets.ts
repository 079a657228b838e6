/**
 * Browser-safe: hides the values of `--env` and `--header` in everything
 * the scan prints or writes. A server may echo its credentials in an error
 * or a description; the value is replaced by `[NAME]`, also in its
 * JSON-escaped form. Values under 4 characters (`1`, `on`) are left alone:
 * hiding them would rewrite ordinary text and they are not secrets.
 */
export const MIN_SECRET_LENGTH = 4;

export function secretRedactor(secrets: Record<string, string>): (text: string) => string {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(secrets)) {
    if (value.length < MIN_SECRET_LENGTH) continue;
    const escaped = JSON.stringify(value).slice(1, -1);
    pairs.push([value, `[${name}]`]);
    if (escaped !== value) pairs.push([escaped, `[${name}]`]);
  }
  // Longer values first, so a secret that contains another is hidden whole.
  pairs.sort((a, b) => b[0].length - a[0].length);
  return (text) => pairs.reduce((out, [value, name]) => (out.includes(value) ? out.split(value).join(name) : out), text);
}
