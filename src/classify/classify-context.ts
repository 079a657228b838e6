import { z } from "zod";
import { categorySchema, riskSchema } from "./verdict-schema.ts";

/** A maintainer's override of the classifier for one tool (same shape as a server definition's `overrides`). */
export const toolOverrideSchema = z.object({
  /** Category to publish instead of the classifier's. */
  category: categorySchema.optional(),
  /** Risk to publish instead of the classifier's. */
  risk: riskSchema.optional(),
  /** Why; shown on the tool page. */
  note: z.string(),
});
export type ToolOverride = z.infer<typeof toolOverrideSchema>;

/** What the classifier knows about the server a tool comes from. */
export const classifyContextSchema = z.object({
  /** The server's display name or id; its words are dropped from the front of tool names. */
  serverName: z.string().optional(),
  /** Domain tags such as `payments`, `files`, `browser`. */
  tags: z.array(z.string()).optional(),
  /** Overrides keyed by exact tool name. */
  overrides: z.record(z.string(), toolOverrideSchema).optional(),
});
export type ClassifyContext = z.infer<typeof classifyContextSchema>;
