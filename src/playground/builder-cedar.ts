/**
 * Browser-safe: the builder's choices as Cedar for ToolHive and Docker,
 * written by the same renderer as the catalog's Cedar files. Each row says
 * the same as in the YAML (builder-policy.ts): its cap and spend cap are
 * passed on only where the YAML counts them, so the renderer lists them as
 * not enforced rather than dropping them.
 */
import { renderCedarDecisions, type CedarDecision, type CedarRendering, type CedarTarget } from "../policy/render-cedar.ts";
import { rowComment, type BuilderRow, type BuilderSettings } from "./builder-policy.ts";

function rowDecision(row: BuilderRow): CedarDecision {
  const comment = `${row.tool}: ${rowComment(row)}`;
  const counted = row.countable && (row.action === "rate_limit" || row.action === "require_approval");
  const caps = counted ? { limit: row.limit, ...(row.spendCap ? { spendCap: row.spendCap } : {}) } : {};
  switch (row.action) {
    case "allow":
      return { tool: row.tool, action: "allow", comment };
    case "rate_limit":
      return { tool: row.tool, action: "allow", comment, ...caps };
    case "require_approval":
      return { tool: row.tool, action: "require_approval", comment, ...caps };
    case "deny":
    case "hide":
      return { tool: row.tool, action: row.action, comment };
  }
}

export function builderCedar(rows: readonly BuilderRow[], settings: BuilderSettings, target: CedarTarget): CedarRendering {
  return renderCedarDecisions(rows.map(rowDecision), target, { default: settings.default, generatedFrom: "the choices made in the catalog's policy builder", ...(settings.globalLimit ? { globalLimit: settings.globalLimit } : {}) });
}
