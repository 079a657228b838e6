import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.ts";
import type { ToolDefinition } from "./tool-definition-schema.ts";

/**
 * sha256 over everything that defines a tool, not only its description: a
 * quiet change to a parameter or an annotation is as much a change as new text.
 */
export function toolFingerprint(tool: ToolDefinition): string {
  const { name, title, description, inputSchema, outputSchema, annotations, cut } = tool;
  return createHash("sha256")
    .update(canonicalJson({ name, title, description, inputSchema, outputSchema, annotations, cut }))
    .digest("hex");
}
