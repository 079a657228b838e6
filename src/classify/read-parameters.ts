/**
 * Reads what the parameters say a call can do: code, commands and queries
 * to run, recipients, amounts, file paths, scale switches, lists of ids, and
 * an action parameter whose most consequential value decides.
 */
import { capText, quote, words as textWords } from "./bounded-text.ts";
import { categoryOrder, dataCodeWords, filterWords, httpMethodRules, parameterRules, runWords, type DomainName, type ParameterKind, type ParameterRule, type Trait } from "./rules.ts";
import { findNameVerb, objectKinds, readVerb } from "./read-words.ts";
import { splitName } from "./split-name.ts";
import type { PropertyInfo } from "./read-schema.ts";
import type { Category } from "./verdict-schema.ts";

export interface ParameterFinding {
  kind: ParameterKind;
  /** The parameter's name, quoted. */
  name: string;
  rule: ParameterRule;
  property: PropertyInfo;
}

export interface ActionChoice {
  parameter: string;
  value: string;
  category: Category;
  /** Facts the values of that category bring (`restart` affects a service, `close` of a tab stays in the session). */
  traits: Set<Trait>;
  /** A sub command or operation choice dispatches whatever the name's verb; an `action` or `method` only for a dispatcher's name. */
  alwaysDispatches: boolean;
}

export interface ParameterReading {
  findings: ParameterFinding[];
  /** The most consequential value of an action/operation/method parameter. */
  action?: ActionChoice;
  /** Array-typed parameters (lists of ids or items). */
  arrays: PropertyInfo[];
  /** A status or action value that deletes (`status: "deleted"`), outside filters. */
  deletingValue?: { parameter: string; value: string };
}

const ruleIndex = new Map<string, ParameterRule>();
for (const rule of parameterRules) for (const name of rule.names) if (!ruleIndex.has(name)) ruleIndex.set(name, rule);
const ruleOfKind = (kind: ParameterKind) => parameterRules.find((rule) => rule.kind === kind)!;
const deletingSwitch = ruleOfKind("deleting-switch");
const overwriteSwitch = ruleOfKind("overwrite-switch");
const savePath = ruleOfKind("save-path");
const apiPath = ruleOfKind("api-path");
/** Words of a path parameter's description that say the result is written there. */
const savingWords: ReadonlySet<string> = new Set(["save", "saved", "saves", "saving", "write", "written", "writes", "store", "stored", "download", "downloaded"]);

/** Verbs in a switch's description that say turning it on removes data ("If true, immediately remove resources"). */
const switchRemovalWords: ReadonlySet<string> = new Set(["remove", "removes", "delete", "deletes", "drop", "drops", "purge", "purges", "wipe", "wipes", "erase", "erases", "truncate", "truncates"]);

/** A preference that acts later ("remove the source branch after merge", "delete by default") is no removal by this call. */
const laterWords: ReadonlySet<string> = new Set(["after", "default", "automatically", "merge", "merged", "merging", "when", "once", "future", "later"]);

function describesRemoval(description: string | undefined): boolean {
  const tokens = textWords(capText(description ?? "", 200));
  if (tokens.some((w) => laterWords.has(w))) return false;
  return tokens.some((w, i) => switchRemovalWords.has(w) && !tokens.slice(Math.max(0, i - 4), i).some((t) => t === "not" || t === "never" || t === "without" || t === "dont"));
}

/**
 * Words in a force switch's description that say forcing replaces or loses
 * what is there ("overwrites remote history", "bypassing safety checks").
 * "Allow adding otherwise ignored files" or "re-authenticate even if
 * connected" force something else, and replace nothing.
 */
const forceReplacingWords: ReadonlySet<string> = new Set(["overwrite", "overwrites", "overwriting", "overwritten", "replace", "replaces", "replacing", "existing", "discard", "discards", "discarding", "lose", "losing", "lost", "uncommitted", "unsaved", "exists", "exist", "bypass", "bypasses", "bypassing", "safety", "safeguard", "safeguards", "history", "permanently", "conflicts"]);

/** A force switch whose description says what it forces, and that is not replacing anything. */
function forcesSomethingElse(description: string | undefined): boolean {
  const tokens = textWords(capText(description ?? "", 200));
  return tokens.length >= 3 && !tokens.some((w) => forceReplacingWords.has(w) || switchRemovalWords.has(w));
}

const readingModeWords: ReadonlySet<string> = new Set(["list", "show", "get", "read", "view", "search", "status", "log"]);

