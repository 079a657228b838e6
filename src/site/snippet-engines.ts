/**
 * A tool page's policy snippets under a gateway switch: Intercept's five
 * files, and the recommended decision as Cedar for ToolHive and Docker's MCP
 * gateway. All three are in the HTML; radio buttons and CSS (site.css,
 * `.engines`) show one, so reading needs no JavaScript, and a browser
 * without `:has()` shows all three in turn. With JavaScript, the choice
 * carries over to the next page (components/client/engine-switch.ts).
 */
import { cedarTargets, type CedarTarget, type PolicySnippet, type RuleRecommendation } from "../policy/index.ts";
import { html, type SafeHtml } from "./html.ts";
import { policyBlockHtml } from "./markup.ts";
import { snippetPlaygroundPath } from "./playground-link.ts";
import { toolCedarSnippet } from "./snippet-shapes.ts";
import { cedarFileName, cedarFilePath } from "./urls.ts";

export const engines = ["intercept", ...cedarTargets] as const;
export type Engine = (typeof engines)[number];

export const engineLabels: Record<Engine, string> = { intercept: "Intercept", toolhive: "ToolHive", docker: "Docker MCP gateway" };

const placement: Record<CedarTarget, string> = {
  toolhive: "Add the policy to cedar.policies in ToolHive's authorization config.",
  docker: "Add the statement to your organisation's MCP policy.",
};

export interface SnippetContext {
  server: string;
  /** The tool page's slug: each snippet's playground link reads the snippet from that page. */
  slug: string;
}

export function snippetEnginesHtml(snippets: readonly PolicySnippet[], recommendation: RuleRecommendation, context: SnippetContext): SafeHtml | undefined {
  const recommended = snippets.find((s) => s.recommended);
  if (!recommended) return undefined;
  return html`<section><h2>Policy snippets</h2>
<p>The recommended decision is <strong>${recommended.title}</strong>; every number comes from the <a href="/methodology/#recommendations">recommendation table</a>. Choose the gateway that enforces it (<a href="/methodology/#gateways">what each can express</a>).</p>
<engine-switch class="engines"><fieldset class="engine-choice"><legend>Gateway</legend>${engines.map(
    (engine) => html`<input type="radio" name="engine" id="engine-${engine}" value="${engine}"${engine === "intercept" && html` checked`}><label for="engine-${engine}">${engineLabels[engine]}</label>`,
  )}</fieldset>
<div class="engine-panel" data-engine="intercept"><h3 class="visually-hidden">Intercept</h3><p>Each snippet is a complete policy file for the Intercept proxy, and opens in the playground with a call of this tool ready to simulate.</p>
${snippets.map(
  (snippet) =>
    html`<div class="${snippet.recommended ? "snippet recommended" : "snippet"}"><h4>${snippet.title}${snippet.recommended && " (recommended)"}</h4><p>When to use: ${snippet.whenToUse}</p>
${policyBlockHtml({ id: `snippet-${snippet.variant}`, yaml: snippet.yaml, variant: snippet.variant, playground: { href: snippetPlaygroundPath({ ...context, variant: snippet.variant }), label: `Try “${snippet.title}” in the playground` } })}</div>`,
)}</div>${cedarTargets.map((target) => cedarPanelHtml(target, recommendation, context.server))}</engine-switch></section>`;
}

/** Only the recommended decision: each other one maps the same way (methodology, #gateways), and the server's file holds every tool. */
function cedarPanelHtml(target: CedarTarget, recommendation: RuleRecommendation, serverId: string): SafeHtml {
  const { text, unexpressed } = toolCedarSnippet(recommendation, target);
  const label = engineLabels[target];
  return html`<div class="engine-panel" data-engine="${target}"><h3>${label}</h3><p>The recommended decision in Cedar. ${placement[target]} Every tool of the server: <a href="${cedarFilePath(serverId, target)}">${cedarFileName(serverId, target)}</a>.</p>${
    unexpressed.length > 0
      ? html`<p>What ${label} cannot enforce, also said in the file:</p><ul data-unexpressed>${unexpressed.map((line) => html`<li>${line}</li>`)}</ul>`
      : html`<p data-unexpressed>${label} enforces this decision as written.</p>`
  }
${policyBlockHtml({ id: `snippet-${target}`, yaml: text, cedar: target })}</div>`;
}
