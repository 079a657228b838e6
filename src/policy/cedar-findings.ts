/**
 * Browser-safe: the Cedar engine's (cedar-wasm's) answer to `validate` as
 * the playground's findings, in the engine's own words and at its own
 * places. The engine counts places in UTF-8 bytes; the editor counts in
 * UTF-16 units, so offsets are converted (they differ after any non-ASCII
 * character). Typed structurally, so this module never loads the engine.
 */
import type { Finding } from "./findings.ts";
import { sortFindings } from "./findings.ts";
import type { CedarTarget } from "./render-cedar.ts";

/** The parts of cedar-wasm's `DetailedError` read here. */
export interface CedarDetailedError {
  message: string;
  help?: string | null;
  severity?: string | null;
  sourceLocations?: ReadonlyArray<{ start: number; end: number; label?: string | null }>;
}

/** cedar-wasm's `ValidationAnswer`, as far as it is read here. */
export type CedarValidationAnswer =
  | { type: "failure"; errors: readonly CedarDetailedError[]; warnings: readonly CedarDetailedError[] }
  | {
      type: "success";
      validationErrors: ReadonlyArray<{ policyId: string; error: CedarDetailedError }>;
      validationWarnings: ReadonlyArray<{ policyId: string; error: CedarDetailedError }>;
      otherWarnings: readonly CedarDetailedError[];
    };

export interface Position {
  line: number;
  column: number;
}

/**
 * 1-based line and UTF-16 column of each UTF-8 byte offset, in one pass
 * over the text (a paste with thousands of errors stays linear). An offset
 * inside a character or past the end lands on that character or the end.
 */
export function positionsOfByteOffsets(text: string, offsets: readonly number[]): Map<number, Position> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const found = new Map<number, Position>();
  let next = 0;
  let bytes = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length && next < wanted.length; ) {
    const code = text.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    while (next < wanted.length && wanted[next]! < bytes + size) found.set(wanted[next++]!, { line, column: i - lineStart + 1 });
    bytes += size;
    i += units;
    if (code === 0x0a) {
      line++;
      lineStart = i;
    }
  }
  for (; next < wanted.length; next++) found.set(wanted[next]!, { line, column: text.length - lineStart + 1 });
  return found;
}

/** The engine's message, with its label for the place and its hint, as it wrote them. */
function engineMessage(error: CedarDetailedError): string {
  const label = error.sourceLocations?.find((l) => l.label)?.label;
  return [error.message, label && `(${label})`, error.help && `Hint: ${error.help}`].filter(Boolean).join(" ");
}

/**
 * Findings for a policy text from the engine's validation answer. Parse
 * failures and validation errors are errors; the engine's warnings (an
 * impossible policy, a confusable name) stay warnings. `path` names the
 * policy as the engine does (`policy0` is the first in the text).
 */
export function cedarFindings(text: string, answer: CedarValidationAnswer): Finding[] {
  const raw: Array<{ severity: Finding["severity"]; policyId: string; error: CedarDetailedError }> =
    answer.type === "failure"
      ? [...answer.errors.map((error) => ({ severity: "error" as const, policyId: "", error })), ...answer.warnings.map((error) => ({ severity: "warning" as const, policyId: "", error }))]
      : [
          ...answer.validationErrors.map(({ policyId, error }) => ({ severity: "error" as const, policyId, error })),
          ...answer.validationWarnings.map(({ policyId, error }) => ({ severity: "warning" as const, policyId, error })),
          ...answer.otherWarnings.map((error) => ({ severity: "warning" as const, policyId: "", error })),
        ];
  const positions = positionsOfByteOffsets(text, raw.flatMap((r) => (r.error.sourceLocations?.[0] ? [r.error.sourceLocations[0].start] : [])));
  return sortFindings(
    raw.map(({ severity, policyId, error }) => {
      const start = error.sourceLocations?.[0]?.start;
      const place = start === undefined ? undefined : positions.get(start);
      return { severity, path: policyId, message: engineMessage(error), ...(place ? { line: place.line, column: place.column } : {}) };
    }),
  );
}

/** Outside `//` comments and string literals, which may mention either target freely. */
function codeOnly(text: string): string {
  return text.replace(/"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*/g, (token) => (token.startsWith('"') ? '""' : ""));
}

/**
 * The target a Cedar policy is written for, read from the names it uses:
 * Docker's are in the `MCP` namespace; ToolHive's (`Action::"call_tool"`,
 * `Tool::`, `Client::`, `THVGroup::`) are not. Undefined when the text
 * names neither, or both.
 */
export function detectCedarTarget(text: string): CedarTarget | undefined {
  const code = codeOnly(text);
  const docker = /\bMCP::/.test(code);
  // Entity types outside any namespace: every Docker name is `MCP::…`.
  const toolhive = /(?<!::)\b(?:Action|Tool|Client|THVGroup|Prompt|Resource)::/.test(code);
  if (docker === toolhive) return undefined;
  return docker ? "docker" : "toolhive";
}
