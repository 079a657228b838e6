import { risks } from "../classify/verdict-schema.ts";
import type { ChangedTool, ServerDiff } from "./catalog-diff.ts";

export type FailedServer = { id: string; code: string; message: string };

/** Severity groups, most serious first; a tool is listed in the first group it belongs to. */
const groups = [
  { title: "Risk raised", test: (t: ChangedTool) => riskRank(t.riskAfter) > riskRank(t.riskBefore) },
  { title: "New hidden-instruction flags", test: (t: ChangedTool) => t.change.fields.some((f) => f.field === "flags" && f.change === "added" && (f.after ?? "").includes("hidden-instructions")) },
  { title: "Changed without a version bump", test: (t: ChangedTool) => t.change.withoutVersionBump },
  { title: "Definition changes", test: (t: ChangedTool) => t.change.fields.some((f) => !isCosmetic(f.field)) || t.change.kind === "reappeared" },
  { title: "Description and title edits", test: () => true },
] as const;

function riskRank(risk: string | undefined): number {
  return risk === undefined ? -1 : (risks as readonly string[]).indexOf(risk);
}

function isCosmetic(field: string): boolean {
  return field === "description" || field === "title";
}

/** Whether the crawl found anything that differs from the committed catalog. */
export function catalogDiffers(diffs: readonly ServerDiff[]): boolean {
  return diffs.some((d) => d.status !== "unchanged");
}

/** Markdown for a pull-request body: a summary line, servers added/removed/failed, tool changes by severity. */
export function renderChangeReport(diffs: readonly ServerDiff[], failed: readonly FailedServer[]): string {
  const added = diffs.filter((d) => d.status === "added");
  const removed = diffs.filter((d) => d.status === "removed");
  const changedTools = diffs.flatMap((d) => d.changedTools.map((t) => ({ server: d.id, ...t })));
  const addedTools = diffs.filter((d) => d.status !== "added").flatMap((d) => d.addedTools.map((name) => ({ server: d.id, name })));
  const removedTools = diffs.filter((d) => d.status !== "removed").flatMap((d) => d.removedTools.map((name) => ({ server: d.id, name })));
  const otherFiles = diffs.filter((d) => d.status === "changed" && d.changedTools.length + d.addedTools.length + d.removedTools.length === 0);

  const lines: string[] = ["# Catalog changes", ""];
  const summary = [
    `${diffs.length} servers compared`,
    `${added.length} added`,
    `${removed.length} removed`,
    `${failed.length} failed`,
    `${changedTools.length} tools changed`,
    `${addedTools.length} tools added`,
    `${removedTools.length} tools removed`,
  ];
  lines.push(catalogDiffers(diffs) ? `**${summary.join(", ")}.**` : `**No changes** (${summary.join(", ")}).`, "");

  if (added.length + removed.length + failed.length > 0) {
    lines.push("## Servers", "", "| server | what happened |", "|---|---|");
    for (const d of added) lines.push(`| ${cell(d.id)} | added, ${d.addedTools.length} tools |`);
    for (const d of removed) lines.push(`| ${cell(d.id)} | removed (its definition is gone), ${d.removedTools.length} tools |`);
    for (const f of failed) lines.push(`| ${cell(f.id)} | failed: ${cell(f.code)}, ${cell(f.message)} (previous entry kept) |`);
    lines.push("");
  }

  const remaining = [...changedTools];
  for (const group of groups) {
    const inGroup = remaining.filter((t) => group.test(t));
    if (inGroup.length === 0) continue;
    for (const t of inGroup) remaining.splice(remaining.indexOf(t), 1);
    lines.push(`## ${group.title} (${inGroup.length})`, "");
    for (const t of inGroup) {
      const version = t.change.serverVersion;
      const versionNote = t.change.withoutVersionBump ? `server version still ${version.after}` : `server version ${version.before ?? "?"} → ${version.after ?? "?"}`;
      lines.push(`### \`${code(t.server)}\` / \`${code(t.name)}\` (${t.change.kind}, ${versionNote})`, "");
      if (t.change.fields.length > 0) lines.push("| field | change | before | after |", "|---|---|---|---|");
      for (const f of t.change.fields) lines.push(`| ${cell(f.field)} | ${f.change} | ${cell(f.before ?? "")} | ${cell(f.after ?? "")} |`);
      lines.push("");
    }
  }
  if (addedTools.length > 0) lines.push(`## Tools added (${addedTools.length})`, "", ...addedTools.map((t) => `- \`${code(t.server)}\` / \`${code(t.name)}\``), "");
  if (removedTools.length > 0) lines.push(`## Tools removed (${removedTools.length})`, "", ...removedTools.map((t) => `- \`${code(t.server)}\` / \`${code(t.name)}\``), "");
  if (otherFiles.length > 0) {
    lines.push("## Other file changes", "", "Verdicts or server metadata moved without a tool definition changing:", "", ...otherFiles.map((d) => `- \`${code(d.id)}\``), "");
  }
  return lines.join("\n").trimEnd() + "\n";
}

/** Server-supplied text inside a Markdown table cell: no pipes, no newlines, no HTML. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).slice(0, 200);
}

/** Server-supplied text inside inline code: backticks would end it early. */
function code(text: string): string {
  return text.replace(/\s+/g, " ").replace(/`/g, "'").slice(0, 120);
}
