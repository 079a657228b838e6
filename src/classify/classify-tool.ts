/**
 * classifyTool: one tool definition in, one verdict out. Pure and
 * deterministic; never throws, whatever the server sent.
 */
import type { ToolDefinition } from "../catalog/tool-definition-schema.ts";
import { quote } from "./bounded-text.ts";
import type { ClassifyContext } from "./classify-context.ts";
import { decideCategory } from "./decide-category.ts";
import { decideConfidence } from "./decide-confidence.ts";
import { decideRisk, riskTheHintsClaim } from "./decide-risk.ts";
import { gatherEvidence, type Evidence } from "./gather-evidence.ts";
import { describeHints } from "./read-annotations.ts";
import { isPlainObject } from "./read-schema.ts";
import { domainRules } from "./rules.ts";
import type { Category, Risk, Signal, Verdict, VerdictFlag } from "./verdict-schema.ts";
import { categories, risks } from "./verdict-words.ts";
import { describeParameterCounts, writeRationale } from "./write-rationale.ts";

function flagsOf(evidence: Evidence, annotationConflict: boolean): VerdictFlag[] {
  const flags = new Set<VerdictFlag>();
  if (evidence.description === undefined) flags.add("no-description");
  if (annotationConflict) flags.add("annotation-conflict");
  if (evidence.hidden.length > 0) flags.add("hidden-instructions");
  if (evidence.schema.problems.length > 0) flags.add("broken-schema");
  if (evidence.oversizedText.length > 0 || evidence.schema.oversized.length > 0) flags.add("oversized");
  return [...flags].sort();
}

function contextSignals(evidence: Evidence): Signal[] {
  const signals: Signal[] = [];
  if (evidence.droppedNamespace.length > 0) {
    signals.unshift({ source: "name", evidence: `prefix '${quote(evidence.droppedNamespace.join(" "), 40)}'`, effect: "a namespace, ignored" });
  }
  return signals;
}

function evidenceSignals(evidence: Evidence): Signal[] {
  const signals: Signal[] = [];
  if (evidence.description === undefined) {
    signals.push({ source: "description", evidence: "none", effect: "no description: the verdict rests on the name" });
  }
  const hints = describeHints(evidence.hints);
  signals.push(
    hints === ""
      ? { source: "annotations", evidence: "no hints sent", effect: "the spec's cautious defaults apply; an absent hint is not evidence" }
      : { source: "annotations", evidence: hints, effect: "weighed as hints from the server, untrusted" },
  );
  for (const [domain, word] of evidence.domain.evidence) {
    const rule = domainRules.find((r) => r.domain === domain);
    signals.push({ source: evidence.domain.byToolName.has(domain) ? "name" : "server", evidence: `'${quote(word, 30)}'`, effect: rule?.explanation ?? domain });
  }
  for (const finding of evidence.hidden.slice(0, 5)) {
    const source = finding.where === "title" ? "title" : finding.where === "description" ? "description" : "parameters";
    signals.push({ source, evidence: `${finding.where}: ${finding.excerpt}`, effect: `${finding.explanation} Raises risk to at least High.` });
  }
  for (const problem of evidence.schema.problems.slice(0, 3)) {
    signals.push({ source: "parameters", evidence: quote(problem, 80), effect: "broken schema" });
  }
  for (const reason of [...evidence.oversizedText, ...evidence.schema.oversized].slice(0, 3)) {
    signals.push({ source: reason.includes("description") ? "description" : reason.includes("title") ? "title" : reason.includes("name") ? "name" : "parameters", evidence: reason, effect: "oversized: read only in part" });
  }
  return signals;
}

function findOverride(context: ClassifyContext | undefined, name: string): { category?: Category; risk?: Risk; note: string } | undefined {
  const overrides: unknown = context?.overrides;
  if (!isPlainObject(overrides) || !Object.hasOwn(overrides, name)) return undefined;
  const entry = overrides[name];
  if (!isPlainObject(entry)) return undefined;
  const found: { category?: Category; risk?: Risk; note: string } = { note: typeof entry.note === "string" ? entry.note : "" };
  if ((categories as readonly unknown[]).includes(entry.category)) found.category = entry.category as Category;
  if ((risks as readonly unknown[]).includes(entry.risk)) found.risk = entry.risk as Risk;
  return found.category !== undefined || found.risk !== undefined ? found : undefined;
}

function classify(tool: ToolDefinition, context: ClassifyContext | undefined): Verdict {
  const evidence = gatherEvidence(tool, context?.serverName, context?.tags);
  const category = decideCategory(evidence);
  const risk = decideRisk(evidence, category);
  const confidence = decideConfidence(evidence, category, risk);
  const parameters = evidence.schema.parameters;
  const signals: Signal[] = [...contextSignals(evidence), ...category.signals, ...risk.signals, ...evidenceSignals(evidence)];
  const order = ["name", "title", "description", "parameters", "annotations", "server", "override"];
  signals.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));

  const verdict: Verdict = {
    name: evidence.name,
    category: category.category,
    risk: risk.risk,
    confidence: confidence.confidence,
    rationale: "",
    signals,
    flags: flagsOf(evidence, risk.conflict !== undefined),
    parameters,
  };
  const override = findOverride(context, evidence.name);
  if (override) {
    const final = { category: override.category ?? verdict.category, risk: override.risk ?? verdict.risk, note: override.note };
    verdict.override = { classifier: { category: verdict.category, risk: verdict.risk }, note: quote(override.note, 300) };
    signals.push({
      source: "override",
      evidence: quote(override.note, 80),
      effect: `a maintainer sets ${final.category} / ${final.risk} (the classifier said ${verdict.category} / ${verdict.risk})`,
    });
    verdict.category = final.category;
    verdict.risk = final.risk;
    // The flag is about the published verdict: hints that agree with the maintainer's category conflict with nothing.
    verdict.flags = flagsOf(evidence, riskTheHintsClaim(evidence.hints, final.category) !== undefined);
    verdict.rationale = writeRationale(evidence, category, risk, parameters, final);
  } else {
    verdict.rationale = writeRationale(evidence, category, risk, parameters);
  }
  return verdict;
}

/**
 * Classifies one tool by what a call can do, from its name, title,
 * description, parameters and annotations together, with the server's
 * domain and any maintainer override from `context`.
 */
export function classifyTool(tool: ToolDefinition, context: ClassifyContext = {}): Verdict {
  try {
    return classify(tool, context);
  } catch {
    // Belt and braces: every reader is defensive, but a verdict must come back whatever arrives.
    const name = isPlainObject(tool) && typeof tool.name === "string" ? tool.name : "";
    return {
      name,
      category: "Write",
      risk: "Medium",
      confidence: "low",
      rationale: `The definition could not be read, so the spec's cautious defaults apply: Write, Medium. ${describeParameterCounts({ total: 0, required: 0 })}`,
      signals: [{ source: "parameters", evidence: "unreadable definition", effect: "cautious defaults" }],
      flags: ["broken-schema"],
      parameters: { total: 0, required: 0 },
    };
  }
}
