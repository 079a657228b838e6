import { z } from "zod";

/**
 * A tool as an MCP server sent it in `tools/list`, kept verbatim apart from
 * `icons` and `_meta`, which say nothing about what the tool does.
 * Absent annotation hints stay absent: the spec gives them defaults that are
 * not `false` (see `effectiveAnnotations` in the classifier).
 */
export const toolAnnotationsSchema = z
  .object({
    /** Human-readable name the server suggests. */
    title: z.string().optional(),
    /** The tool does not modify its environment (default false). */
    readOnlyHint: z.boolean().optional(),
    /** The tool may perform destructive updates (default true). */
    destructiveHint: z.boolean().optional(),
    /** Repeating a call with the same arguments has no further effect (default false). */
    idempotentHint: z.boolean().optional(),
    /** The tool talks to an open world of external entities (default true). */
    openWorldHint: z.boolean().optional(),
  })
  .passthrough();
export type ToolAnnotations = z.infer<typeof toolAnnotationsSchema>;

/** A JSON Schema object, as loose as the wire allows. */
export const jsonSchemaObjectSchema = z.record(z.string(), z.unknown());

export const toolDefinitionSchema = z.object({
  /** The tool's name, verbatim (may hold any characters a server sends). */
  name: z.string().min(1),
  /** Display title from the tool itself (not from annotations). */
  title: z.string().optional(),
  /** Free-text description written for the model. */
  description: z.string().optional(),
  /** JSON Schema of the arguments; the spec asks for `type: "object"`. */
  inputSchema: jsonSchemaObjectSchema,
  /** JSON Schema of structured results, when the server declares one. */
  outputSchema: jsonSchemaObjectSchema.optional(),
  /** Behaviour hints from the server, untrusted. */
  annotations: toolAnnotationsSchema.optional(),
  /**
   * Set by the crawler, never taken from a server: what it cut to keep the
   * definition bounded (nesting too deep, a description too long), and the
   * sha256 of the whole definition as sent, so a change past the cut still
   * changes the fingerprint.
   */
  cut: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), notes: z.array(z.string()).min(1) }).optional(),
});
export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;
