/**
 * Reads a description: its leading verb and what it acts on, and the phrases
 * of the phrase table (with negations: "does not delete" is no deletion).
 */
import { firstSentence, quote, sentences, words } from "./bounded-text.ts";
import {
  descriptionFillerWords,
  irreversibleMarkers,
  negationWords,
  objectFillerWords,
  objectPhraseStops,
  phraseRules,
  removalWords,
  type DescriptionTrait,
  type DomainName,
  type ObjectKind,
  type PhraseRule,
  type Trait,
} from "./rules.ts";
import { objectKinds, readVerb, verbAt, type VerbMatch } from "./read-words.ts";
import type { Category } from "./verdict-schema.ts";

/** Words of the first sentence searched for its leading verb. */
const LEADING_VERB_WINDOW = 8;
const MAX_SENTENCES = 200;

export interface DescriptionReading {
  verb?: VerbMatch;
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

function negatedAt(tokens: readonly string[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) if (negationWords.has(tokens[k] as string)) return true;
  return false;
}

function scanPhrases(tokens: readonly string[], scope: PhraseRule["scope"], found: Map<DescriptionTrait, string>): void {
  for (let i = 0; i < tokens.length; i++) {
    const candidates = phraseIndex.get(tokens[i] as string);
    if (!candidates) continue;
    for (const c of candidates) {
      if (c.rule.scope !== scope || found.has(c.rule.trait)) continue;
      if (!matchesAt(tokens, i, c.words)) continue;
      if (c.rule.negatable && negatedAt(tokens, i)) continue;
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

export function readDescription(description: string, domains: ReadonlySet<DomainName>): DescriptionReading {
  const lead = words(firstSentence(description));
  const reading: DescriptionReading = { objects: [], kinds: new Map(), traits: new Set(), phrases: new Map() };

  for (let i = 0; i < Math.min(lead.length, LEADING_VERB_WINDOW); i++) {
    const match = verbAt(lead, i, true);
    if (match) {
      reading.verb = match;
      break;
    }
    if (!descriptionFillerWords.has(lead[i] as string) && i >= 3) break;
  }
  if (reading.verb) {
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
    const head = objects[objects.length - 1];
    if (head !== undefined) reading.head = head;
    // Only the head noun and the compound ending at it ("payment link") say what the verb acts on:
    // "toggles resource subscription updates" is about updates, not subscriptions.
    const before = objects[objects.length - 2];
    reading.kinds = objectKinds(head === undefined ? [] : before === undefined ? [head] : [before, head], domains, true);
    const verb = readVerb(reading.verb.rule, reading.kinds, objects);
    reading.category = verb.category;
    reading.traits = verb.traits;
    if (verb.decidingObject !== undefined) reading.decidingObject = verb.decidingObject;
  }

  scanPhrases(lead, "first-sentence", reading.phrases);
  scanPhrases(words(description), "anywhere", reading.phrases);
  for (const trait of reading.phrases.keys()) reading.traits.add(trait);
  if (reading.traits.has("internal-report")) reading.traits.delete("external-send");

  const irreversible = findIrreversible(description);
  if (irreversible !== undefined) reading.irreversible = irreversible;
  return reading;
}
