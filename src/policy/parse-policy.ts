import { LineCounter, parseAllDocuments, type Document } from "yaml";
import type { ZodTypeAny } from "zod";
import { describeIssue } from "../catalog/friendly-errors.ts";
import { formatPath, sortFindings, type Finding, type PolicyPath } from "./findings.ts";
import {
  conditionSchema,
  policySchema,
  ruleSchema,
  stateBlockSchema,
  toolPolicySchema,
  type Policy,
} from "./policy-schema.ts";
import { checkRawText } from "./yaml-limits.ts";
import { setOwn } from "./own-property.ts";
import { yamlToData, type Position, type Positions } from "./yaml-to-data.ts";
import { findUnclosed } from "./yaml-unclosed.ts";

export interface ParsedPolicy {
  /** The policy as written (rate limits not expanded); parts of the wrong shape are left out. */
  policy: Policy;
  /** The first document as plain data, strings where the proxy reads strings; for checks beyond the shape. */
  data: unknown;
  /** Problems reading the text (YAML syntax, duplicate keys, limits) and values of the wrong type. */
  findings: Finding[];
  /** Line and column of values and keys, when the policy came from text. */
  positions?: Positions;
  /** Paths (as `JSON.stringify(path)`) left out of `policy` because of their shape. */
  broken: ReadonlySet<string>;
}

const noPositions: Positions = { at: () => undefined };

/**
 * Reads a policy file the way the proxy does (first document only,
 * `version: 1` as the text "1") without ever throwing: every problem is a
 * finding with a line and column.
 */
export function parsePolicy(text: string): ParsedPolicy {
  const lineCounter = new LineCounter();
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const failed = (offset: number, message: string, ownLimit?: true): ParsedPolicy => {
    if (lineCounter.lineStarts.length === 0) indexLines(text, lineCounter);
    return { policy: {}, data: undefined, findings: [{ severity: "error", path: "", ...toPosition(offset), message, ...(ownLimit ? { ownLimit } : {}) }], broken: new Set() };
  };

  if (typeof text !== "string") return { policy: {}, data: undefined, findings: [fileError("expected the policy as text")], broken: new Set() };
  const rawProblem = checkRawText(text);
  if (rawProblem) return failed(rawProblem.offset, rawProblem.message, rawProblem.ownLimit);

  let docs: Document.Parsed[];
  try {
    // Duplicate keys are found by yamlToData, in one pass (see there).
    const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    return failed(0, `could not read the YAML: ${(error as Error).message}`);
  }

  const findings: Finding[] = [];
  const first = docs[0];
  if (first) {
    const openings = first.errors.some((error) => unclosedOpener(error.message)) ? findUnclosed(text) : [];
    for (const error of first.errors) {
      const opener = unclosedOpener(error.message);
      const opening = opener ? openings.find((o) => o.opener === opener) : undefined;
      if (opening) openings.splice(openings.indexOf(opening), 1);
      const message = opening ? unclosedMessage(opener!) : yamlMessage(error.message);
      findings.push({ severity: "error", path: "", ...toPosition(opening ? opening.offset : error.pos[0]), message });
    }
    for (const warning of first.warnings) {
      findings.push({ severity: "warning", path: "", ...toPosition(warning.pos[0]), message: yamlMessage(warning.message) });
    }
  }
  const second = docs[1];
  if (second) {
    findings.push({
      severity: "warning",
      path: "",
      ...toPosition(second.range[0]),
      message: `only the first YAML document is read; the proxy ignores the ${docs.length - 1} after it`,
    });
  }
  if (findings.some((f) => f.severity === "error") || !first) {
    return { policy: {}, data: first ? undefined : {}, findings: sortFindings(findings), broken: new Set() };
  }

  const converted = yamlToData(first, toPosition);
  if (converted.problem || converted.duplicateKeys.length > 0) {
    for (const { offset, key } of converted.duplicateKeys) findings.push({ severity: "error", path: "", ...toPosition(offset), message: duplicateKeyMessage(key) });
    const { problem } = converted;
    if (problem) findings.push({ severity: "error", path: "", ...toPosition(problem.offset), message: problem.message, ...(problem.ownLimit ? { ownLimit: problem.ownLimit } : {}) });
    return { policy: {}, data: undefined, findings: sortFindings(findings), broken: new Set() };
  }
  const shaped = shapePolicy(converted.data ?? {}, converted.positions);
  return { ...shaped, findings: sortFindings([...findings, ...shaped.findings]), positions: converted.positions };
}

