/**
 * Tokens of one line of a policy, for the editor's highlighting: Intercept
 * YAML or Cedar. Pure and per line, so the editor colours only the lines in
 * view whatever the file's size. Per line means approximate inside YAML
 * block scalars (`|`, `>`) and multi-line strings: their lines are coloured
 * as if they stood alone. That only changes colours, never the text, and the
 * engine, not this, decides what is valid.
 */
export type TokenKind = "key" | "string" | "number" | "keyword" | "comment" | "punctuation" | "entity" | "text";
export type PolicyLanguage = "intercept" | "cedar";

export interface Token {
  kind: TokenKind;
  /** Offsets into the line, end exclusive; the tokens cover the line exactly, in order. */
  start: number;
  end: number;
}

/** Past this many characters the rest of a line is one plain token: a 1 MB line costs what 2,000 characters do. */
export const HIGHLIGHTED_CHARACTERS = 2_000;

const yamlScalars = /^(?:true|false|null|~|yes|no|on|off)$/i;
const numberPattern = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const cedarKeywords = new Set(["permit", "forbid", "when", "unless", "principal", "action", "resource", "context", "in", "like", "has", "is", "if", "then", "else", "true", "false"]);

export function lineTokens(line: string, language: PolicyLanguage): Token[] {
  const limit = Math.min(line.length, HIGHLIGHTED_CHARACTERS);
  const tokens = language === "cedar" ? cedarTokens(line, limit) : yamlTokens(line, limit);
  if (limit < line.length) tokens.push({ kind: "text", start: limit, end: line.length });
  return merged(tokens, line.length);
}

/** Fills the gaps between tokens with text and joins neighbours of one kind, so the tokens cover the line once. */
function merged(tokens: Token[], length: number): Token[] {
  const out: Token[] = [];
  let at = 0;
  const push = (token: Token) => {
    if (token.end <= token.start) return;
    const last = out.at(-1);
    if (last && last.kind === token.kind && last.end === token.start) last.end = token.end;
    else out.push({ ...token });
  };
  for (const token of tokens) {
    if (token.start > at) push({ kind: "text", start: at, end: token.start });
    push(token);
    at = token.end;
  }
  if (at < length) push({ kind: "text", start: at, end: length });
  return out;
}

/** The end of a quoted string that opens at `start`, or `limit` when it does not close on this line. */
function quotedEnd(line: string, start: number, limit: number): number {
  const quote = line[start];
  for (let i = start + 1; i < limit; i++) {
    if (quote === '"' && line[i] === "\\") i++;
    else if (line[i] === quote) {
      // YAML's single quotes escape themselves by doubling.
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return limit;
}

function yamlTokens(line: string, limit: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const skipSpaces = () => {
    while (i < limit && (line[i] === " " || line[i] === "\t")) i++;
  };
  skipSpaces();
  // List dashes, any number of them ("- - a").
  while (i < limit && line[i] === "-" && (i + 1 >= line.length || line[i + 1] === " ")) {
    tokens.push({ kind: "punctuation", start: i, end: i + 1 });
    i++;
    skipSpaces();
  }
  // A key: plain or quoted text up to ": " or ":" at the end.
  const keyEnd = yamlKeyEnd(line, i, limit);
  if (keyEnd !== undefined) {
    tokens.push({ kind: "key", start: i, end: keyEnd });
    tokens.push({ kind: "punctuation", start: keyEnd, end: keyEnd + 1 });
    i = keyEnd + 1;
  }
  // The value, and a comment after it.
  while (i < limit) {
    skipSpaces();
    if (i >= limit) break;
    const c = line[i]!;
    if (c === "#") {
      tokens.push({ kind: "comment", start: i, end: limit });
      break;
    }
    if (c === '"' || c === "'") {
      const end = quotedEnd(line, i, limit);
      tokens.push({ kind: "string", start: i, end });
      i = end;
      continue;
    }
    if ("[]{},".includes(c)) {
      tokens.push({ kind: "punctuation", start: i, end: i + 1 });
      i++;
      continue;
    }
    // A plain word runs to a space before "#", or a flow character.
    let end = i;
    while (end < limit && !(line[end] === " " && line[end + 1] === "#") && !"[]{},".includes(line[end]!)) end++;
    const word = line.slice(i, end).trimEnd();
    const kind: TokenKind = numberPattern.test(word) ? "number" : yamlScalars.test(word) ? "keyword" : "string";
    tokens.push({ kind, start: i, end: i + word.length });
    i = end;
  }
  return tokens;
}

/** Where a mapping key starting at `start` ends (the colon's offset), if the line has one there. */
function yamlKeyEnd(line: string, start: number, limit: number): number | undefined {
  if (start >= limit || line[start] === "#") return undefined;
  if (line[start] === '"' || line[start] === "'") {
    const end = quotedEnd(line, start, limit);
    return line[end] === ":" && (end + 1 >= line.length || line[end + 1] === " ") ? end : undefined;
  }
  for (let i = start; i < limit; i++) {
    const c = line[i];
    if (c === "#" && line[i - 1] === " ") return undefined;
    if (c === ":" && (i + 1 >= line.length || line[i + 1] === " " || line[i + 1] === "\t")) return i;
  }
  return undefined;
}

function cedarTokens(line: string, limit: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < limit) {
    const c = line[i]!;
    if (c === "/" && line[i + 1] === "/") {
      tokens.push({ kind: "comment", start: i, end: limit });
      break;
    }
    if (c === '"') {
      const end = quotedEnd(line, i, limit);
      tokens.push({ kind: "string", start: i, end });
      i = end;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let end = i + 1;
      while (end < limit && /[A-Za-z0-9_]/.test(line[end]!)) end++;
      // An entity type runs on through `::` (Action::"call_tool" colours the type, then the string).
      while (end + 2 < limit && line[end] === ":" && line[end + 1] === ":" && /[A-Za-z_]/.test(line[end + 2]!)) {
        end += 3;
        while (end < limit && /[A-Za-z0-9_]/.test(line[end]!)) end++;
      }
      const word = line.slice(i, end);
      const entity = line[end] === ":" && line[end + 1] === ":";
      tokens.push({ kind: entity ? "entity" : cedarKeywords.has(word) ? "keyword" : "text", start: i, end: entity ? end + 2 : end });
      i = entity ? end + 2 : end;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let end = i + 1;
      while (end < limit && /[0-9]/.test(line[end]!)) end++;
      tokens.push({ kind: "number", start: i, end });
      i = end;
      continue;
    }
    if ("(){}[];,.=!<>&|+-*".includes(c)) tokens.push({ kind: "punctuation", start: i, end: i + 1 });
    i++;
  }
  return tokens;
}
