/**
 * Reads a description: its leading verb and what it acts on, and the phrases
 * of the phrase table (with negations: "does not delete" is no deletion).
 */
import { capText, firstSentence, quote, sentences, words } from "./bounded-text.ts";
import {
  descriptionFillerWords,
  guidanceObjects,
  guidanceOpeners,
  guidanceVerbs,
  irreversibleMarkers,
  negationWords,
  objectFillerWords,
  nounLikeVerbs,
  objectPhraseStops,
  phraseRules,
  removalWords,
  returnedDataNouns,
  type DescriptionTrait,
  type DomainName,
  type ObjectKind,
  type PhraseRule,
  type Trait,
} from "./rules.ts";
import { findChineseVerb } from "./read-chinese.ts";
import { nounPositions, objectKinds, readVerb, stems, verbAt, type VerbMatch } from "./read-words.ts";
import { categoryOrder } from "./rules.ts";
import type { Category } from "./verdict-schema.ts";

/** Words of the first sentence searched for its leading verb. */
const LEADING_VERB_WINDOW = 8;
const MAX_SENTENCES = 200;
/** How far back in its sentence a "not" or "never" cancels a phrase. */
const NEGATION_REACH = 8;
/** Words of a router's description read for the actions of its sub commands. */
const ROUTER_WINDOW = 120;
/** "commands to manage", "tools to generate": what comes after says what the sub commands do. */
const routerSubjects: ReadonlySet<string> = new Set(["tool", "tools", "command", "commands", "operations"]);
/** "supports sending SMS": a gerund after these names an action. */
const supportWords: ReadonlySet<string> = new Set(["supports", "support", "including", "includes"]);

export interface DescriptionReading {
  verb?: VerbMatch;
  /** The leading verb as a Chinese description writes it, when `verb` is its English meaning. */
  chineseVerb?: string;
  /** A description written as a title of the data it returns ("Funding rate history"), quoted. */
  namesReturnedData?: string;
  /** The object phrase after the verb, filler words dropped. */
  objects: string[];
  head?: string;
  kinds: Map<ObjectKind, string>;
  category?: Category;
  decidingObject?: string;
  traits: Set<Trait>;
  /** The phrase that set each description trait. */
  phrases: Map<DescriptionTrait, string>;
  /** A sentence saying data is removed for good, quoted. */
  irreversible?: string;
  /** A second effect joined to the leading verb ("Lists all branches or creates a new branch"), when it weighs more. */
  joinedEffect?: { verb: string; category: Category; traits: Set<Trait> };
  /** For a command router: the most consequential action its description lists ("executing SQL queries"). */
  routerAction?: { verb: string; category: Category; traits: Set<Trait> };
}

interface IndexedPhrase {
  rule: PhraseRule;
  words: string[];
  text: string;
}

const phraseIndex = new Map<string, IndexedPhrase[]>();
for (const rule of phraseRules) {
  for (const text of rule.phrases) {
    const phraseWords = text.split(" ");
    const first = phraseWords[0] as string;
    const list = phraseIndex.get(first) ?? [];
    list.push({ rule, words: phraseWords, text });
    phraseIndex.set(first, list);
  }
}

function matchesAt(tokens: readonly string[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[i + k] !== phrase[k]) return false;
  return true;
}

function negatedAt(tokens: readonly string[], i: number, reach = 3): boolean {
  for (let k = Math.max(0, i - reach); k < i; k++) if (negationWords.has(tokens[k] as string)) return true;
  return false;
}

function scanPhrases(tokens: readonly string[], scope: PhraseRule["scope"], found: Map<DescriptionTrait, string>, reach = 3, skip?: DescriptionTrait): void {
  let present: Set<string> | undefined;
  const voided = new Set<PhraseRule>();
  const voids = (rule: PhraseRule): boolean => {
    if (!rule.unlessSentenceHas) return false;
    if (voided.has(rule)) return true;
    present ??= new Set(tokens);
    const hit = rule.unlessSentenceHas.some((w) => present?.has(w));
    if (hit) voided.add(rule);
    return hit;
  };
  for (let i = 0; i < tokens.length; i++) {
    const candidates = phraseIndex.get(tokens[i] as string);
    if (!candidates) continue;
    for (const c of candidates) {
      if (c.rule.scope !== scope || c.rule.trait === skip || found.has(c.rule.trait)) continue;
      if (!matchesAt(tokens, i, c.words)) continue;
      if (c.rule.negatable && negatedAt(tokens, i, reach)) continue;
      if (c.rule.unlessPrecededBy?.some((w) => tokens.slice(Math.max(0, i - 3), i).includes(w))) continue;
      if (voids(c.rule)) continue;
      found.set(c.rule.trait, c.text);
    }
  }
}

