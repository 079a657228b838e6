/**
 * Reads the verb of a description written in Chinese (map, finance and
 * cloud servers often have one). Chinese has no spaces between words, so
 * the table's verbs are found as substrings; the first one that is neither
 * negated nor describing a noun leads, as an English description's leading
 * verb does.
 */
import { capText } from "./bounded-text.ts";
import { verbAt, type VerbMatch } from "./read-words.ts";
import { chineseAttributiveEnds, chineseNegations, chineseVerbs } from "./rules.ts";

const HAN = /\p{Script=Han}/u;
/** Characters of the sentence searched: the verb of a Chinese description comes early. */
const CHINESE_WINDOW = 300;

export interface ChineseVerb {
  /** The English verb of the verb table, at index 0 of a one-word run. */
  match: VerbMatch;
  /** The verb as the description writes it. */
  chinese: string;
}

/** Negated ("不会删除") or describing a noun ("创建时间"): the verb at `at` is not what the call does. */
function notDoneAt(text: string, at: number, verb: string): boolean {
  const after = text.slice(at + verb.length);
  return chineseNegations.some((n) => text.slice(Math.max(0, at - n.length - 1), at).includes(n)) || chineseAttributiveEnds.some((end) => after.startsWith(end));
}

export function findChineseVerb(sentence: string): ChineseVerb | undefined {
  const text = capText(sentence, CHINESE_WINDOW);
  if (!HAN.test(text)) return undefined;
  let best: { at: number; chinese: string; english: string } | undefined;
  for (const { chinese, english } of chineseVerbs) {
    let at = text.indexOf(chinese);
    while (at !== -1 && notDoneAt(text, at, chinese)) at = text.indexOf(chinese, at + chinese.length);
    if (at !== -1 && (best === undefined || at < best.at)) best = { at, chinese, english };
  }
  if (best === undefined) return undefined;
  const match = verbAt([best.english], 0, false);
  return match === undefined ? undefined : { match, chinese: best.chinese };
}
