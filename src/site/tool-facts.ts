import { annotationDefaults, effectiveAnnotations, flagRules, parameterRules, splitName, type VerdictFlag } from "../classify/index.ts";
import type { CatalogTool, Parameter } from "../catalog/catalog-schema.ts";

export type HintName = keyof typeof annotationDefaults;

export interface AnnotationRow {
  hint: HintName;
  /** "true", "false" or "absent". */
  sent: string;
  effective: boolean;
  /** The spec's default, applied when the hint is absent. */
  specDefault: boolean;
  meaning: string;
}

const hintMeanings: Record<HintName, string> = {
  readOnlyHint: "does not modify its environment",
  destructiveHint: "may perform destructive updates (when not read-only)",
  idempotentHint: "repeating a call with the same arguments has no further effect",
  openWorldHint: "talks to an open world of external entities",
};

/** Each hint as sent next to its effective value under the spec's defaults. */
export function annotationRows(annotations: unknown): AnnotationRow[] {
  const effective = effectiveAnnotations(annotations);
  const sentHints = (typeof annotations === "object" && annotations !== null ? annotations : {}) as Record<string, unknown>;
  return (Object.keys(annotationDefaults) as HintName[]).map((hint) => ({
    hint,
    sent: typeof sentHints[hint] === "boolean" ? String(sentHints[hint]) : "absent",
    effective: effective[hint],
    specDefault: annotationDefaults[hint],
    meaning: hintMeanings[hint],
  }));
}

/** The classifier's own explanation of a flag. */
export function flagExplanation(flag: VerdictFlag): string {
  return flagRules.find((rule) => rule.flag === flag)?.explanation ?? flag;
}

export interface PolicyParameter {
  parameter: Parameter;
  /** Why a policy might look at it, from the classifier's parameter rules. */
  why: string;
}

const policyKinds = new Set(["sql", "command", "code", "url", "recipient", "channel", "money", "path", "scale-switch", "action", "query"]);

/**
 * Parameters worth a condition in a policy (`args.<name>`): those the
 * classifier's parameter rules recognise as code, commands, paths, URLs,
 * recipients, amounts or switches.
 */
export function policyParameters(parameters: readonly Parameter[]): PolicyParameter[] {
  const found: PolicyParameter[] = [];
  for (const parameter of parameters) {
    const words = splitName(parameter.name).join(" ");
    const last = words.split(" ").at(-1) ?? "";
    const rule = parameterRules.find((r) => policyKinds.has(r.kind) && (r.names.includes(words) || r.names.includes(last)));
    if (rule) found.push({ parameter, why: rule.explanation });
  }
  return found;
}

/** The tool's display title: its own title, else the annotations' title. */
export function toolTitle(tool: CatalogTool): string | undefined {
  return tool.definition.title ?? tool.definition.annotations?.title;
}
