import { capText } from "./bounded-text.ts";
import { namespacePrefixes } from "./rules.ts";

const MAX_NAME_SCAN = 200;
const MAX_WORDS = 24;

/**
 * A tool name split into lower-case words whatever its style:
 * `CreateCodeConnection`, `create_code_connection`, `create-code-connection`,
 * `repo.create`, `getHTTPResponse`, `browser_take_screenshot`.
 */
const hasUpperCase = /\p{Lu}/u;

export function splitName(name: string): string[] {
  const cut = capText(name, MAX_NAME_SCAN);
  // snake_case and kebab-case names (most of them) need no case splitting.
  if (!hasUpperCase.test(cut)) return (cut.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  const spaced = cut
    // iOS, iCloud, eBay: one lower-case letter at a word's start is part of a brand, not a word ("os" would say a shell).
    .replace(/(^|[^\p{L}\p{N}])(\p{Ll})(\p{Lu}+)(\p{Ll}*)/gu, (_m, before: string, first: string, upper: string, tail: string) =>
      // iOSBuild: the last capital starts the next word.
      tail !== "" && upper.length > 1 ? `${before}${first}${upper.slice(0, -1).toLowerCase()} ${upper.slice(-1)}${tail}` : `${before}${first}${upper.toLowerCase()}${tail}`,
    )
    // getHTTPResponse -> get HTTP Response; s3Upload -> s3 Upload
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2");
  return (spaced.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/** A version or a number at the front of an operation id (`Api2024`, `v2`, `2024`) names no action. */
const versionWord = /^(?:v?\d+(?:\.\d+)*|\d+v)$/;

/**
 * The words that carry meaning: the part after a `server__` namespace or an
 * operation id's `Api2024--` prefix, and without leading `mcp_`-style
 * prefixes, version numbers or the server's own name.
 */
export function meaningfulNameWords(name: string, serverName?: string): { words: string[]; dropped: string[] } {
  const cut = capText(name, MAX_NAME_SCAN);
  const namespaceEnd = Math.max(cut.lastIndexOf("__"), cut.lastIndexOf("--"));
  const afterNamespace = namespaceEnd > 0 && namespaceEnd < cut.length - 2 ? cut.slice(namespaceEnd + 2) : cut;
  const dropped = namespaceEnd > 0 && afterNamespace !== cut ? splitName(cut.slice(0, namespaceEnd)) : [];
  const words = splitName(afterNamespace);
  // "HubSpot" splits into "hub spot", but its tools say `hubspot-get-link`.
  const serverWords = serverName ? [...splitName(serverName), splitName(serverName).join("")] : [];
  while (words.length > 1) {
    const first = words[0] as string;
    if (namespacePrefixes.includes(first) || versionWord.test(first) || (serverWords.length > 0 && serverWords.includes(first))) {
      dropped.push(first);
      words.shift();
    } else break;
  }
  return { words, dropped };
}
