import { categoryOrder, objectFillerWords, objectPhraseStops, type DomainName, type ObjectKind, type Trait } from "./rules.ts";
import { findJoinedVerbs, findNameVerb, objectKinds, readVerb, type VerbMatch } from "./read-words.ts";
import type { Category } from "./verdict-schema.ts";

export interface NameReading {
  /** Meaningful words, namespace dropped. */
  words: string[];
  verb?: VerbMatch;
  /** The words that are not the verb: what it acts on. */
  objects: string[];
  /** The object's head noun (`repository` in `delete_repository`, `secret` in `delete_repository_secret`). */
  head?: string;
  kinds: Map<ObjectKind, string>;
  /** What the verb with its objects says, when there is a verb. */
  category?: Category;
  traits: Set<Trait>;
  /** The object that changed the verb's category (`refund` in `create_refund`). */
  decidingObject?: string;
  /** Extra verbs joined by and/or (`get_or_create`) that raised the category. */
  joinedVerb?: string;
  /** The verb leads the name (first word, or right after an HTTP method); otherwise the name is a label. */
  leads: boolean;
}

/** Reads the words of a name or a title: verb, objects, head noun. */
export function readNameWords(words: string[], domains: ReadonlySet<DomainName>, httpStyle = false, leadingVerbs: readonly string[] = []): NameReading {
  const verb = findNameVerb(words, httpStyle, leadingVerbs);
  const isVerbWord = (i: number) => verb !== undefined && i >= verb.index && i < verb.index + verb.length;
  const before: string[] = [];
  const after: string[] = [];
  // `get_customer_by_identifier`: the object ends where a phrase stop begins; what follows qualifies it.
  const qualifiers: string[] = [];
  words.forEach((w, i) => {
    if (isVerbWord(i)) return;
    if (objectPhraseStops.has(w)) {
      if (after.length > 0 || qualifiers.length > 0) qualifiers.push(w);
      return;
    }
    if (objectFillerWords.has(w)) return;
    if (verb !== undefined && i < verb.index) before.push(w);
    else if (qualifiers.length > 0) qualifiers.push(w);
    else after.push(w);
  });
  const qualifierWords = qualifiers.filter((w) => !objectPhraseStops.has(w));
  const objects = [...before, ...after, ...qualifierWords];
  const head = after[after.length - 1] ?? before[before.length - 1] ?? qualifierWords[qualifierWords.length - 1];
  const kinds = objectKinds([...before, ...after], domains);
  // The stop words stay for this reading: "from dashboard" names a relation.
  if (qualifierWords.length > 0) for (const [kind, word] of objectKinds(qualifiers, domains)) if (!kinds.has(kind)) kinds.set(kind, word);
  // `browser_select_option` selects an option on the page: a resource prefix before the verb is the
  // session's object only when nothing follows the verb (`browser_close`).
  if (after.length > 0) {
    const afterKinds = objectKinds(after, domains);
    for (const kind of ["session", "session-setting", "web-page"] as const) if (!afterKinds.has(kind)) kinds.delete(kind);
  }
  const leads = verb !== undefined && (verb.index === 0 || (httpStyle && verb.index === 1) || leadingVerbs.includes(verb.word));
  const reading: NameReading = { words, objects, kinds, traits: new Set(), leads };
  if (head !== undefined) reading.head = head;
  if (!verb) return reading;
  reading.verb = verb;
  const main = readVerb(verb.rule, kinds, objects, domains);
  reading.category = main.category;
  reading.traits = main.traits;
  if (main.decidingObject !== undefined) reading.decidingObject = main.decidingObject;
  for (const joined of findJoinedVerbs(words, verb.index + verb.length)) {
    const extra = readVerb(joined.rule, kinds, [], domains);
    if (categoryOrder.indexOf(extra.category) > categoryOrder.indexOf(reading.category)) {
      reading.category = extra.category;
      reading.joinedVerb = joined.word;
    }
    for (const t of extra.traits) reading.traits.add(t);
  }
  return reading;
}
