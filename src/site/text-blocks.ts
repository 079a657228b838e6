/**
 * Untrusted text (tool descriptions, maintainer Markdown) as plain blocks of
 * text. Pages render every piece escaped (Astro's `{expr}` or `html`); nothing here
 * produces HTML.
 */

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "link"; text: string; href: string };

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "heading"; level: 2 | 3 | 4; text: string }
  | { kind: "code"; text: string };

const bullet = /^\s*[-*•]\s+/;
const numbered = /^\s*\d{1,3}[.)]\s+/;

/** Paragraphs on blank lines, lists on "- " / "1. " lines: enough to keep a description readable. */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    blocks.push(...chunkBlocks(chunk.split("\n")));
  }
  return blocks;
}

function chunkBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    if (list) blocks.push({ kind: "list", ...list });
    paragraph = [];
    list = undefined;
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    const ordered = numbered.test(raw);
    if (bullet.test(raw) || ordered) {
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(raw.replace(ordered ? numbered : bullet, "").trim());
    } else if (list && /^\s{2,}/.test(raw)) {
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last]} ${line}`;
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** A tiny Markdown subset for maintainer text: headings, fenced code, lists, paragraphs. */
export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) blocks.push(...textBlocks(pending.join("\n")));
    pending = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = /^\s*(```|~~~)/.exec(line);
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").trim().startsWith(fence[1]!); i++) code.push(lines[i] ?? "");
      blocks.push({ kind: "code", text: code.join("\n") });
    } else if (heading) {
      flush();
      blocks.push({ kind: "heading", level: Math.min(4, heading[1]!.length + 1) as 2 | 3 | 4, text: heading[2]! });
    } else {
      pending.push(line);
    }
  }
  flush();
  return blocks;
}

/** Inline `code` and [links](https://...) (http and https only); everything else is text. */
export function inlineSegments(text: string): Inline[] {
  const segments: Inline[] = [];
  const pattern = /`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^\s)<>"']+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ kind: "text", text: text.slice(last, match.index) });
    if (match[1] !== undefined) segments.push({ kind: "code", text: match[1] });
    else segments.push({ kind: "link", text: match[2]!, href: match[3]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  return segments;
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
/** Zero-width, bidi and Unicode tag characters, as in the classifier's hidden-instruction check. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]/gu;

/**
 * A name with its invisible characters shown as code points (`read<U+202E>elif`):
 * a bidi override would otherwise make the page show a different name than
 * the one a policy must match.
 */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`);
}

/** A tool's name as lists show it: invisible characters revealed, at most `max` characters. */
export function displayName(name: string, max = 120): string {
  const shown = revealInvisible(name);
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The first sentence (or the first `max` characters) of a text. */
export function firstSentence(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = /[.!?](\s|$)/.exec(flat);
  return shorten(end ? flat.slice(0, end.index + 1) : flat, max);
}

/**
 * Text for an attribute (meta description, data-search). Astro escapes the
 * quotes, which is enough for HTML, but a raw `<img` in a page still trips
 * scanners and naive readers, so angle brackets become look-alike quotes.
 */
export function attributeText(text: string): string {
  return text.replace(/</g, "‹").replace(/>/g, "›");
}