/** "For list mode: ...", "Only for show": the parameter applies to a mode that only reads. */
function scopedToReadingMode(description: string | undefined): boolean {
  const match = /^\s*(?:for|only for|used for|used in|in|only in)\s+(?:the\s+)?['"`]?([a-z-]+)['"`]?\s+(?:mode|operation|action)\b/i.exec(capText(description ?? "", 200));
  return match?.[1] !== undefined && readingModeWords.has(match[1].toLowerCase());
}

/** A switch's name holds one of these names as a word or a run of words (`dropTarget`, `replaceAll`). */
function switchNamed(parts: readonly string[], rule: ParameterRule): boolean {
  const joined = ` ${parts.join(" ")} `;
  return rule.names.some((n) => joined.includes(` ${n} `));
}

/** Kinds whose parameter holds something to run: a name alone is weak evidence of that. */
const runnableKinds: ReadonlySet<ParameterKind> = new Set(["code", "command", "sql"]);

/**
 * Whether a parameter named like code, a command or SQL holds something to
 * run: not a number or a choice, and not a code of a country, currency,
 * language or verification (`country_code`, `code` "the OAuth authorization code").
 */
function holdsRunnable(property: PropertyInfo, byLastWordOnly: boolean): boolean {
  if (property.type !== undefined && property.type !== "string" && property.type !== "array" && property.type !== "object") return false;
  if (property.enumValues.length > 0 || property.shortValue === true) return false;
  const nameWords = splitName(property.name);
  if (nameWords.some((w) => dataCodeWords.has(w))) return false;
  const description = textWords(capText(property.description ?? "", 400));
  const saysRun = description.some((w) => runWords.has(w) && w !== "code");
  if (!saysRun && description.some((w) => dataCodeWords.has(w))) return false;
  // `source_code` or `shell_command` say it by name; `promo_code` or `exit_command` need the description to.
  return !byLastWordOnly || saysRun;
}

function ruleFor(property: PropertyInfo): ParameterRule | undefined {
  const parts = splitName(property.name);
  const joined = parts.join(" ");
  const last = parts[parts.length - 1];
  const exact = ruleIndex.get(joined);
  const rule = exact ?? (parts.length > 1 && last !== undefined ? ruleIndex.get(last) : undefined);
  if (rule && runnableKinds.has(rule.kind) && !holdsRunnable(property, exact === undefined)) return undefined;
  // `If-Match` or `matchCase` name no filter: only a parameter named as one picks items by a filter.
  if (rule?.kind === "filter" && exact === undefined) return undefined;
  // `assignedTo` or `reply_to` is no recipient: only a parameter named as one (to, cc, recipients) sends.
  if ((rule?.kind === "recipient" || rule?.kind === "attendee-notice") && exact === undefined) return undefined;
  if (property.type === "boolean") {
    if (rule?.kind === "marking-switch" && exact !== undefined) return rule;
    // A switch turns something on; it is never the content, page, path or code a call acts on
    // ("fullPage" pages nothing, "deleteLocalData" is no content).
    // "force: If true, immediately remove resources": a force that removes is a deleting switch.
    // "For list mode: show both local and remote branches": a switch of a reading mode scales what is shown.
    if (rule?.kind === "scale-switch" && scopedToReadingMode(property.description)) return undefined;
    if (rule?.kind === "scale-switch" && parts.length === 1 && parts[0] === "force" && forcesSomethingElse(property.description)) return undefined;
    if (rule?.kind === "scale-switch" && !(parts.includes("force") && describesRemoval(property.description))) return rule;
    if (switchNamed(parts, deletingSwitch) || describesRemoval(property.description)) return deletingSwitch;
    return switchNamed(parts, overwriteSwitch) ? overwriteSwitch : undefined;
  }
  // "File name to save the result to": the call also writes a file that outlives it.
  const pathLike = rule === undefined || rule.kind === "path" || rule.kind === "save-path";
  if (pathLike && (rule !== undefined || parts.includes("output") || parts.includes("save"))) {
    const saves = textWords(capText(property.description ?? "", 300)).some((w) => savingWords.has(w));
    if (saves && property.enumValues.length === 0 && (property.type === undefined || property.type === "string")) return savePath;
    if (rule?.kind === "save-path") return undefined;
  }
  // "The Bitbucket API endpoint path (without base URL)": any operation of the API is reachable.
  if ((rule?.kind === "path" || rule?.kind === "url") && property.enumValues.length === 0) {
    const words = textWords(capText(property.description ?? "", 200));
    if (words.includes("api") && (words.includes("endpoint") || words.includes("path"))) return apiPath;
  }
  if (!rule || rule.kind === "deleting-switch" || rule.kind === "overwrite-switch") return undefined;
  // A kind is open only when it is a free string: an enum of kinds bounds what the call reaches.
  if (rule.kind === "resource-kind" && (exact === undefined || property.enumValues.length > 0 || (property.type !== undefined && property.type !== "string"))) return undefined;
  // A switch is a boolean; an action needs values to choose from.
  if (rule.kind === "scale-switch" && property.type !== undefined) return undefined;
  if (rule.kind === "action" && property.enumValues.length === 0) return undefined;
  // "Filter by to-do action": the values pick what to list, the call does none of them.
  if (rule.kind === "action" && textWords(capText(property.description ?? "", 300)).some((w) => filterWords.has(w))) return undefined;
  return rule;
}

/** The category a value of an action parameter stands for ("delete", "refund_payment", "DELETE"). */
function valueReading(value: string, nameObjects: readonly string[], domains: ReadonlySet<DomainName>): { category: Category; traits: Set<Trait> } | undefined {
  const lower = value.toLowerCase();
  const http = httpMethodRules.find((m) => m.method === lower);
  if (http) return { category: http.category, traits: new Set() };
  const valueWords = splitName(value);
  const verb = findNameVerb(valueWords);
  if (!verb) return undefined;
  const objects = [...valueWords.filter((_, i) => i < verb.index || i >= verb.index + verb.length), ...nameObjects];
  const reading = readVerb(verb.rule, objectKinds(objects, domains), [], domains);
  return { category: reading.category, traits: reading.traits };
}

/**
 * Objects that hold code as text to show or keep (a code block, a snippet, a
 * gist), or a tool whose object is a data code (`create_discount_code` with
 * `code`): the parameter is the block's text or the code's value, not run.
 */
function namesStoredCode(nameObjects: readonly string[]): boolean {
  return nameObjects.some(
    (w, i) => (w === "code" && nameObjects[i + 1] === "block") || w === "snippet" || w === "snippets" || w === "gist" || w === "gists" || (nameObjects[i + 1] === "code" && dataCodeWords.has(w)),
  );
}

const alwaysDispatching: ReadonlySet<string> = new Set(["subcommand", "sub command", "operation", "op"]);

export function readParameters(
  properties: readonly PropertyInfo[],
  nameObjects: readonly string[],
  domains: ReadonlySet<DomainName>,
): ParameterReading {
  const reading: ParameterReading = { findings: [], arrays: [] };
  for (const property of properties) {
    if (property.isArray) reading.arrays.push(property);
    const deleting = deletingValueOf(property);
    if (deleting !== undefined && reading.deletingValue === undefined) reading.deletingValue = { parameter: quote(property.name, 40), value: quote(deleting, 40) };
    const rule = ruleFor(property);
    if (!rule) continue;
    // `create_code_block` with `code`: the code is the block's text, shown on a board, not run.
    if (rule.kind === "code" && namesStoredCode(nameObjects)) continue;
    reading.findings.push({ kind: rule.kind, name: quote(property.name, 40), rule, property });
    if (rule.kind !== "action") continue;
    const alwaysDispatches = alwaysDispatching.has(splitName(property.name).join(" "));
    for (const value of property.enumValues) {
      const read = valueReading(value, nameObjects, domains);
      if (read === undefined) continue;
      const best = reading.action;
      if (!best || categoryOrder.indexOf(read.category) > categoryOrder.indexOf(best.category)) {
        reading.action = { parameter: quote(property.name, 40), value: quote(value, 40), category: read.category, traits: new Set(read.traits), alwaysDispatches };
      } else if (read.category === best.category) {
        for (const trait of read.traits) best.traits.add(trait);
      }
    }
  }
  return reading;
}

/** Names of a parameter whose values set what happens to the item. */
const stateNames: ReadonlySet<string> = new Set(["status", "state", "action", "operation", "op", "mode", "lifecycle"]);
/** Trash is left out: a trashed item can be restored, and removal is Destructive only when the data is gone afterwards. */
const deletingValues: ReadonlySet<string> = new Set(["delete", "deleted", "remove", "removed", "purge", "purged", "destroy", "destroyed"]);

/** The value of a status or action choice that deletes the item, unless the choice filters what is read. */
function deletingValueOf(property: PropertyInfo): string | undefined {
  if (property.enumValues.length === 0 || !stateNames.has(splitName(property.name).join(" "))) return undefined;
  if (textWords(capText(property.description ?? "", 300)).some((w) => filterWords.has(w))) return undefined;
  return property.enumValues.find((v) => deletingValues.has(v.toLowerCase()));
}

/** Whether a `query` parameter takes a query language (SQL, Cypher) rather than search words. */
export function isQueryLanguage(
  property: PropertyInfo,
  toolSaysQueryLanguage: boolean,
  nameWords: readonly string[],
  domains: ReadonlySet<DomainName>,
): boolean {
  if (toolSaysQueryLanguage) return true;
  if (domains.has("database") && (nameWords.includes("query") || nameWords.includes("sql"))) return true;
  const description = textWords(capText(property.description ?? "", 500));
  return description.includes("sql") || description.includes("cypher") || description.includes("select");
}
