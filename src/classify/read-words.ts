/**
 * Looks words up in the rule tables: the verb of a run of words, and the
 * kinds of object the other words name.
 */
import { httpMethodRules, nominalEnds, nounCompounds, nounLikeVerbs, objectRules, verbRules, type DomainName, type ObjectKind, type Trait, type VerbRule } from "./rules.ts";
import type { Category } from "./verdict-schema.ts";

const verbIndex = new Map<string, VerbRule>();
for (const rule of verbRules) {
  for (const verb of rule.verbs) if (!verbIndex.has(verb)) verbIndex.set(verb, rule);
}

export interface VerbMatch {
  /** The verb as found ("top up", "deletes"). */
  word: string;
  rule: VerbRule;
  /** Position of its first word. */
  index: number;
  /** How many words it spans (1 or 2). */
  length: number;
}

/** Words whose final "s" is no inflection: "news" is not "new" (a create verb) with an "s". */
const uninflected: ReadonlySet<string> = new Set(["news", "series", "species"]);

/** Base forms to try for a word of running text: "creates" -> "create", "queries" -> "query", "managing" -> "manage". */
export function stems(word: string): string[] {
  const forms = [word];
  if (uninflected.has(word)) return forms;
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.endsWith("s")) forms.push(word.slice(0, -1));
  if (word.endsWith("ing") && word.length > 5) {
    const root = word.slice(0, -3);
    forms.push(root, `${root}e`);
    // "getting" -> "get", "running" -> "run"
    if (root.length > 2 && root.at(-1) === root.at(-2)) forms.push(root.slice(0, -1));
  }
  return forms;
}

const compoundIndex = new Set(nounCompounds.map((c) => c.words));

/** Positions of words that are the noun half of a known compound ("request" in "network request"). */
export function nounPositions(words: readonly string[]): Set<number> {
  const positions = new Set<number>();
  for (let i = 0; i < words.length - 1; i++) {
    if (compoundIndex.has(`${words[i]} ${words[i + 1]}`)) {
      positions.add(i);
      positions.add(i + 1);
    }
  }
  return positions;
}

/** The verb rule starting at `index`, two-word verbs first. */
export function verbAt(words: readonly string[], index: number, stemmed: boolean): VerbMatch | undefined {
  const word = words[index];
  if (word === undefined) return undefined;
  const next = words[index + 1];
  if (next !== undefined) {
    const pair = verbIndex.get(`${word} ${next}`);
    if (pair) return { word: `${word} ${next}`, rule: pair, index, length: 2 };
  }
  for (const form of stemmed ? stems(word) : [word]) {
    const rule = verbIndex.get(form);
    if (rule) return { word, rule, index, length: 1 };
  }
  return undefined;
}

/**
 * The verb of a name, read as its convention writes it: the action is the
 * first verb (`list_charges`, `crm_create_contact`, `DeleteWebhookSubscription`).
 * A word that is as often a noun (`monitor`, `report`, `build`, `run`, `list`)
 * yields to a plain verb after it (`monitor_create`, `report_delete`), and at
 * the end of a name it is a noun (`jobs_build`, `report-list`, `workflow_run`).
 * Words inside a noun compound are no verbs (`browser_network_request`). When
 * the title or description leads with a verb the name holds further on, that
 * one is the verb (`monitor_create` titled "Create monitor").
 */
export function findNameVerb(words: readonly string[], httpStyle = false, leadingVerbs: readonly string[] = []): VerbMatch | undefined {
  const nouns = nounPositions(words);
  for (let i = 1; i < words.length; i++) {
    if (nouns.has(i) || !leadingVerbs.includes(words[i] as string)) continue;
    const preferred = verbAt(words, i, false);
    if (preferred) return preferred;
  }
  const first = nouns.has(0) ? undefined : verbAt(words, 0, false);
  if (first && httpStyle && httpMethodRules.some((m) => m.method === first.word)) {
    // Names generated from HTTP APIs (`API-post-search`) lead with the method; the operation's verb follows.
    for (let i = first.length; i < words.length; i++) {
      const next = verbAt(words, i, false);
      if (next && !httpMethodRules.some((m) => m.method === next.word)) return next;
    }
  }
  const plainVerbAfter = (from: number): VerbMatch | undefined => {
    for (let i = from; i < words.length; i++) {
      if (nouns.has(i)) continue;
      const match = verbAt(words, i, false);
      if (match && !nounLikeVerbs.has(match.word)) return match;
    }
    return undefined;
  };
  if (first) {
    if (!nounLikeVerbs.has(first.word) || words.length === first.length) return first;
    // `report-list`, `deploy_logs`, `build_status`: a noun-like word before a result noun names what is read.
    if (words.length === 2 && nominalEnds.has(words[1] as string)) return undefined;
    // `monitor_create`: a noun-like first word before a plain verb that ends the name is the resource
    // (`list_change_order_versions` still lists).
    const last = plainVerbAfter(first.length);
    return last !== undefined && last.index + last.length === words.length ? last : first;
  }
  const plain = plainVerbAfter(1);
  if (plain) return plain;
  // Only noun-like words remain: one before the last word still acts (`repo_search_code`), unless the
  // last word is a result noun (`workflow_run_logs`); the last word itself is a noun.
  if (nominalEnds.has(words[words.length - 1] as string)) return undefined;
  for (let i = 1; i < words.length - 1; i++) {
    if (nouns.has(i)) continue;
    const match = verbAt(words, i, false);
    if (match) return match;
  }
  return undefined;
}

