/**
 * Browser-safe: everything the playground asks of the engine for one
 * version of the page, done in one pass (in a worker, so a huge or hostile
 * paste never freezes the tab). Calls are simulated only against a policy
 * the proxy would load.
 */
import { validatePolicy, type Finding } from "../policy/index.ts";
import { simulateCalls, type TimelineEntry } from "./simulate-calls.ts";
import type { CallBatch } from "./url-state.ts";

export interface CheckRequest {
  /** Increases with every request; a reply to an older one is dropped. */
  id: number;
  text: string;
  /** The chosen server's tool names: entries naming others are warnings. */
  tools?: readonly string[];
  batches: readonly CallBatch[];
}

export interface CheckReply {
  id: number;
  valid: boolean;
  findings: Finding[];
  /** Keys of `tools` and entries of `hide`, for the simulator's tool picker. */
  policyTools: string[];
  /** Absent when the policy has errors (the proxy would not start). */
  timeline?: TimelineEntry[];
  milliseconds: number;
}

export function checkPolicy(request: CheckRequest): CheckReply {
  const started = performance.now();
  const validation = validatePolicy(request.text, request.tools ? { tools: request.tools } : {});
  const { policy } = validation;
  const policyTools = [...new Set([...Object.keys(policy.tools ?? {}), ...(policy.hide ?? [])])].filter((name) => name !== "*" && name !== "");
  const timeline = validation.valid ? simulateCalls(policy, request.batches) : undefined;
  return {
    id: request.id,
    valid: validation.valid,
    findings: validation.findings,
    policyTools,
    ...(timeline ? { timeline } : {}),
    milliseconds: performance.now() - started,
  };
}
