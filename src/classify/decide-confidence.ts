/**
 * Confidence per the standard: high when two independent kinds of evidence
 * agree, moderate on one kind with nothing against it, low with no
 * description and only the name, or when evidence conflicts.
 */
import type { CategoryDecision } from "./decide-category.ts";
import type { RiskDecision } from "./decide-risk.ts";
import type { Evidence } from "./gather-evidence.ts";
import { hintsAgreeWith } from "./read-annotations.ts";
import type { Confidence } from "./verdict-schema.ts";
import { overruledCandidate } from "./write-rationale.ts";

export type EvidenceKind = "name" | "description" | "parameters" | "annotations";

export interface ConfidenceDecision {
  confidence: Confidence;
  /** The kinds of evidence that agree with the category. */
  agreeing: EvidenceKind[];
  /** Why it is low, when evidence conflicts. */
  conflicting: boolean;
}

export function decideConfidence(evidence: Evidence, decision: CategoryDecision, risk: RiskDecision): ConfidenceDecision {
  const { category } = decision;
  const agreeing = new Set<EvidenceKind>();
  for (const c of decision.candidates) {
    if (c.category !== category || c.source === "default" || c.source === "annotations") continue;
    agreeing.add(c.source === "title" ? "name" : c.source);
  }
  const desc = evidence.descriptionReading;
  if (desc) {
    const supports =
      (category === "Read" && desc.traits.has("read-only-claim")) ||
      (category === "Execute" && (desc.traits.has("host-execution") || desc.traits.has("query-language"))) ||
      (category === "Destructive" && desc.irreversible !== undefined);
    if (supports) agreeing.add("description");
  }
  if (hintsAgreeWith(evidence.hints, category) && !risk.conflict) agreeing.add("annotations");

  const readOnlyClaim = desc?.traits.has("read-only-claim") ?? false;
  const conflicting = risk.conflict !== undefined || decision.textConflict || (readOnlyClaim && category !== "Read");
  const count = agreeing.size;
  // A more alarming reading that the decision set aside narrows the margin: never high.
  const overruled = overruledCandidate(decision) !== undefined;
  let confidence: Confidence;
  if (conflicting) confidence = "low";
  else if (overruled) confidence = count >= 1 ? "moderate" : "low";
  else if (evidence.description === undefined) confidence = count >= 2 ? "moderate" : "low";
  else confidence = count >= 2 ? "high" : count === 1 ? "moderate" : "low";
  return { confidence, agreeing: [...agreeing], conflicting };
}
