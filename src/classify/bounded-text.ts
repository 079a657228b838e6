/**
 * Everything a server sends is untrusted: these helpers cap how much of it
 * the classifier scans and how much of it ends up quoted in a verdict.
 */

/** At most this many characters of any one text are scanned. */
export const SCAN_LIMIT = 20_000;
/** Quoted evidence is cut to this length. */
export const QUOTE_LIMIT = 80;

/** Zero-width, bidi-override and Unicode tag characters: invisible to people, read by models. */
export const INVISIBLE_CHARACTERS = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]/u;
const INVISIBLE_CHARACTERS_GLOBAL = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]+/g;

/** A string, or `undefined` for anything else (servers send anything). */
export function asText(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The first `limit` characters, never splitting a surrogate pair. */
export function capText(text: string, limit = SCAN_LIMIT): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}

/**
 * Text safe to show: invisible and control characters removed, whitespace
 * collapsed, cut to `limit` characters with an ellipsis.
 */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  const clean = capText(text, limit * 4)
    .replace(INVISIBLE_CHARACTERS_GLOBAL, "")
    .replace(CONTROL_CHARACTERS, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length <= limit ? clean : `${capText(clean, limit - 1).trimEnd()}…`;
}

/** Lower-case words of a text: letters and digits, apostrophes dropped ("doesn't" -> "doesnt"). */
export function words(text: string): string[] {
  return (
    capText(text)
      .toLowerCase()
      .replace(/['\u2019]/g, "")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The first sentence (up to a full stop, a line break or 300 characters), leading blank lines skipped. */
export function firstSentence(text: string): string {
  const head = capText(text.trimStart(), 300);
  const end = head.search(/[.!?](?:\s|$)|\n/);
  return end === -1 ? head : head.slice(0, end);
}

/** Sentences of a text, split at full stops and line breaks. */
export function sentences(text: string): string[] {
  return capText(text)
    .split(/[.!?](?:\s+|$)|\n+/)
    .filter((s) => s.trim() !== "");
}

/** "a", "b" and "c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