function findIrreversible(text: string): string | undefined {
  for (const sentence of sentences(text).slice(0, MAX_SENTENCES)) {
    const tokens = words(sentence);
    const joined = ` ${tokens.join(" ")} `;
    if (!irreversibleMarkers.some((m) => joined.includes(` ${m} `))) continue;
    if (tokens.some((t, i) => removalWords.has(t) && !negatedAt(tokens, i))) return quote(sentence);
  }
  return undefined;
}

/**
 * The verb a description leads with, past filler ("This tool will") and at most
 * one other word ("Notion | Create", "Force terminate"): after two, a verb is a
 * noun in a label ("Autonomous web research agent").
 */
function findLeadingVerb(lead: readonly string[]): VerbMatch | undefined {
  let skipped = 0;
  // "Unset a chat message reaction": a word inside a noun compound is no verb.
  const nouns = nounPositions(lead.slice(0, LEADING_VERB_WINDOW + 1));
  for (let i = 0; i < Math.min(lead.length, LEADING_VERB_WINDOW); i++) {
    const match = nouns.has(i) ? undefined : verbAt(lead, i, true);
    if (match) return match;
    if (!descriptionFillerWords.has(lead[i] as string) && ++skipped > 1) break;
  }
  return undefined;
}

/**
 * A router lists what its sub commands do ("Includes operations for listing
 * servers, executing SQL queries and deleting databases"). In a sentence that
 * starts such a list ("commands for", "tools to", "supports"), every gerund
 * and every listed verb counts, with the words after it as its object; the
 * most consequential one decides. Elsewhere "when building" or "test runs"
 * say nothing about the sub commands.
 */
function readRouterActions(text: string, domains: ReadonlySet<DomainName>): DescriptionReading["routerAction"] {
  let best: DescriptionReading["routerAction"];
  for (const part of sentences(text).slice(0, 20)) {
    const tokens = words(part).slice(0, ROUTER_WINDOW);
    let started = false;
    let listed = -2;
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i] as string;
      if ((word === "and" || word === "or") && listed === i - 1) {
        listed = i;
        continue;
      }
      const back = tokens[i - 1] === "help" || tokens[i - 1] === "helps" ? 1 : 0;
      const opensList =
        (tokens[i - 1 - back] === "to" && routerSubjects.has(tokens[i - 2 - back] as string)) ||
        (word.endsWith("ing") && tokens[i - 1] === "for" && routerSubjects.has(tokens[i - 2] as string)) ||
        (word.endsWith("ing") && supportWords.has(tokens[i - 1] as string));
      const counts = opensList || listed === i - 1 || (started && word.endsWith("ing"));
      if (!counts) continue;
      const match = verbAt(tokens, i, true);
      if (!match) continue;
      started = true;
      listed = i;
      const objects = tokens.slice(i + match.length, i + match.length + 3).filter((w) => !objectFillerWords.has(w) && !objectPhraseStops.has(w));
      const verb = readVerb(match.rule, objectKinds(objects, domains), objects, domains);
      const better = !best || categoryOrder.indexOf(verb.category) > categoryOrder.indexOf(best.category) || (verb.category === best.category && best.traits.size === 0 && verb.traits.size > 0);
      if (better) best = { verb: match.word, category: verb.category, traits: verb.traits };
    }
  }
  return best;
}

/** Whose a thing is ("the user's favourites"), before the noun that names it. */
const possessors: ReadonlySet<string> = new Set(["users", "user", "your", "my", "his", "her", "our", "callers", "caller", "own", "accounts", "account"]);

/** Words after the leading verb searched for a verb joined to it. */
const JOINED_VERB_WINDOW = 12;
const joiningWords: ReadonlySet<string> = new Set(["and", "or", "then"]);
/** A joined verb is followed by its object's determiner ("or creates a new branch"); "and updates of a job" names a noun. */
const determiners: ReadonlySet<string> = new Set(["a", "an", "the", "its", "their", "it", "them", "one", "new", "all", "any", "each", "every", "your", "this", "that", "these", "those", "existing"]);

/**
 * A verb joined to the leading one by "and", "or" or "then" in the same
 * sentence, followed by its object ("Lists all branches or creates a new
 * branch", "Builds the site and deploys it"): a second effect of the call.
 * Words that are as often nouns ("and tags", "and logs") are left out.
 */
