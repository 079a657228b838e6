// The real Cedar engine (cedar-wasm's Node build) with each target's schema
// from the repository, for the Cedar renderer's tests.
import { readFileSync } from "node:fs";
import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import type { EntityJson, EntityUid } from "@cedar-policy/cedar-wasm/nodejs";
import type { CedarTarget } from "../../src/policy/index.ts";

export const schemas: Record<CedarTarget, string> = {
  toolhive: readFileSync(new URL("../../src/policy/cedar-schemas/toolhive.cedarschema", import.meta.url), "utf8"),
  docker: readFileSync(new URL("../../src/policy/cedar-schemas/docker.cedarschema", import.meta.url), "utf8"),
};

/**
 * The engine's verdict on a policy set: errors make it undeployable;
 * warnings are the engine's own hygiene notes (a name with mixed scripts or
 * bidi characters), which a hostile tool name rightly earns.
 */
export function validationProblems(target: CedarTarget, policies: string): { errors: string[]; warnings: string[] } {
  const answer = cedar.validate({ schema: schemas[target], policies: { staticPolicies: policies }, validationSettings: { mode: "strict" } });
  if (answer.type === "failure") return { errors: answer.errors.map((e) => e.message), warnings: answer.warnings.map((e) => e.message) };
  return {
    errors: answer.validationErrors.map((e) => `${e.policyId}: ${e.error.message}`),
    warnings: [...answer.validationWarnings.map((e) => `${e.policyId}: ${e.error.message}`), ...answer.otherWarnings.map((e) => e.message)],
  };
}

export interface CedarDecision {
  decision: "allow" | "deny";
  /** The texts of the policies that decided (the permits for allow, the forbids for deny). */
  deciding: string[];
}

/** A tool call as each gateway presents it to Cedar: its entities carry the attributes the docs list. */
export function authorizeToolCall(target: CedarTarget, policies: string, tool: string): CedarDecision {
  const parts = cedar.policySetTextToParts(policies);
  if (parts.type === "failure") throw new Error(parts.errors.map((e) => e.message).join("\n"));
  const staticPolicies = Object.fromEntries(parts.policies.map((text, i) => [`p${i}`, text]));
  const request: { principal: EntityUid; action: EntityUid; resource: EntityUid; entities: EntityJson[] } =
    target === "toolhive"
      ? {
          principal: { type: "Client", id: "alice" },
          action: { type: "Action", id: "call_tool" },
          resource: { type: "Tool", id: tool },
          entities: [
            { uid: { type: "Client", id: "alice" }, attrs: {}, parents: [] },
            { uid: { type: "Tool", id: tool }, attrs: { name: tool, operation: "call", feature: "tool" }, parents: [] },
          ],
        }
      : {
          principal: { type: "MCP::Principal", id: "org" },
          action: { type: "MCP::Action", id: "invokeTool" },
          resource: { type: "MCP::Tool", id: tool },
          entities: [
            { uid: { type: "MCP::Principal", id: "org" }, attrs: {}, parents: [] },
            { uid: { type: "MCP::Server", id: "server" }, attrs: { type: "local-stdio", identityURL: "local://stdio/server", requiresOAuth: false, requiresNetwork: false, command: "", args: [] }, parents: [] },
            // The MCP defaults Docker fills in for a tool that declares no annotations.
            { uid: { type: "MCP::Tool", id: tool }, attrs: { name: tool, readOnly: false, destructive: true, idempotent: false, openWorld: true }, parents: [{ type: "MCP::Server", id: "server" }] },
          ],
        };
  const answer = cedar.isAuthorized({ ...request, context: {}, policies: { staticPolicies } });
  if (answer.type === "failure") throw new Error(answer.errors.map((e) => e.message).join("\n"));
  if (answer.response.diagnostics.errors.length) throw new Error(JSON.stringify(answer.response.diagnostics.errors));
  return { decision: answer.response.decision, deciding: answer.response.diagnostics.reason.map((id) => staticPolicies[id]!) };
}
