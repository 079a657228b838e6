/**
 * Where an unclosed quote or bracket opens. The yaml package reports a
 * quote that is never closed at the end of the file, and an unclosed
 * `[` or `{` where the next block starts; the mistake is where it opens.
 * Read from the package's own lexer, so quotes inside plain text (`it's`)
 * and comments are never mistaken for openings. Run only after such an error.
 */
import { Lexer } from "yaml";

export interface Unclosed {
  offset: number;
  /** The character that opens it: `"`, `'`, `[` or `{`. */
  opener: string;
}

/** Lexer markers that stand for no source text. */
const markers = new Set(["\u0002", "\u0018", "\u001f"]);

export function findUnclosed(text: string): Unclosed[] {
  const found: Unclosed[] = [];
  const flows: Unclosed[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === "\u0018") {
      // The lexer left flow mode before the collection closed: the outermost opening is the mistake.
      if (flows[0]) found.push(flows[0]);
      flows.length = 0;
    }
    if (markers.has(token)) continue;
    const first = token[0];
    if ((first === '"' || first === "'") && !quoteClosed(token)) found.push({ offset, opener: first });
    else if (token === "[" || token === "{") flows.push({ offset, opener: token });
    else if (token === "]" || token === "}") closeFlow(flows, token === "]" ? "[" : "{", found);
    offset += token.length;
  }
  if (flows[0]) found.push(flows[0]);
  return found;
}

/** A `]` closes the nearest `[`; a `{` still open inside it was never closed. */
function closeFlow(flows: Unclosed[], opener: string, found: Unclosed[]): void {
  if (!flows.some((f) => f.opener === opener)) return;
  for (let open = flows.pop(); open && open.opener !== opener; open = flows.pop()) found.push(open);
}

function quoteClosed(token: string): boolean {
  const quote = token[0]!;
  if (token.length < 2 || !token.endsWith(quote)) return false;
  if (quote === "'") {
    // '' is an escaped quote: the closing one leaves an odd run at the end.
    let run = 0;
    for (let i = token.length - 1; i > 0 && token[i] === "'"; i--) run++;
    return run % 2 === 1;
  }
  let backslashes = 0;
  for (let i = token.length - 2; i > 0 && token[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 0;
}
