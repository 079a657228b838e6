/**
 * A small block-style YAML writer for JSON-like data (null, booleans,
 * numbers, strings, arrays, plain objects) with comment lines above keys
 * and list items. Policies are rendered once per snippet, five per tool
 * page, so the site build writes tens of thousands of them: the `yaml`
 * package's document model made that the build's largest single cost.
 * Browser-safe: no imports.
 *
 * Strings stay plain only when every YAML 1.1 and 1.2 reader takes them as
 * the same string (so `no`, `1.0`, `2026-01-01` and `0x1f` are quoted);
 * everything else is double-quoted with control, invisible and bidi
 * characters escaped, so a tool name can neither break the file nor
 * hide what it says.
 */

/** Comment lines for a mapping's keys or a list's items, by key or item text. */
export type CommentLookup = (key: string) => string | undefined;

const plainCharacters = /^[A-Za-z0-9_][A-Za-z0-9_ .,/()'@+-]*$/;
const readAsOtherType =
  /^(?:null|true|false|yes|no|on|off|y|n|[0-9][0-9_]*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|0[xob][0-9a-f_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$/i;
// Escaped inside double quotes: YAML's non-printable characters, invisible
// and direction-changing format characters, and unpaired surrogates.
const mustEscape =
  /["\\\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const namedEscapes: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r" };

function escapeCharacter(character: string): string {
  return namedEscapes[character] ?? `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A string as a YAML scalar that every reader takes back as the same string. */
export function yamlString(text: string): string {
  const plain = plainCharacters.test(text) && !text.endsWith(" ") && !readAsOtherType.test(text);
  return plain ? text : `"${text.replace(mustEscape, escapeCharacter)}"`;
}

function yamlNumber(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
  if (Object.is(value, -0)) return "-0.0";
  return String(value);
}

function isBlockCollection(value: unknown): value is unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === "object" && value !== null && definedEntries(value).length > 0;
}

// Like JSON, a key whose value is undefined is left out.
function definedEntries(value: object): Array<[string, unknown]> {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

/** A value written on the same line as its key or dash. */
function inlineValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return yamlNumber(value);
  if (typeof value === "string") return yamlString(value);
  if (Array.isArray(value)) return "[]";
  if (typeof value === "object") return "{}";
  throw new TypeError(`cannot write a ${typeof value} as YAML`);
}

function commentLine(indent: string, comment: string | undefined): string[] {
  return comment === undefined ? [] : [`${indent}#${comment}`];
}

/** Appends `key: value` at `indent`, nested collections in block style. */
export function writeEntry(lines: string[], indent: string, key: string, value: unknown, comment?: string): void {
  lines.push(...commentLine(indent, comment));
  const head = `${indent}${yamlString(key)}:`;
  if (!isBlockCollection(value)) {
    lines.push(`${head} ${inlineValue(value)}`);
    return;
  }
  lines.push(head);
  writeBlock(lines, `${indent}  `, value);
}

/** Appends the entries of a mapping or the items of a list, each at `indent`. */
export function writeBlock(lines: string[], indent: string, value: unknown[] | Record<string, unknown>, comments?: CommentLookup): void {
  if (Array.isArray(value)) {
    for (const item of value) writeItem(lines, indent, item, typeof item === "string" ? comments?.(item) : undefined);
    return;
  }
  for (const [key, item] of definedEntries(value)) writeEntry(lines, indent, key, item, comments?.(key));
}

function writeItem(lines: string[], indent: string, item: unknown, comment: string | undefined): void {
  lines.push(...commentLine(indent, comment));
  if (!isBlockCollection(item)) {
    lines.push(`${indent}- ${inlineValue(item)}`);
    return;
  }
  // A nested collection starts on the dash's line: "- name: x" or "- - a".
  const first = lines.length;
  writeBlock(lines, `${indent}  `, item);
  lines[first] = `${indent}- ${lines[first]!.slice(indent.length + 2)}`;
}
