/**
 * Browser-safe: everything the playground asks of the engine for one
 * version of the page, done in one pass (in a worker, so a huge or hostile
 * paste never freezes the tab). Calls are simulated only against a policy
 * the proxy would load.
 */
import { validatePolicy, type Finding, type Validation } from "../policy/index.ts";
import { simulateCalls, type TimelineEntry } from "./simulate-calls.ts";
import type { CallBatch } from "./url-state.ts";

export interface CheckRequest {
  /** Increases with every request; a reply to an older one is dropped. */
  id: number;
  text: string;
  /** The chosen server's tool names: entries naming others are warnings. */
  tools?: readonly string[];
  /** The chosen server's input schemas by tool name: `args.*` paths are checked against them. */
  toolSchemas?: Record<string, unknown>;
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

export function checkPolicy(request: CheckRequest, reuse?: Validation): CheckReply & { validation: Validation } {
  const started = performance.now();
  const validation = reuse ?? validatePolicy(request.text, {
      ...(request.tools ? { tools: request.tools } : {}),
      ...(request.toolSchemas ? { toolSchemas: request.toolSchemas } : {}),
    });
  const { policy } = validation;
  const policyTools = [...new Set([...Object.keys(policy.tools ?? {}), ...(policy.hide ?? [])])].filter((name) => name !== "*" && name !== "");
  const timeline = validation.valid ? simulateCalls(policy, request.batches) : undefined;
  for (const entry of timeline ?? []) {
    const line = entry.rule && validation.positions?.at(["tools", entry.rule.tool, "rules", entry.rule.index])?.line;
    if (line !== undefined) entry.ruleLine = line;
  }
  return {
    id: request.id,
    valid: validation.valid,
    findings: validation.findings,
    policyTools,
    ...(timeline ? { timeline } : {}),
    milliseconds: performance.now() - started,
    validation,
  };
}

/**
 * `checkPolicy` remembering the last validation: pressing "Call" changes
 * only the calls, so the text is not read again.
 */
export function createChecker(): (request: CheckRequest) => CheckReply {
  let last: { text: string; tools: string; validation: Validation } | undefined;
  return (request) => {
    const tools = request.tools ? request.tools.join("\u0000") : "\u0001none";
    const reuse = last && last.text === request.text && last.tools === tools ? last.validation : undefined;
    const { validation, ...reply } = checkPolicy(request, reuse);
    last = { text: request.text, tools, validation };
    return reply;
  };
}
