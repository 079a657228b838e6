/**
 * The out-of-sample labelled set: real tools from npm servers that no rule
 * was written against, labelled by hand per shared/reference/classification.md
 * before the classifier was run on them (see out-of-sample/README.md).
 *
 * Servers are split by a fixed hash of their id into a dev half (rules may be
 * tuned on it) and a test half (reported, never tuned on).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ToolDefinition } from "../../src/catalog/tool-definition-schema.ts";
import { categories, risks, type Category, type Risk } from "../../src/classify/index.ts";

const root = path.join(import.meta.dirname, "out-of-sample");

export type Half = "dev" | "test";

export interface Label {
  tool: string;
  category: Category;
  risk: Risk;
  reason: string;
}

export interface OutOfSampleRow {
  server: string;
  /** The npm package and exact version the tools were listed from. */
  source: string;
  half: Half;
  tool: ToolDefinition;
  /** The label after adjudication (the first annotator's unless adjudication changed it). */
  label: Label;
}

/** FNV-1a, 32 bits: a fixed hash, so a server's half never depends on what else is in the set. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of new TextEncoder().encode(text)) {
    hash ^= char;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function halfOf(server: string): Half {
  return fnv1a(server) % 2 === 0 ? "dev" : "test";
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${path.relative(process.cwd(), file)}: cannot read it as JSON`, { cause: error });
  }
}

function readLabels(file: string): Label[] {
  const data = readJson(file);
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of labels`);
  return data.map((row: unknown, index) => {
    const label = row as Partial<Label>;
    if (typeof label.tool !== "string") throw new Error(`${file}[${index}].tool: expected the tool's name`);
    if (!(categories as readonly unknown[]).includes(label.category)) throw new Error(`${file}[${index}].category: expected one of ${categories.join(", ")}`);
    if (!(risks as readonly unknown[]).includes(label.risk)) throw new Error(`${file}[${index}].risk: expected one of ${risks.join(", ")}`);
    if (typeof label.reason !== "string" || label.reason.trim() === "") throw new Error(`${file}[${index}].reason: expected a one-line reason`);
    return label as Label;
  });
}

interface ToolFile {
  server: string;
  package: string;
  version: string;
  tools: ToolDefinition[];
}

export function serversInSet(): string[] {
  return readdirSync(path.join(root, "tools"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function readToolFile(server: string): ToolFile {
  return readJson(path.join(root, "tools", `${server}.json`)) as ToolFile;
}

/** One annotator's labels by server and tool name (servers the annotator did not label are absent). */
export function annotatorLabels(annotator: "annotator-1" | "annotator-2"): Map<string, Map<string, Label>> {
  const byServer = new Map<string, Map<string, Label>>();
  const dir = path.join(root, annotator);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const labels = readLabels(path.join(dir, file));
    byServer.set(file.slice(0, -5), new Map(labels.map((l) => [l.tool, l])));
  }
  return byServer;
}

export interface Adjudication {
  server: string;
  tool: string;
  category: Category;
  risk: Risk;
  /** Which point of the standard settled it. */
  why: string;
}

export function adjudications(): Adjudication[] {
  const file = path.join(root, "adjudication.json");
  try {
    readFileSync(file);
  } catch {
    return [];
  }
  return readJson(file) as Adjudication[];
}

/** Every labelled tool, with its half and its final label. */
export function outOfSampleRows(): OutOfSampleRow[] {
  const first = annotatorLabels("annotator-1");
  const decided = new Map(adjudications().map((a) => [`${a.server}/${a.tool}`, a]));
  const rows: OutOfSampleRow[] = [];
  for (const server of serversInSet()) {
    const file = readToolFile(server);
    const labels = first.get(server);
    if (!labels) throw new Error(`test/classify/out-of-sample/annotator-1/${server}.json: missing; every tool file needs its labels`);
    for (const tool of file.tools) {
      const label = labels.get(tool.name);
      if (!label) throw new Error(`test/classify/out-of-sample/annotator-1/${server}.json: no label for the tool "${tool.name}"`);
      const adjudicated = decided.get(`${server}/${tool.name}`);
      const final = adjudicated ? { tool: tool.name, category: adjudicated.category, risk: adjudicated.risk, reason: adjudicated.why } : label;
      rows.push({ server, source: `${file.package}@${file.version}`, half: halfOf(server), tool, label: final });
    }
  }
  return rows;
}
