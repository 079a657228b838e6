/**
 * Browser-safe: ToolHive's authorizer config (`type: cedarv1`, Cedar
 * policies as a YAML list under `cedar.policies`), as the site writes it
 * and people paste it. The policies are read out for the Cedar engine, and
 * each keeps a map from its text back to the config, so an error the engine
 * finds inside a policy is shown at its place in the file.
 */
import { isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from "yaml";
import type { Finding } from "./findings.ts";
import { cedarFindings, type CedarValidationAnswer, type Position } from "./cedar-findings.ts";

export interface ConfigPolicy {
  text: string;
  /** Where the list item starts in the config. */
  start: Position;
  /** The config's position of each UTF-16 unit of `text` (and one past its end), when the scalar's form allows an exact map. */
  places?: Position[];
}

export type ToolhiveConfig = { policies: ConfigPolicy[]; findings: Finding[] };

/** A config is recognised by its `type: cedarv1` line; Cedar text never has one. */
export function looksLikeToolhiveConfig(text: string): boolean {
  return /^type:[ \t]*["']?cedarv1["']?[ \t]*(?:#.*)?$/m.test(text);
}

export function readToolhiveConfig(text: string): ToolhiveConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const findings: Finding[] = doc.errors.map((error) => ({ severity: "error", path: "", message: `YAML: ${error.message.split("\n")[0]}`, ...at(error.pos[0]) }));
  if (findings.length) return { policies: [], findings };
  const list = doc.getIn(["cedar", "policies"], true) as Node | undefined;
  if (!isSeq(list)) return { policies: [], findings: [{ severity: "error", path: "cedar.policies", message: "A ToolHive config lists its Cedar policies under cedar.policies; none were found." }] };
  const policies: ConfigPolicy[] = [];
  list.items.forEach((item, index) => {
    if (!isScalar(item) || typeof item.value !== "string" || !item.range) {
      findings.push({ severity: "error", path: `cedar.policies[${index}]`, message: "Each item of cedar.policies must be a string holding Cedar policy text.", ...(item && (item as Node).range ? at((item as Node).range![0]) : {}) });
      return;
    }
    const offsets = sourceOffsets(text, item as Scalar<string>);
    policies.push({ text: item.value, start: at(item.range[0]), ...(offsets ? { places: offsets.map(at) } : {}) });
  });
  return { policies, findings };
}

/**
 * For each UTF-16 unit of a string scalar's value, its offset in the
 * source: exact for single-line plain and quoted scalars (escapes included)
 * and for `|` blocks; undefined for folded forms, which are placed at the item.
 */
function sourceOffsets(source: string, scalar: Scalar<string>): number[] | undefined {
  const [start, end] = scalar.range!;
  const raw = source.slice(start, end);
  const value = scalar.value;
  const out: number[] = [];
  if (scalar.type === Scalar.PLAIN && !raw.includes("\n") && raw === value) {
    for (let i = 0; i <= value.length; i++) out.push(start + i);
    return out;
  }
  if ((scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE) && !raw.includes("\n")) {
    const double = scalar.type === Scalar.QUOTE_DOUBLE;
    let i = 1;
    while (i < raw.length - 1) {
      const from = start + i;
      let width = 1;
      let units = 1;
      if (double && raw[i] === "\\") {
        const kind = raw[i + 1];
        width = kind === "x" ? 4 : kind === "u" ? 6 : kind === "U" ? 10 : 2;
        if (kind === "U") units = Number.parseInt(raw.slice(i + 2, i + 10), 16) > 0xffff ? 2 : 1;
      } else if (!double && raw[i] === "'" && raw[i + 1] === "'") width = 2;
      for (let u = 0; u < units; u++) out.push(from);
      i += width;
    }
    out.push(start + raw.length - 1);
    return out.length === value.length + 1 ? out : undefined;
  }
  if (scalar.type === Scalar.BLOCK_LITERAL) {
    // Content starts on the line after the `|` header, each line under the block's indentation.
    let offset = source.indexOf("\n", start) + 1;
    if (offset === 0) return undefined;
    const indent = /^ */.exec(source.slice(offset))![0].length;
    offset += indent;
    for (let i = 0; i < value.length; i++) {
      out.push(offset);
      if (value[i] === "\n") {
        const next = source.indexOf("\n", offset);
        offset = next === -1 ? source.length : next + 1;
        // A blank line may be shorter than the indentation.
        const spaces = /^ */.exec(source.slice(offset))![0].length;
        offset += Math.min(spaces, indent);
      } else offset++;
    }
    out.push(offset);
    return out;
  }
  return undefined;
}

/** The policies as one Cedar text, for the engine (policy N of the text is item N of the list). */
export function configPolicyText(config: ToolhiveConfig): string {
  return config.policies.map((p) => p.text).join("\n");
}

/** The engine's findings on `configPolicyText(config)`, placed in the config: exactly where the item's form allows, else at the item. */
export function configFindings(config: ToolhiveConfig, answer: CedarValidationAnswer): Finding[] {
  const joined = configPolicyText(config);
  const starts: number[] = [];
  let offset = 0;
  for (const policy of config.policies) {
    starts.push(offset);
    offset += policy.text.length + 1;
  }
  const lineStarts = [0];
  for (let i = joined.indexOf("\n"); i !== -1; i = joined.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return cedarFindings(joined, answer).map((finding) => {
    if (finding.line === undefined) return finding;
    const at = (lineStarts[finding.line - 1] ?? joined.length) + (finding.column ?? 1) - 1;
    let index = starts.length - 1;
    while (index > 0 && starts[index]! > at) index--;
    const policy = config.policies[index];
    if (!policy) return finding;
    const place = policy.places?.[Math.min(at - starts[index]!, policy.text.length)] ?? policy.start;
    return { ...finding, path: `cedar.policies[${index}]`, line: place.line, column: place.column };
  });
}
