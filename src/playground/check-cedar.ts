/**
 * Browser-safe: one check of a pasted Cedar policy by the real engine,
 * against the chosen (or detected) target's schema from the repository.
 * The engine is passed in, so the same code runs in the Cedar worker and
 * in Node tests with cedar-wasm's Node build.
 */
import { cedarFindings, detectCedarTarget, type CedarValidationAnswer } from "../policy/cedar-findings.ts";
import type { Finding } from "../policy/findings.ts";
import type { CedarTarget } from "../policy/render-cedar.ts";
import { configFindings, configPolicyText, looksLikeToolhiveConfig, readToolhiveConfig } from "../policy/toolhive-config.ts";
import type { CedarTargetChoice } from "./url-state.ts";
import dockerSchema from "../policy/cedar-schemas/docker.cedarschema?raw";
import toolhiveSchema from "../policy/cedar-schemas/toolhive.cedarschema?raw";

export const cedarSchemas: Record<CedarTarget, string> = { toolhive: toolhiveSchema, docker: dockerSchema };


export interface CedarCheckRequest {
  /** Increases with every request; a reply to an older one is dropped. */
  id: number;
  text: string;
  target: CedarTargetChoice;
}

export interface CedarCheckReply {
  id: number;
  /** The schema the text was validated against. */
  target: CedarTarget;
  /** How the target was settled: the user's choice, read from the text, or ToolHive because the text named neither. */
  targetFrom: "chosen" | "detected" | "assumed";
  /** The text was a ToolHive config file; its `cedar.policies` were checked. */
  config: boolean;
  valid: boolean;
  findings: Finding[];
  milliseconds: number;
}

/** The one engine function used; cedar-wasm's web and Node builds both have it. */
export interface CedarValidator {
  validate(call: { schema: string; policies: { staticPolicies: string }; validationSettings: { mode: "strict" } }): CedarValidationAnswer;
}

export function checkCedar(engine: CedarValidator, request: CedarCheckRequest): CedarCheckReply {
  const started = performance.now();
  const config = looksLikeToolhiveConfig(request.text) ? readToolhiveConfig(request.text) : undefined;
  const policies = config ? configPolicyText(config) : request.text;
  // A ToolHive config names its target by its form, whatever its policies hold.
  const detected = request.target !== "detect" ? undefined : config ? "toolhive" : detectCedarTarget(policies);
  const target = request.target === "detect" ? (detected ?? "toolhive") : request.target;
  const answer = engine.validate({ schema: cedarSchemas[target], policies: { staticPolicies: policies }, validationSettings: { mode: "strict" } });
  const findings = config ? [...config.findings, ...configFindings(config, answer)] : cedarFindings(policies, answer);
  // The engine accepts an empty policy set; a gateway given one denies every call.
  if (answer.type === "success" && !findings.length && !/\b(?:permit|forbid)\b/.test(policies)) {
    findings.unshift({ severity: "warning", path: "", message: "No permit or forbid policy here: Cedar denies every call when no policy permits it." });
  }
  return {
    id: request.id,
    target,
    targetFrom: request.target !== "detect" ? "chosen" : detected ? "detected" : "assumed",
    config: config !== undefined,
    valid: !findings.some((f) => f.severity === "error"),
    findings,
    milliseconds: performance.now() - started,
  };
}
