/**
 * The proxy is written in Go, so a `regex` condition must compile as RE2:
 * no lookaround, no backreferences. This checks that, and translates the
 * pattern to an equivalent JavaScript RegExp (with the `u` flag) so calls
 * can be simulated in the browser.
 */

export type Re2Result =
  | { ok: true; regex: RegExp }
  /** `rejected`: the proxy would refuse the pattern; otherwise it is valid RE2 this simulator cannot run. */
  | { ok: false; rejected: boolean; message: string };

const posixClasses: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** Go's `\s` is ASCII whitespace only; JavaScript's also matches Unicode spaces. */
const goSpace = "\\t\\n\\f\\r ";
const jsSyntax = new Set([..."^$\\.*+?()[]{}|/"]);
const generalCategory = /^(?:[LMNPSZC][a-z]?|Any)$/;

class Untranslatable extends Error {}
class Rejected extends Error {}

export function compileRe2(pattern: string): Re2Result {
  try {
    const { source, flags } = translate(pattern);
    try {
      return { ok: true, regex: new RegExp(source, `${flags}u`) };
    } catch (error) {
      const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
      return { ok: false, rejected: true, message: `invalid regex ${JSON.stringify(pattern)}: ${reason}` };
    }
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, rejected: true, message: `invalid regex ${JSON.stringify(pattern)}: ${error.message}` };
    if (error instanceof Untranslatable) {
      return { ok: false, rejected: false, message: `regex ${JSON.stringify(pattern)} is valid for the proxy, but this simulator cannot evaluate it: ${error.message}` };
    }
    throw error;
  }
}

function translate(pattern: string): { source: string; flags: string } {
  let i = 0;
  let flags = "";
  const leading = /^\(\?([imsU]*)(?:-[imsU]*)?\)/.exec(pattern);
  if (leading) {
    const set = leading[1] ?? "";
    if (set.includes("U")) throw new Untranslatable("the ungreedy flag (?U) has no JavaScript equivalent");
    flags = [...new Set(set)].join("");
    i = leading[0].length;
  }
  const dotAll = flags.includes("s");
  let out = "";
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      const escape = readEscape(pattern, i, false);
      out += escape.text;
      i = escape.next;
    } else if (c === "[") {
      const cls = readClass(pattern, i);
      out += cls.text;
      i = cls.next;
    } else if (c === "(") {
      const group = readGroupOpening(pattern, i);
      out += group.text;
      i = group.next;
    } else if (c === ".") {
      out += dotAll ? "[\\s\\S]" : "[^\\n]";
      i++;
    } else if (c === "{") {
      const repeat = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat) {
        const min = Number(repeat[1]);
        const max = repeat[3] ? Number(repeat[3]) : min;
        if (min > 1000 || max > 1000 || (repeat[3] && max < min)) throw new Rejected(`invalid repeat count: \`${repeat[0]}\``);
        out += repeat[0];
        i += repeat[0].length;
      } else {
        out += "\\{";
        i++;
      }
    } else if (c === "}" || c === "]" || c === "/") {
      out += `\\${c}`;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return { source: out, flags: flags.replace("U", "") };
}

function readGroupOpening(pattern: string, i: number): { text: string; next: number } {
  if (pattern[i + 1] !== "?") return { text: "(", next: i + 1 };
  const rest = pattern.slice(i + 2);
  if (rest.startsWith("=") || rest.startsWith("!")) throw new Rejected("lookahead `(?" + rest[0] + "` is not supported by RE2 (Go)");
  if (rest.startsWith("<=") || rest.startsWith("<!")) throw new Rejected("lookbehind `(?" + rest.slice(0, 2) + "` is not supported by RE2 (Go)");
  if (rest.startsWith(":")) return { text: "(?:", next: i + 3 };
  const named = /^P?<([A-Za-z0-9_]+)>/.exec(rest);
  if (named) return { text: `(?<${named[1]}>`, next: i + 2 + named[0].length };
  if (/^[imsU]*(?:-[imsU]*)?[:)]/.test(rest)) throw new Untranslatable("flags are only supported at the very start of the pattern");
  throw new Rejected(`invalid or unsupported Perl syntax: \`(?${rest.slice(0, 1)}\``);
}