function findJoinedEffect(lead: readonly string[], verb: VerbMatch, domains: ReadonlySet<DomainName>): DescriptionReading["joinedEffect"] {
  let best: DescriptionReading["joinedEffect"];
  const end = Math.min(lead.length - 2, verb.index + verb.length + JOINED_VERB_WINDOW);
  for (let i = verb.index + verb.length; i < end; i++) {
    if (!joiningWords.has(lead[i] as string)) continue;
    const next = verbAt(lead, i + 1, true);
    if (next === undefined || stems(next.word).some((w) => nounLikeVerbs.has(w))) continue;
    // "without moving or deleting them": the negation reaches across the "or".
    if (negatedAt(lead, i + 1, NEGATION_REACH)) continue;
    const after = i + 1 + next.length;
    if (!determiners.has(lead[after] as string)) continue;
    const objects = lead.slice(after, after + 4).filter((w) => !objectFillerWords.has(w) && !objectPhraseStops.has(w));
    const read = readVerb(next.rule, objectKinds(objects, domains), objects, domains);
    if (best === undefined || categoryOrder.indexOf(read.category) > categoryOrder.indexOf(best.category)) best = { verb: next.word, category: read.category, traits: read.traits };
  }
  return best;
}

/** Words at most in a title of returned data: a longer opening is a sentence. */
const DATA_TITLE_WORDS = 6;

/**
 * A first clause that is a title of the data the tool returns ("Funding rate
 * history", "K-line (candlestick) data", "Hyperliquid tickers"): a few words
 * ending in a noun of returned data, none of them a plain verb or a
 * preposition. Quoted, or `undefined` when the clause is no such title.
 */
function titleOfReturnedData(sentence: string): string | undefined {
  const clause = capText(sentence, 200).replace(/\([^)]*\)/g, " ").split(/[:;,•|]|\s[-–—]\s/)[0] ?? "";
  const tokens = words(clause);
  if (tokens.length === 0 || tokens.length > DATA_TITLE_WORDS || !returnedDataNouns.has(tokens[tokens.length - 1] as string)) return undefined;
  for (let i = 0; i < tokens.length - 1; i++) {
    const word = tokens[i] as string;
    if (objectPhraseStops.has(word) || objectFillerWords.has(word)) return undefined;
    const verb = verbAt(tokens, i, true);
    if (verb !== undefined && !stems(verb.word).some((w) => nounLikeVerbs.has(w))) return undefined;
  }
  return quote(clause);
}

/** How many sentences are searched for the first one that says what the tool does. */
const EFFECT_SENTENCE_WINDOW = 4;

/**
 * Usage guidance aimed at the model ("IMPORTANT: call this tool before any
 * other", "Use this when ...", "Always ...") says when to call the tool, not
 * what it does: its verbs are no effect.
 */
export function isUsageGuidance(sentence: string): boolean {
  const tokens = words(capText(sentence, 300));
  const first = tokens[0];
  if (first !== undefined && guidanceOpeners.has(first)) return true;
  for (let i = 0; i < tokens.length - 2; i++) {
    if (guidanceVerbs.has(tokens[i] as string) && (tokens[i + 1] === "this" || tokens[i + 1] === "the") && guidanceObjects.has(tokens[i + 2] as string)) return true;
  }
  return false;
}

/** The first sentence that says what the tool does, past usage guidance; the first sentence when none does. */
function effectSentence(description: string): string {
  const parts = sentences(capText(description, 2_000)).slice(0, EFFECT_SENTENCE_WINDOW);
  return parts.find((part) => !isUsageGuidance(part)) ?? firstSentence(description);
}