/** Verbs joined to the main one by "and", "or" or "then" (`get_or_create_user`). */
export function findJoinedVerbs(words: readonly string[], after: number): VerbMatch[] {
  const joined: VerbMatch[] = [];
  for (let i = after; i < words.length - 1; i++) {
    if (words[i] === "and" || words[i] === "or" || words[i] === "then") {
      const match = verbAt(words, i + 1, false);
      if (match) joined.push(match);
    }
  }
  return joined;
}

/** "member info", "user details": a record about the word before them. */
const recordNouns: ReadonlySet<string> = new Set(["info", "information", "details", "detail", "profile", "profiles", "record", "records", "data"]);

const ruleWordSets = new Map(objectRules.map((rule) => [rule, new Set(rule.words)] as const));

/** Kinds of object named by these words, with the word that named each. */
export function objectKinds(
  objectWords: readonly string[],
  domains: ReadonlySet<DomainName>,
  compoundEndingAtHead = false,
): Map<ObjectKind, string> {
  const found = new Map<ObjectKind, string>();
  if (objectWords.length === 0) return found;
  const head = objectWords[objectWords.length - 1];
  const pairs: string[] = [];
  for (let i = 0; i < objectWords.length - 1; i++) pairs.push(`${objectWords[i]} ${objectWords[i + 1]}`);
  for (const rule of objectRules) {
    if (rule.domain && !domains.has(rule.domain)) continue;
    // Most rules name none of the words: skip them before building their exclusions.
    const named = ruleWordSets.get(rule)!;
    if (!objectWords.some((w) => named.has(w)) && !pairs.some((p) => named.has(p))) continue;
    const excluded = new Set<string>(rule.exceptInDomain && domains.has(rule.exceptInDomain.domain) ? rule.exceptInDomain.words : []);
    for (const pair of pairs) {
      if (rule.except?.includes(pair)) for (const w of pair.split(" ")) excluded.add(w);
    }
    for (let i = 0; i < objectWords.length - 1; i++) {
      if (rule.notBefore?.includes(objectWords[i + 1] as string)) excluded.add(objectWords[i] as string);
    }
    const hit =
      pairs.find((p) => rule.words.includes(p) && !rule.notBefore?.includes(objectWords[objectWords.indexOf(p.split(" ")[1] as string) + 1] ?? "")) ??
      (compoundEndingAtHead
        ? head !== undefined && !excluded.has(head) && rule.words.includes(head) ? head : undefined
        : objectWords.find((w) => !excluded.has(w) && rule.words.includes(w) && (!rule.headOnly?.includes(w) || w === head || recordNouns.has(objectWords[objectWords.indexOf(w) + 1] ?? ""))));
    if (hit !== undefined && !found.has(rule.kind)) found.set(rule.kind, hit);
  }
  return found;
}

export interface VerbReading {
  category: Category;
  traits: Set<Trait>;
  /** The object word that changed the category, when one did. */
  decidingObject?: string;
}

/** "head request" among the objects: an HTTP request takes its method's category. */
export function httpRequestMethod(objectWords: readonly string[]): { method: string; category: Category } | undefined {
  for (let i = 0; i < objectWords.length - 1; i++) {
    const next = objectWords[i + 1];
    if (next !== "request" && next !== "requests") continue;
    const rule = httpMethodRules.find((m) => m.method === objectWords[i]);
    if (rule) return { method: rule.method, category: rule.category };
  }
  return undefined;
}

/** What a verb means with these objects: its rule's category, changed or given facts by the objects. */
export function readVerb(
  rule: VerbRule,
  kinds: ReadonlyMap<ObjectKind, string>,
  objectWords: readonly string[] = [],
  domains: ReadonlySet<DomainName> = new Set(),
): VerbReading {
  const http = httpRequestMethod(objectWords);
  if (http) return { category: http.category, traits: new Set(), decidingObject: `${http.method} request` };
  const traits = new Set<Trait>(rule.traits ?? []);
  if (rule.inDomain && domains.has(rule.inDomain.domain)) return { category: rule.inDomain.category, traits };
  let category = rule.category;
  let decidingObject: string | undefined;
  // The first object with a category settles it, even when it keeps the verb's own ("create invoice" stays Write).
  let settled = false;
  for (const effect of rule.objects ?? []) {
    const word = kinds.get(effect.kind);
    if (word === undefined) continue;
    if (effect.dropsRuleTraits) for (const trait of rule.traits ?? []) traits.delete(trait);
    if (effect.trait) traits.add(effect.trait);
    if (effect.category && !settled) {
      settled = true;
      if (effect.category !== category) {
        category = effect.category;
        decidingObject = word;
      }
    }
    if (effect.settles) break;
  }
  if (traits.has("internal-report")) traits.delete("external-send");
  return decidingObject === undefined ? { category, traits } : { category, traits, decidingObject };
}