function readEscape(pattern: string, i: number, inClass: boolean): { text: string; next: number } {
  const c = pattern[i + 1];
  if (c === undefined) throw new Rejected("trailing backslash at end of expression");
  const next = i + 2;
  if (/[1-9]/.test(c)) throw new Rejected(`backreferences such as \`\\${c}\` are not supported by RE2 (Go)`);
  if (c === "0") {
    const octal = /^[0-7]{0,2}/.exec(pattern.slice(next))?.[0] ?? "";
    return { text: codePoint(parseInt(`0${octal}`, 8)), next: next + octal.length };
  }
  switch (c) {
    case "d": case "D": case "w": case "W":
      return { text: `\\${c}`, next };
    case "s":
      return { text: inClass ? goSpace : `[${goSpace}]`, next };
    case "S":
      if (inClass) throw new Untranslatable("`\\S` inside a character class");
      return { text: `[^${goSpace}]`, next };
    case "b": case "B":
      if (inClass) throw new Rejected(`invalid escape sequence: \`\\${c}\``);
      return { text: `\\${c}`, next };
    case "A":
      return { text: "(?<![\\s\\S])", next };
    case "z":
      return { text: "(?![\\s\\S])", next };
    case "a":
      return { text: "\\x07", next };
    case "f": case "n": case "r": case "t": case "v":
      return { text: `\\${c}`, next };
    case "x": {
      const braced = /^\{([0-9A-Fa-f]{1,8})\}/.exec(pattern.slice(next));
      if (braced) return { text: codePoint(parseInt(braced[1]!, 16)), next: next + braced[0].length };
      const two = /^[0-9A-Fa-f]{2}/.exec(pattern.slice(next));
      if (two) return { text: codePoint(parseInt(two[0], 16)), next: next + 2 };
      throw new Rejected("invalid escape sequence: `\\x`");
    }
    case "p": case "P": {
      const braced = /^\{(\^?)([A-Za-z_]+)\}/.exec(pattern.slice(next));
      const single = /^[A-Za-z]/.exec(pattern.slice(next));
      const name = braced ? braced[2]! : single?.[0];
      if (!name) throw new Rejected(`invalid character class range: \`\\${c}\``);
      const negated = (c === "P") !== Boolean(braced?.[1]);
      const property = generalCategory.test(name) ? (name === "Any" ? "Any" : name) : `Script=${name}`;
      return { text: `\\${negated ? "P" : "p"}{${property}}`, next: next + (braced ? braced[0].length : 1) };
    }
    case "Q": {
      const end = pattern.indexOf("\\E", next);
      const literal = end === -1 ? pattern.slice(next) : pattern.slice(next, end);
      return { text: [...literal].map((ch) => literalChar(ch, inClass)).join(""), next: end === -1 ? pattern.length : end + 2 };
    }
    case "C":
      throw new Untranslatable("`\\C` matches single bytes");
  }
  if (/[A-Za-z0-9]/.test(c)) throw new Rejected(`invalid escape sequence: \`\\${c}\``);
  return { text: literalChar(c, inClass), next };
}

function readClass(pattern: string, start: number): { text: string; next: number } {
  let i = start + 1;
  let out = "[";
  if (pattern[i] === "^") {
    out += "^";
    i++;
  }
  let first = true;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "]" && !first) return { text: `${out}]`, next: i + 1 };
    first = false;
    if (c === "[" && pattern[i + 1] === ":") {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
      if (posix) {
        const ranges = posixClasses[posix[2]!];
        if (!ranges) throw new Rejected(`invalid character class range: \`${posix[0]}\``);
        if (posix[1]) throw new Untranslatable(`negated POSIX class \`${posix[0]}\` inside a character class`);
        out += ranges;
        i += posix[0].length;
        continue;
      }
    }
    if (c === "\\") {
      const escape = readEscape(pattern, i, true);
      out += escape.text;
      i = escape.next;
      continue;
    }
    out += c === "-" ? "-" : literalChar(c, true);
    i++;
  }
  throw new Rejected("missing closing ]");
}

function literalChar(c: string, inClass: boolean): string {
  if (inClass) return c === "]" || c === "\\" || c === "^" || c === "-" || c === "[" ? `\\${c}` : c;
  return jsSyntax.has(c) ? `\\${c}` : c;
}

function codePoint(value: number): string {
  return `\\u{${value.toString(16)}}`;
}