export function readDescription(description: string, domains: ReadonlySet<DomainName>): DescriptionReading {
  const sentence = effectSentence(description);
  // "Rename a node (frame, component, group, etc.) in Figma": an aside in brackets is no part of the object.
  let lead = words(sentence.replace(/\([^()]*\)?/g, " "));
  const reading: DescriptionReading = { objects: [], kinds: new Map(), traits: new Set(), phrases: new Map() };

  let verb = findLeadingVerb(lead);
  // "Azure Retail Pricing operations - Get retail prices": a label, a dash, then what it does.
  const dash = sentence.search(/\s[-–—]\s/);
  if ((!verb || verb.index > 0) && dash > 0) {
    // Before the dash is a label ("File Shares operations"): its words are nouns.
    lead = words(sentence.slice(dash + 2));
    verb = findLeadingVerb(lead);
  }
  const title = titleOfReturnedData(sentence);
  // "Index data.": a word that is as often a noun, heading a title of data, is that noun.
  if (title !== undefined && verb !== undefined && stems(verb.word).some((w) => nounLikeVerbs.has(w))) verb = undefined;
  if (title !== undefined && verb === undefined) reading.namesReturnedData = title;
  if (verb) reading.verb = verb;
  const chinese = verb === undefined ? findChineseVerb(sentence) : undefined;
  if (chinese) {
    // No object is read from Chinese text: the verb's own category stands.
    reading.verb = chinese.match;
    reading.chineseVerb = chinese.chinese;
    const read = readVerb(chinese.match.rule, new Map(), [], domains);
    reading.category = read.category;
    reading.traits = read.traits;
  } else if (reading.verb) {
    const objects: string[] = [];
    for (let i = reading.verb.index + reading.verb.length; i < lead.length && objects.length < 6; i++) {
      const w = lead[i] as string;
      if (objectPhraseStops.has(w)) {
        if (objects.length > 0) break;
        continue;
      }
      if (!objectFillerWords.has(w)) objects.push(w);
    }
    reading.objects = objects;
    // "Remove a dashboard from the user's favourites": what follows "from" may name a relation.
    const fromAt = lead.indexOf("from", reading.verb.index + reading.verb.length);
    const fromPhrase: string[] = [];
    if (fromAt > 0 && fromAt <= reading.verb.index + reading.verb.length + 6) {
      // "from the user's favourites" (words: "the users favourites"): past fillers and a possessor to the noun.
      let i = fromAt + 1;
      while (i < lead.length && (objectFillerWords.has(lead[i] as string) || possessors.has(lead[i] as string))) i++;
      if (i < lead.length) fromPhrase.push("from", lead[i] as string);
    }
    const head = objects[objects.length - 1];
    if (head !== undefined) reading.head = head;
    // Only the head noun and the compound ending at it ("payment link") say what the verb acts on:
    // "toggles resource subscription updates" is about updates, not subscriptions.
    const before = objects[objects.length - 2];
    // "Stop resolving builds against ...": stopping an activity, not the builds it names.
    const stopsAnActivity = reading.verb.word === "stop" && objects[0]?.endsWith("ing") === true;
    reading.kinds = stopsAnActivity ? new Map() : objectKinds(head === undefined ? [] : before === undefined ? [head] : [before, head], domains, true);
    const relation = objectKinds(fromPhrase, domains).get("relation");
    if (relation !== undefined && !reading.kinds.has("relation")) reading.kinds.set("relation", relation);
    // "Create a monitor — a recurring scrape": an appositive after a dash says what the object is.
    const appositive = sentence.slice(Math.max(0, sentence.search(/\s[-–—]\s+(?:an?|the)\s/))).match(/^\s[-–—]\s+(?:an?|the)\s+(.*)$/);
    if (appositive?.[1] !== undefined) {
      for (const [kind, word] of objectKinds(words(appositive[1]).slice(0, 3), domains)) if (!reading.kinds.has(kind)) reading.kinds.set(kind, word);
    }
    const read = readVerb(reading.verb.rule, reading.kinds, objects, domains);
    reading.category = read.category;
    reading.traits = read.traits;
    if (read.decidingObject !== undefined) reading.decidingObject = read.decidingObject;
    const joined = findJoinedEffect(lead, reading.verb, domains);
    if (joined !== undefined && categoryOrder.indexOf(joined.category) > categoryOrder.indexOf(read.category)) reading.joinedEffect = joined;
  }

  scanPhrases(words(sentence), "first-sentence", reading.phrases);
  // Usage guidance ("Be patient with polling") says nothing about what the call returns.
  for (const part of sentences(description).slice(0, MAX_SENTENCES)) {
    scanPhrases(words(part), "anywhere", reading.phrases, NEGATION_REACH, isUsageGuidance(part) ? "sensitive" : undefined);
  }
  for (const trait of reading.phrases.keys()) reading.traits.add(trait);
  if (reading.traits.has("internal-report")) reading.traits.delete("external-send");

  if (reading.traits.has("router")) {
    // Only the text before the routing boilerplate says what the sub commands do.
    const cut = description.search(/hierarchical mcp command|command router/i);
    const routerAction = readRouterActions(cut > 0 ? description.slice(0, cut) : description, domains);
    if (routerAction) reading.routerAction = routerAction;
  }

  const irreversible = findIrreversible(description);
  if (irreversible !== undefined) reading.irreversible = irreversible;
  return reading;
}
