/**
 * Reads why a server would not start with an empty environment: the
 * variables its stderr names and the arguments its usage line asks for.
 * Pure; the patterns are the ones servers print in practice.
 */

/** What a failed launch says it needs. */
export type LaunchNeeds = {
  /** Environment variable names, in the order first mentioned. */
  variables: string[];
  /** Names of required positional arguments from a usage line, in order. */
  args: string[];
};

const name = String.raw`[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*`;

/**
 * Patterns that name a variable. Strong ones say "environment variable"
 * or `process.env`; weak ones ("X is required", "Missing X", "set X") could
 * name anything in capitals, so they only count names with an underscore.
 */
const patterns: { regex: RegExp; strong: boolean }[] = [
  { regex: new RegExp(String.raw`process\.env\.(${name})`, "g"), strong: true },
  { regex: new RegExp(String.raw`\b(${name}) (?:environment|env) var(?:iable)?`, "g"), strong: true },
  // "environment variables: A, B and C" names a list.
  { regex: new RegExp(String.raw`\b(?:[Ee]nvironment|[Ee]nv) var(?:iable)?s?\b[^A-Z\n]{0,30}((?:${name})(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:${name}))*)`, "g"), strong: true },
  { regex: new RegExp(String.raw`\b(${name})\s+(?:(?:is|are|was)\s+(?:required|missing|not set|not defined|undefined|empty)|must be (?:set|provided|defined))`, "g"), strong: false },
  { regex: new RegExp(String.raw`\b(?:Missing|missing|MISSING)\b[^A-Z\n]{0,30}(${name})`, "g"), strong: false },
  { regex: new RegExp(String.raw`\b(?:[Ss]et|[Pp]rovide|[Dd]efine|[Ee]xport)\s+(?:the\s+|your\s+|a\s+)?(${name})\b`, "g"), strong: false },
];

/** Names that are never a server's own setting: Node's error codes and what the crawler sets itself. */
function isCandidate(candidate: string, strong: boolean, ignore: ReadonlySet<string>): boolean {
  if (candidate.length < 3 || ignore.has(candidate) || candidate.startsWith("ERR_")) return false;
  return strong || candidate.includes("_");
}

/** The variables and required arguments a failed launch's stderr asks for. */
export function readLaunchNeeds(stderr: string, ignore: ReadonlySet<string> = new Set()): LaunchNeeds {
  const found: { at: number; name: string }[] = [];
  for (const { regex, strong } of patterns) {
    for (const match of stderr.matchAll(regex)) {
      const at = match.index ?? 0;
      for (const candidate of (match[1] ?? "").split(/\s*,\s*|\s+and\s+|\s+or\s+/)) {
        if (isCandidate(candidate, strong, ignore)) found.push({ at, name: candidate });
      }
    }
  }
  const variables = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.name))];
  return { variables, args: usageArguments(stderr) };
}

/**
 * The positional arguments a usage line requires: every `<name>`, or, when
 * the line shows only optional `[name]` ones, the first of those (a server
 * that printed its usage and stopped needs at least that one).
 */
function usageArguments(stderr: string): string[] {
  const line = stderr.split(/\r?\n/).find((l) => /\busage:/i.test(l));
  if (!line) return [];
  const after = line.slice(line.search(/usage:/i) + "usage:".length).trim().split(/\s+/).slice(1).join(" ");
  const required = [...after.matchAll(/<([^<>]+)>/g)].map((m) => m[1]!.trim()).filter((a) => !a.startsWith("-"));
  if (required.length > 0) return required;
  const optional = [...after.matchAll(/\[([^\[\]]+)\]/g)].map((m) => m[1]!.replace(/\.\.\.$/, "").trim()).filter((a) => !a.startsWith("-") && !/^options?$/i.test(a));
  return optional.slice(0, 1);
}

/**
 * A harmless value for a variable or argument, from its name: an address
 * nothing listens on for URLs and hosts, the crawl's sandbox for paths and
 * folders, a file inside it for files, and `placeholder` for the rest.
 */
export function placeholderFor(variableOrArgument: string): string {
  const words = variableOrArgument.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const last = words.at(-1) ?? "";
  if (words.some((w) => ["URL", "URI", "HOST", "ENDPOINT"].includes(w)) && !words.includes("PATH")) return "http://127.0.0.1:9";
  if (["FILE", "FILENAME"].includes(last) || (words.includes("FILE") && last === "PATH")) return `\${CATALOG_SANDBOX}/${variableOrArgument.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
  if (words.some((w) => ["PATH", "DIR", "DIRECTORY", "DIRECTORIES", "FOLDER", "ROOT", "WORKSPACE"].includes(w))) return "${CATALOG_SANDBOX}";
  return "placeholder";
}
