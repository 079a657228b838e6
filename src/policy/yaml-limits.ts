/**
 * Limits checked before and while the YAML is read, so a hostile file (an
 * alias bomb, 500,000 nested brackets, megabytes of junk) gets a clear
 * error in milliseconds instead of a stack overflow or a hung tab.
 */

/** Larger than any policy; the playground reads from a text box. */
export const MAX_POLICY_CHARS = 1_000_000;
/** A policy nests about 8 levels deep; the proxy's parser refuses more than 10,000. */
export const MAX_DEPTH = 64;
/** Bracket and list-marker nesting counted in the raw text before parsing. */
export const MAX_RAW_NESTING = 256;
/** Nodes produced while expanding aliases; a bomb multiplies them exponentially. */
export const MAX_NODES = 20_000;

export interface TextProblem {
  offset: number;
  message: string;
  /** One of the limits above, this checker's own, not a file the proxy refuses. */
  ownLimit?: true;
}

/** Appended to every message about one of these limits: the proxy's own limits are higher. */
export const OWN_LIMIT_NOTE = "this checker's own limit, not the proxy's";

/** YAML allows tab, line feed and carriage return among the C0 controls; binary files trip on the rest. */
const forbiddenCharacter = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/;

export function checkRawText(text: string): TextProblem | undefined {
  if (text.length > MAX_POLICY_CHARS) {
    return {
      offset: 0,
      message: `file is ${text.length.toLocaleString("en-US")} characters, more than the ${MAX_POLICY_CHARS.toLocaleString("en-US")} a policy may have (${OWN_LIMIT_NOTE}); is this the right file?`,
      ownLimit: true,
    };
  }
  const bad = forbiddenCharacter.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return { offset: bad.index, message: `not a YAML text file: control character U+${code} is not allowed` };
  }
  const nesting = findDeepNesting(text);
  if (nesting !== undefined) {
    return {
      offset: nesting,
      message: `brackets or list markers nest more than ${MAX_RAW_NESTING} levels deep (${OWN_LIMIT_NOTE}: the proxy reads up to 10,000); a policy needs fewer than 10`,
      ownLimit: true,
    };
  }
  return undefined;
}

/**
 * Offset where flow brackets plus compact `- ` markers first exceed the
 * raw nesting limit, skipping quoted text and comments. Block indentation
 * is not counted: the size cap bounds it and the parser handles it.
 */
function findDeepNesting(text: string): number | undefined {
  let flow = 0;
  let markers = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      lineStart = true;
      markers = 0;
      continue;
    }
    if (lineStart && (c === "-" || c === "?") && (text[i + 1] === " " || text[i + 1] === "\n")) {
      markers++;
    } else if (c !== " " && c !== "\t") {
      lineStart = false;
    }
    if (c === "[" || c === "{") flow++;
    else if ((c === "]" || c === "}") && flow > 0) flow--;
    else if ((c === '"' || c === "'") && startsToken(text, i)) i = skipQuoted(text, i);
    else if (c === "#" && (i === 0 || text[i - 1] === " " || text[i - 1] === "\t" || text[i - 1] === "\n")) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end - 1;
    }
    if (flow + markers > MAX_RAW_NESTING) return i;
  }
  return undefined;
}

/** A quote opens a quoted scalar only where a token can start (`don't` is plain text). */
function startsToken(text: string, i: number): boolean {
  const before = i === 0 ? "\n" : text[i - 1];
  return before === " " || before === "\t" || before === "\n" || before === "[" || before === "{" || before === ",";
}

function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}
