/**
 * Effects a description states after its opening words ("then deploys it",
 * "sends SIGKILL", "replaces an existing file", "fields you leave out are
 * removed"): the leading verb says what the tool is for, these say what else a
 * call does. Read from the first 600 characters, every sentence.
 */
import { capText } from "./bounded-text.ts";

export interface LaterEffects {
  /** The words that say existing data is replaced or lost. */
  loses?: string;
  /** The words that say a process is killed. */
  kills?: string;
  /** The words that say the result is built and deployed. */
  deploys?: string;
}

const losing = [
  /\b(?:replaces?|replacing|overwrites?|overwriting)\s+(?:an?\s+|the\s+|any\s+)?existing\b/i,
  /\b(?:existing|previous|old|current)\b[^.;]{0,40}?\b(?:is|are|will be|gets?|get)\s+(?:overwritten|replaced|discarded|removed|deleted|lost|cleared)\b/i,
  /\b(?:left out|leave out|omitted|omit|not included|not provided|missing)\b[^.;]{0,40}?\b(?:is|are|will be)\s+(?:removed|deleted|cleared|discarded|dropped)\b/i,
  /\bare (?:deleted|removed) from the\b/i,
];
const killing = /\b(?:sends?|sending)\s+sigkill\b|\bsigkill\b|\bkills? (?:it|the process|the processes)\b/i;
// "then deploys it", "which the platform builds and deploys": the deployment follows the call.
const deploying = /\b(?:then|which\b[^.;]{0,40}?|and then)\s+(?:builds? and\s+)?deploys?\b/i;

const negation = /\b(?:never|not|no|without|won't|doesn't|does not|cannot|can't)\s+(?:\w+\s+){0,2}$/i;

function negatedBefore(text: string, index: number): boolean {
  return negation.test(text.slice(Math.max(0, index - 30), index));
}

export function readLaterEffects(description: string | undefined): LaterEffects {
  const text = capText(description ?? "", 600);
  const effects: LaterEffects = {};
  for (const pattern of losing) {
    const match = pattern.exec(text);
    // "never overwrites an existing file" says the opposite.
    if (match && !negatedBefore(text, match.index)) {
      effects.loses = match[0].toLowerCase();
      break;
    }
  }
  const kill = killing.exec(text);
  if (kill) effects.kills = kill[0].toLowerCase();
  const deploy = deploying.exec(text);
  if (deploy) effects.deploys = deploy[0].toLowerCase();
  return effects;
}
