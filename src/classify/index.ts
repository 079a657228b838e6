export { classifyTool } from "./classify-tool.ts";
export { classifyContextSchema, toolOverrideSchema, type ClassifyContext, type ToolOverride } from "./classify-context.ts";
export { splitName } from "./split-name.ts";
export { detectHiddenInstructions, hiddenInstructionRules, invisibleCharactersRule, type HiddenInstructionFinding, type HiddenInstructionRule } from "./detect-hidden-instructions.ts";
export { annotationDefaults, effectiveAnnotations } from "./read-annotations.ts";
export { describeParameterCounts } from "./write-rationale.ts";
export {
  categoryOrder,
  domainRules,
  flagRules,
  httpMethodRules,
  objectRules,
  parameterRules,
  phraseRules,
  riskAdjustments,
  sizeLimits,
  usualRisks,
  verbRules,
  irreversibleMarkers,
  type DomainRule,
  type FlagRule,
  type ObjectRule,
  type ParameterRule,
  type PhraseRule,
  type RiskAdjustment,
  type UsualRisk,
  type VerbRule,
} from "./rules.ts";
export * from "./verdict-schema.ts";
export { classifyToolList, type ListedVerdict, type ToolListResult } from "./classify-tool-list.ts";
