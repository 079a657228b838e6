import { z } from "zod";
import { categories, confidences, risks, signalSources, verdictFlags } from "./verdict-words.ts";

export { categories, confidences, risks, signalSources, verdictFlags };

export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;

export const riskSchema = z.enum(risks);
export type Risk = z.infer<typeof riskSchema>;

export const confidenceSchema = z.enum(confidences);
export type Confidence = z.infer<typeof confidenceSchema>;

export const verdictFlagSchema = z.enum(verdictFlags);
export type VerdictFlag = z.infer<typeof verdictFlagSchema>;


export const signalSchema = z.object({
  /** Where the evidence was found. */
  source: z.enum(signalSources),
  /** What was found, quoted or summarised (bounded, untrusted text). */
  evidence: z.string(),
  /** What it did to the verdict, in plain words ("suggests Destructive", "raises risk to Critical"). */
  effect: z.string(),
});
export type Signal = z.infer<typeof signalSchema>;

export const parameterCountsSchema = z.object({
  /** Top-level properties of `inputSchema`. */
  total: z.number().int().nonnegative(),
  /** Names in `required` that exist among those properties. */
  required: z.number().int().nonnegative(),
});
export type ParameterCounts = z.infer<typeof parameterCountsSchema>;

export const verdictSchema = z.object({
  /** The tool's name, verbatim. */
  name: z.string(),
  /** Final category (an override's when one applies). */
  category: categorySchema,
  /** Final risk class (an override's when one applies). */
  risk: riskSchema,
  /** How far the evidence agrees. */
  confidence: confidenceSchema,
  /** Two to four sentences naming the deciding evidence. */
  rationale: z.string(),
  /** Every piece of evidence weighed, in the order it was weighed. */
  signals: z.array(signalSchema),
  /** Flags raised, sorted. */
  flags: z.array(verdictFlagSchema),
  /** Exact parameter counts. */
  parameters: parameterCountsSchema,
  /** Present when the server definition overrides the classifier. */
  override: z
    .object({
      /** What the classifier itself concluded. */
      classifier: z.object({ category: categorySchema, risk: riskSchema }),
      /** The maintainer's reason for the override. */
      note: z.string(),
    })
    .optional(),
});
export type Verdict = z.infer<typeof verdictSchema>;
