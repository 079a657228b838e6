/** Writes the verdict's rationale: two to four plain sentences naming the deciding evidence. */
import { capitalize, listInWords, quote } from "./bounded-text.ts";
import type { CategoryDecision } from "./decide-category.ts";
import type { RiskDecision } from "./decide-risk.ts";
import type { Evidence } from "./gather-evidence.ts";
import { hintPhrase, hintsAgreeWith } from "./read-annotations.ts";
import { categoryOrder, usualRisks } from "./rules.ts";
import type { Category, ParameterCounts, Risk } from "./verdict-schema.ts";

const tieBreaks: Partial<Record<Category, string>> = {
  Financial: "moving money beats everything else it does",
  Destructive: "removal beats running and writing",
  Execute: "running beats writing",
};

/** "No parameters", "2 of 5 parameters required", "5 optional parameters". */
export function describeParameterCounts({ total, required }: ParameterCounts): string {
  if (total === 0) return "No parameters.";
  const noun = total === 1 ? "parameter" : "parameters";
  if (required === 0) return `${total} optional ${noun}.`;
  return `${required} of ${total} ${noun} required.`;
}

/** The most alarming reading the evidence also offered and the decision set aside, if any. */
export function overruledCandidate(decision: CategoryDecision): { phrase: string; category: Category } | undefined {
  const rank = (c: Category) => categoryOrder.indexOf(c);
  return decision.candidates
    .filter((c) => !c.weak && c.source !== "default" && rank(c.category) > rank(decision.category))
    .sort((a, b) => rank(b.category) - rank(a.category))[0];
}

function categorySentence(evidence: Evidence, decision: CategoryDecision): string {
  const { category } = decision;
  if (decision.deciding.some((c) => c.source === "default")) {
    return "No verb, parameter or phrase the rules know tells what it does, and with no read-only hint the spec's cautious defaults say it may change things: Write.";
  }
  const phrases: string[] = [];
  for (const c of decision.deciding) {
    if (phrases.length < 3 && !phrases.includes(c.phrase) && !phrases.some((p) => p.startsWith(`the ${c.source}`))) phrases.push(c.phrase);
  }
  if (hintsAgreeWith(evidence.hints, category) && phrases.length < 3 && !phrases.some((p) => p.startsWith("the server's"))) {
    phrases.push(hintPhrase(evidence.hints, category));
  }
  let sentence = `${capitalize(listInWords(phrases))} ${phrases.length > 1 ? "mark" : "marks"} it ${category}`;
  const lower = decision.candidates.some((c) => !c.weak && categoryOrder.indexOf(c.category) < categoryOrder.indexOf(category));
  const tieBreak = tieBreaks[category];
  if (decision.readOnlyQuery) sentence += ", because the description says its query language is read-only";
  else if (lower && tieBreak !== undefined) sentence += ` (${tieBreak})`;
  const overruled = overruledCandidate(decision);
  if (overruled !== undefined) sentence += `, over ${overruled.phrase} (${overruled.category})`;
  if (evidence.description === undefined) sentence += "; there is no description, so the verdict rests on the name";
  return `${sentence}.`;
}

function riskSentence(decision: CategoryDecision, risk: RiskDecision): string {
  const adjustment = risk.adjustments[0];
  if (adjustment) return adjustment.sentence;
  return usualRisks.find((u) => u.category === decision.category)?.explanation ?? `Usual risk: ${risk.usual}.`;
}

function flagSentence(evidence: Evidence, risk: RiskDecision, finalRisk: Risk): string | undefined {
  const parts: string[] = [];
  if (risk.conflict) {
    parts.push(
      `its annotations (${risk.conflict.hints}) contradict ${quote(risk.conflict.against, 70)}, so the category follows what it does${risk.conflict.moved ? ` and the risk moves one level toward the annotation: ${finalRisk}` : ""}`,
    );
  }
  const hidden = evidence.hidden[0];
  if (hidden) {
    parts.push(`its ${hidden.where} holds text aimed at the model (${hidden.excerpt})${risk.raisedByHiddenInstructions ? `, which raises the risk to ${finalRisk}` : ", which keeps the risk at least High"}`);
  }
  const problem = evidence.schema.problems[0];
  if (problem !== undefined) parts.push(`its input schema is broken: ${problem}`);
  const oversized = [...evidence.oversizedText, ...evidence.schema.oversized][0];
  if (oversized !== undefined) parts.push(`it is oversized (${oversized}) and was read only in part`);
  if (parts.length === 0) return undefined;
  return `${capitalize(parts.join("; "))}.`;
}

export function writeRationale(
  evidence: Evidence,
  decision: CategoryDecision,
  risk: RiskDecision,
  parameters: ParameterCounts,
  override?: { category: Category; risk: Risk; note: string },
): string {
  const sentences: string[] = [];
  if (override) sentences.push(`A maintainer's override sets ${override.category} / ${override.risk}: ${quote(override.note, 300).replace(/[.!?]$/, "")}. What the classifier read:`);
  sentences.push(categorySentence(evidence, decision));
  sentences.push(riskSentence(decision, risk));
  const flags = flagSentence(evidence, risk, risk.risk);
  if (flags !== undefined) sentences.push(flags);
  if (sentences.length < 4) sentences.push(describeParameterCounts(parameters));
  return sentences.join(" ");
}
