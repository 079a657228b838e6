/** Browser-safe: what the page says about a Cedar check (the findings list itself is findings-view.ts's). */
import type { Finding } from "../policy/findings.ts";
import type { CedarTarget } from "../policy/render-cedar.ts";
import type { CedarCheckReply } from "./check-cedar.ts";

export const cedarTargetNames: Record<CedarTarget, string> = { toolhive: "ToolHive", docker: "Docker's MCP gateway" };

/** Which schema was used and why, so a detected target is never mistaken for a checked claim. */
export function describeCedarTarget(reply: Pick<CedarCheckReply, "target" | "targetFrom" | "config">): string {
  const name = cedarTargetNames[reply.target];
  if (reply.config) return `Read as a ToolHive config file: its cedar.policies validated against ${name}'s schema${reply.targetFrom === "chosen" ? ", as chosen" : ""}.`;
  switch (reply.targetFrom) {
    case "chosen":
      return `Validated against ${name}'s schema, as chosen.`;
    case "detected":
      return `Validated against ${name}'s schema: the policy uses its names.`;
    case "assumed":
      return `The policy names neither target's entities or actions, so it was validated against ${name}'s schema; choose a target to change that.`;
  }
}

export function describeCedarFindings(findings: readonly Finding[], target: CedarTarget): string {
  const name = cedarTargetNames[target];
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const counts = [errors && `${errors} ${errors === 1 ? "error" : "errors"}`, warnings && `${warnings} ${warnings === 1 ? "warning" : "warnings"}`].filter(Boolean).join(", ");
  if (errors) return `${counts}: the Cedar engine rejects this policy for ${name}.`;
  if (warnings) return `${counts}: the Cedar engine accepts this policy for ${name}, but check the warnings.`;
  return `No problems: the Cedar engine parses this policy and validates it against ${name}'s schema.`;
}