/**
 * Checks plain data against the schema piece by piece, so one field of the
 * wrong type is reported and left out while everything else is kept and
 * can still be validated. Used for text and for already parsed objects.
 */
export function shapePolicy(data: unknown, positions: Positions = noPositions): ParsedPolicy {
  const findings: Finding[] = [];
  const broken = new Set<string>();
  const report = (path: PolicyPath, message: string) => {
    broken.add(JSON.stringify(path));
    findings.push({ severity: "error", path: formatPath(path), ...positions.at(path), message });
  };

  const fields = (schema: { shape: Record<string, ZodTypeAny> }, raw: unknown, path: PolicyPath, nested: Record<string, (value: unknown, path: PolicyPath) => unknown> = {}) => {
    if (!isPlainObject(raw)) {
      report(path, `expected a map of ${Object.keys(schema.shape).join(", ")}, got ${describe(raw)}`);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const [key, fieldSchema] of Object.entries(schema.shape)) {
      if (!Object.hasOwn(raw, key) || raw[key] === undefined) continue;
      const fieldPath = [...path, key];
      const custom = nested[key];
      if (custom) {
        const value = custom(raw[key], fieldPath);
        if (value !== undefined) out[key] = value;
        continue;
      }
      const result = fieldSchema.safeParse(raw[key]);
      if (result.success) out[key] = result.data;
      else for (const issue of result.error.issues) report([...fieldPath, ...issue.path], describeIssue(issue));
    }
    return out;
  };

  const list = (raw: unknown, path: PolicyPath, element: (value: unknown, path: PolicyPath) => unknown) => {
    if (!Array.isArray(raw)) {
      report(path, `expected a list, got ${describe(raw)}`);
      return undefined;
    }
    return raw.map((item, index) => element(item, [...path, index]) ?? {});
  };

  const condition = (raw: unknown, path: PolicyPath) => fields(conditionSchema, raw, path);
  const state = (raw: unknown, path: PolicyPath) => fields(stateBlockSchema, raw, path);
  const rule = (raw: unknown, path: PolicyPath) =>
    fields(ruleSchema, raw, path, {
      conditions: (value, p) => list(value, p, condition),
      state,
    });
  const tool = (raw: unknown, path: PolicyPath) =>
    fields(toolPolicySchema, raw, path, { rules: (value, p) => list(value, p, rule) });
  const tools = (raw: unknown, path: PolicyPath) => {
    if (!isPlainObject(raw)) {
      report(path, `expected a map from tool names to their rules, got ${describe(raw)}`);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(raw)) setOwn(out, name, tool(value, [...path, name]) ?? {});
    return out;
  };

  const policy = (fields(policySchema, data, [], { tools }) ?? {}) as Policy;
  return { policy, data, findings, positions, broken };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `${typeof value} ${JSON.stringify(value)}`;
}

function fileError(message: string): Finding {
  return { severity: "error", path: "", message };
}

/** The yaml package's messages end with "at line L, column C"; the finding carries the place already. */
function yamlMessage(message: string): string {
  return `YAML syntax: ${message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").trim()}`;
}

/** The opener of a quote or flow collection the yaml package says is never closed. */
function unclosedOpener(message: string): string | undefined {
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) return quote[1];
  if (/^Flow sequence .*end with a \]/.test(message)) return "[";
  if (/^Flow map .*end with a \}/.test(message)) return "{";
  return undefined;
}

function unclosedMessage(opener: string): string {
  if (opener === "[" || opener === "{") {
    const closer = opener === "[" ? "]" : "}";
    return `YAML syntax: this ${opener} is never closed; add ${closer} before the next key (or indent the lines that continue it)`;
  }
  return `YAML syntax: this ${opener} quote is never closed, so the text runs on to the end of the file; add the closing ${opener}`;
}

function duplicateKeyMessage(key: string): string {
  const shown = key === "" || key.length > 60 || /[\s"]/.test(key) ? JSON.stringify(key.length > 60 ? `${key.slice(0, 59)}…` : key) : key;
  return `duplicate key ${shown} in this map; each key may appear once (the proxy refuses the file)`;
}

function indexLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1 && i < text.length; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
}
