/**
 * Browser-safe: the inside of `<policy-builder>`, the one markup source for
 * /servers/<id>/policy/ (rendered at build time) and /scan/ (mounted in the
 * browser for a pasted list), with the data attributes the component reads.
 * Its styles are in src/playground/policy-builder.css. Written with `html`,
 * so every tool name lands as text. The component's JSON data block is not
 * here: the server page writes it with JsonScript, /scan/ as a DOM node.
 */
import { actionLabels, windowsOffered, type BuilderRow } from "../playground/builder-policy.ts";
import type { Window } from "../policy/policy-words.ts";
import { globalLimitRow } from "../policy/recommendation-table.ts";
import { builderRowsHtml } from "./builder-rows.ts";
import { html, type SafeHtml } from "./html.ts";

export interface BuilderMarkupOptions {
  rows: readonly BuilderRow[];
  /** The table's caption, naming whose tools these are. */
  caption: string;
  /** The policy's file name: the output's heading and the download's. */
  fileName: string;
  /** The YAML shown before the component runs; empty when the component writes the first one. */
  yaml?: string;
  /** Where "Open in the playground" goes before the component sets it. */
  playgroundHref?: string;
  /** Whole-server settings to start from (a restored /scan/ link); the recommendations' when absent. */
  settings?: { default: "allow" | "deny"; cap?: { count: number; window: Window } | undefined } | undefined;
}

const bulkActions = ["require_approval", "deny", "rate_limit", "allow", "hide"] as const;

function settingsHtml(settings: BuilderMarkupOptions["settings"]): SafeHtml {
  const deny = settings?.default === "deny";
  const cap = settings?.cap;
  const capWindow = cap?.window ?? globalLimitRow.limit.window;
  return html`<fieldset class="pb-settings" data-settings><legend>Whole server</legend>
<div class="pb-inline" role="radiogroup" aria-label="Default posture for tools not listed"><span class="pb-label">Tools not listed:</span>
<label><input type="radio" name="builder-default" value="allow"${deny ? "" : html` checked`}> allow</label>
<label><input type="radio" name="builder-default" value="deny"${deny ? html` checked` : ""}> deny</label></div>
<div class="pb-inline"><label><input type="checkbox" data-global-on${cap ? html` checked` : ""}> Cap all calls together (<code>"*"</code>)</label>
<label for="pb-global-count" class="visually-hidden">Calls allowed across all tools</label>
<input id="pb-global-count" type="number" min="1" max="1000000" step="1" value="${cap?.count ?? globalLimitRow.limit.count}" data-global-count${cap ? "" : html` disabled`} inputmode="numeric"> <span aria-hidden="true">per</span>
<label for="pb-global-window" class="visually-hidden">Window for the cap on all calls</label>
<select id="pb-global-window" data-global-window${cap ? "" : html` disabled`}>${windowsOffered.map((w) => (w === capWindow ? html`<option value="${w}" selected>${w}</option>` : html`<option value="${w}">${w}</option>`))}</select></div>
</fieldset>`;
}

function bulkHtml(rows: readonly BuilderRow[]): SafeHtml {
  const categories = [...new Set(rows.flatMap((r) => (r.category ? [r.category] : [])))];
  const risks = ["Low", "Medium", "High", "Critical"].filter((risk) => rows.some((r) => r.risk === risk));
  return html`<fieldset class="pb-settings" data-needs-js hidden><legend>Bulk action</legend>
<div class="pb-inline"><label for="pb-bulk-action">Set</label>
<select id="pb-bulk-action" data-bulk-action>${bulkActions.map((a) => html`<option value="${a}">${actionLabels[a]}</option>`)}</select>
<label for="pb-bulk-target">for every</label>
<select id="pb-bulk-target" data-bulk-target><optgroup label="Category">${categories.map((c) => html`<option value="category:${c}">${c} tool</option>`)}</optgroup><optgroup label="Risk">${risks.map((r) => html`<option value="risk:${r}">${r} risk tool</option>`)}</optgroup></select>
<button type="button" class="copy" data-bulk-apply>Apply</button></div>
<p role="status" aria-live="polite" class="muted" data-bulk-status></p></fieldset>`;
}

export function builderMarkupHtml({ rows, caption, fileName, yaml = "", playgroundHref = "/playground/", settings }: BuilderMarkupOptions): SafeHtml {
  return html`<p><a class="pb-skip" href="#pb-output-heading">Skip the table: go to the generated policy and its Copy button</a></p>
<div class="pb-layout"><div class="pb-controls">
${settingsHtml(settings)}
${bulkHtml(rows)}
<div class="table-wrap"><table class="pb-table"><caption>${caption}</caption>
<thead><tr><th scope="col">Tool</th><th scope="col">Verdict</th><th scope="col">Action</th><th scope="col">Limit</th><th scope="col">Approval timeout</th></tr></thead>
<tbody>${builderRowsHtml(rows)}</tbody></table></div></div>
<section class="pb-output" aria-labelledby="pb-output-heading"><h2 id="pb-output-heading" tabindex="-1">${fileName}</h2>
<fieldset class="pb-view" data-needs-js hidden><legend>Write the policy for</legend>
<label><input type="radio" name="builder-view" value="intercept" checked /> Intercept (YAML)</label>
<label><input type="radio" name="builder-view" value="toolhive" /> ToolHive (Cedar)</label>
<label><input type="radio" name="builder-view" value="docker" /> Docker's MCP gateway (Cedar)</label></fieldset>
<p role="status" aria-live="polite" class="pb-validation" data-validation>Generated from the recommendations.</p>
<pre id="builder-yaml" tabindex="0" data-output role="region" aria-label="Generated policy YAML"><code>${yaml}</code></pre>
<div class="pb-cedar-notes" data-cedar-notes hidden><p data-cedar-notes-lead></p><ul></ul></div>
<div class="copy-row"><button type="button" class="copy" data-copy data-needs-js hidden>Copy policy</button>
<button type="button" class="copy" data-download data-needs-js hidden>Download ${fileName}</button>
<a class="button" href="${playgroundHref}" data-playground-link>Open in the playground</a>
<span role="status" aria-live="polite" data-output-status></span></div></section></div>`;
}
