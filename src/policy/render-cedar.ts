import type { RuleRecommendation } from "./recommend-rule.ts";
import { formatRateLimit, type RateLimit } from "./rate-limit.ts";
import { globalLimitRow } from "./recommendation-table.ts";
import { cedarComment, cedarString } from "./cedar-text.ts";
import { yamlString } from "./yaml-writer.ts";

/** The gateways that enforce Cedar, besides Intercept's own YAML. */
export const cedarTargets = ["toolhive", "docker"] as const;
export type CedarTarget = (typeof cedarTargets)[number];

export interface CedarOptions {
  /** `allow`: tools not named run (a catch-all permit, as Intercept's `default: allow`); `deny` (default): only the named tools run. */
  default?: "allow" | "deny";
  /** A cap on all calls together (`true`: the recommendation table's): stated as not expressible. */
  globalLimit?: boolean | RateLimit;
  /** What the file's first comment says it was generated from. */
  generatedFrom?: string;
}

/**
 * One tool's decision as Cedar needs it: a recommendation, or what a person
 * chose instead in the builder. `comment` is the file's comment above it.
 */
export type CedarDecision = Pick<RuleRecommendation, "tool" | "action" | "limit" | "spendCap"> & { comment: string };

export interface CedarRendering {
  /** The file to deploy: ToolHive's authorizer config (YAML), or Docker's Cedar policy text. */
  file: string;
  /** The Cedar policies alone, for the engine's parser and validator. */
  policies: string;
  /** What the recommendation asks for that this target cannot enforce, one sentence each; also comments in `file`. */
  unexpressed: string[];
}

interface Statement {
  comment: string;
  text: string;
}

const actionOf: Record<CedarTarget, string> = { toolhive: 'Action::"call_tool"', docker: 'MCP::Action::"invokeTool"' };
const engineName: Record<CedarTarget, string> = { toolhive: "ToolHive", docker: "Docker's MCP gateway" };

/**
 * One server's (or one tool's) recommendations as Cedar for a target. The
 * decisions come from the same `RuleRecommendation`s as the Intercept YAML;
 * what a target cannot do (counting calls, and in ToolHive holding a call
 * for a person) is listed and commented, never turned into something that
 * looks enforced.
 */
export function renderCedar(recommendations: readonly RuleRecommendation[], target: CedarTarget, options: CedarOptions = {}): CedarRendering {
  const decisions = recommendations.map((r) => ({ ...r, comment: `${r.tool}: ${r.category}, ${r.risk} risk. ${r.why}` }));
  return renderCedarDecisions(decisions, target, options);
}

/** `renderCedar` for decisions that carry their own comments (the builder's rows). */
export function renderCedarDecisions(decisions: readonly CedarDecision[], target: CedarTarget, options: CedarOptions = {}): CedarRendering {
  const statements: Statement[] = [];
  const unexpressed: string[] = [];
  if (options.default === "allow") {
    statements.push({ comment: "Tools not named below run (the recommendation's default: allow).", text: `@id("default allow")\npermit (principal, action == ${actionOf[target]}, resource);` });
  }
  for (const decision of decisions) {
    statements.push(...toolStatements(decision, target, options, unexpressed));
  }
  if (options.globalLimit) {
    const cap = options.globalLimit === true ? globalLimitRow.limit : options.globalLimit;
    unexpressed.push(`The cap on all calls together (${formatRateLimit(cap)}) is not enforced: Cedar decides each call alone and ${engineName[target]} keeps no counters.`);
  }
  const policies = statements.map((s) => `// ${cedarComment(s.comment)}\n${s.text}`).join("\n\n");
  const notes = unexpressed.map((line) => `Not expressed: ${cedarComment(line)}`);
  const source = options.generatedFrom ?? "the catalog's recommendation table";
  return { file: target === "toolhive" ? toolhiveConfig(statements, notes, source) : dockerFile(policies, notes, source), policies: `${policies}\n`, unexpressed };
}

function toolStatements(recommendation: CedarDecision, target: CedarTarget, options: CedarOptions, unexpressed: string[]): Statement[] {
  const tool = recommendation.tool;
  const id = (kind: string) => `@id(${cedarString(`${kind} ${tool}`)})`;
  const scope = target === "toolhive" ? `resource == Tool::${cedarString(tool)}` : "resource";
  const when = target === "toolhive" ? "" : ` when { resource.name == ${cedarString(tool)} }`;
  const head = (effect: "permit" | "forbid") => `${effect} (principal, action == ${actionOf[target]}, ${scope})${when};`;
  const why = recommendation.comment;
  const counted = recommendation.action === "allow" || recommendation.action === "require_approval";
  if (counted && recommendation.limit) {
    unexpressed.push(`${tool}: the cap of ${formatRateLimit(recommendation.limit)} is not enforced: ${engineName[target]} has no rate limits.`);
  }
  if (counted && recommendation.spendCap) {
    const cap = recommendation.spendCap;
    unexpressed.push(`${tool}: the cap of ${cap.amount} on the sum of ${cap.parameter} per ${cap.window} is not enforced: Cedar sees one call at a time and keeps no totals.`);
  }
  switch (recommendation.action) {
    case "allow":
      // Under a catch-all permit, a second permit would add nothing but noise.
      return options.default === "allow" ? [] : [{ comment: why, text: `${id("allow")}\n${head("permit")}` }];
    case "require_approval":
      if (target === "docker") {
        const reason = cedarString(`A person approves each call to ${tool}.`);
        return [{ comment: why, text: `${id("approval")}\n@requireApproval(${reason})\n${head("permit")}` }];
      }
      unexpressed.push(`${tool}: ToolHive cannot hold a call for a person to approve, so the tool is forbidden here; remove the forbid only if it may run unapproved.`);
      return [{ comment: `${why} ToolHive has no approval step: forbidden instead.`, text: `${id("no approval step")}\n${head("forbid")}` }];
    case "deny":
      return [{ comment: why, text: `${id("deny")}\n${head("forbid")}` }];
    case "hide":
      unexpressed.push(
        target === "toolhive"
          ? `${tool}: hiding becomes a forbid; ToolHive's list filtering then leaves the tool out of tools/list too.`
          : `${tool}: hiding becomes a forbid; Docker's gateway does not filter tools/list by policy, so the model still reads the tool's description.`,
      );
      return [{ comment: why, text: `${id("hidden")}\n${head("forbid")}` }];
  }
}

/** ToolHive's authorizer config: `{version, type: cedarv1, cedar: {policies, entities_json}}`, one policy per list item. */
function toolhiveConfig(statements: readonly Statement[], notes: readonly string[], source: string): string {
  const lines = [`# ToolHive Cedar authorization config (generated from ${cedarComment(source)}).`, ...notes.map((n) => `# ${n}`), 'version: "1.0"', "type: cedarv1", "cedar:"];
  if (statements.length === 0) lines.push("  policies: []");
  else {
    lines.push("  policies:");
    // One line per policy: a YAML reader gets back exactly the text the engine validated.
    for (const statement of statements) lines.push(`    # ${cedarComment(statement.comment)}`, `    - ${yamlString(statement.text.replace(/\n/g, " "))}`);
  }
  lines.push('  entities_json: "[]"');
  return `${lines.join("\n")}\n`;
}

function dockerFile(policies: string, notes: readonly string[], source: string): string {
  const lines = [`// Docker MCP gateway policy (Cedar, MCP namespace), generated from ${cedarComment(source)}.`, ...notes.map((n) => `// ${n}`)];
  return `${lines.join("\n")}\n\n${policies}\n`;
}
