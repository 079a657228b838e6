/** Characters outside printable ASCII as `\u{…}`: a tool name can neither break the file nor hide what it says (bidi, invisible characters). */
function escapeUnprintable(text: string, escapeQuotes: boolean): string {
  let out = "";
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (escapeQuotes && (character === '"' || character === "\\")) out += `\\${character}`;
    else if (code >= 0x20 && code < 0x7f) out += character;
    else out += `\\u{${code.toString(16)}}`;
  }
  return out;
}

/** A Cedar string literal; pure ASCII, so it is also safe inside a YAML double-quoted scalar. */
export function cedarString(text: string): string {
  return `"${escapeUnprintable(text, true)}"`;
}

/** One ASCII line for a `//` or `#` comment, whatever a tool's name holds. */
export function cedarComment(text: string): string {
  return escapeUnprintable(text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[ \t]+/g, " ").trim(), false);
}
