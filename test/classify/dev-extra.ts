/**
 * The dev-extra labelled set: tools of catalog servers outside the
 * out-of-sample set, labelled by hand to shared/reference/classification.md
 * before any verdict was seen (labels committed on their own). All of it is
 * for tuning, like the dev half; the test half stays the only figure never
 * tuned on. Its first measurement, before any rule was fitted to it, is in
 * the README.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ToolDefinition } from "../../src/catalog/tool-definition-schema.ts";
import { categories, risks } from "../../src/classify/index.ts";
import type { Label } from "./out-of-sample.ts";

/** The tuning sets labelled after the out-of-sample set: dev-extra (18 servers), then dev-extra-2 (33 servers). */
export type DevExtraSet = "dev-extra" | "dev-extra-2";

export interface DevExtraRow {
  server: string;
  tool: ToolDefinition;
  label: Label;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${path.relative(process.cwd(), file)}: cannot read it as JSON`, { cause: error });
  }
}

export function devExtraRows(set: DevExtraSet = "dev-extra"): DevExtraRow[] {
  const root = path.join(import.meta.dirname, set);
  const rows: DevExtraRow[] = [];
  for (const file of readdirSync(path.join(root, "tools")).filter((f) => f.endsWith(".json")).sort()) {
    const tools = readJson(path.join(root, "tools", file)) as { server: string; tools: ToolDefinition[] };
    const labelFile = path.join(root, "labels", file);
    const labels = readJson(labelFile);
    if (!Array.isArray(labels)) throw new Error(`${labelFile}: expected a JSON array of labels`);
    tools.tools.forEach((tool, index) => {
      const label = labels[index] as Partial<Label> | undefined;
      const where = `${path.relative(process.cwd(), labelFile)}[${index}]`;
      if (label?.tool !== tool.name) throw new Error(`${where}.tool: expected "${tool.name}", the tool at the same place in tools/${file}`);
      if (!(categories as readonly unknown[]).includes(label.category)) throw new Error(`${where}.category: expected one of ${categories.join(", ")}`);
      if (!(risks as readonly unknown[]).includes(label.risk)) throw new Error(`${where}.risk: expected one of ${risks.join(", ")}`);
      if (typeof label.reason !== "string" || label.reason.trim() === "") throw new Error(`${where}.reason: expected a one-line reason`);
      rows.push({ server: tools.server, tool, label: label as Label });
    });
  }
  return rows;
}
