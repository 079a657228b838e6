/**
 * Browser-safe: markup of the /scan/ page's results and of the policy
 * builder it mounts, as `html` templates, so every string from the pasted
 * list (names, evidence) is escaped; nothing is ever parsed as markup.
 */
import { actionLabels, windowsOffered, type BuilderRow } from "../playground/builder-policy.ts";
import { globalLimitRow } from "../policy/recommendation-table.ts";
import { builderRowsHtml } from "../site/builder-rows.ts";
import { html, type SafeHtml } from "../site/html.ts";
import { badgeHtml } from "../site/markup.ts";
import { displayName, shorten } from "../site/text-blocks.ts";
import { categoryPath, riskPath } from "../site/urls.ts";
import { flagsInWords, parametersInWords, type ScannedTool } from "./scanned-tools.ts";
import type { BuilderChoices } from "./scan-state.ts";

/** Evidence is quoted from the tool's own text: each item is shortened to this. */
const MAX_EVIDENCE = 240;

export function resultRowsHtml(scanned: readonly ScannedTool[]): SafeHtml {
  return html`${scanned.map(({ verdict }) => {
    const signals = verdict.signals.map((s) => html`<li><span class="muted">${s.source}:</span> ${shorten(s.evidence, MAX_EVIDENCE)}: ${shorten(s.effect, MAX_EVIDENCE)}</li>`);
    return html`<tr><th scope="row"><code>${displayName(verdict.name)}</code></th>
<td><span class="badges">${badgeHtml({ kind: "category", text: verdict.category, href: categoryPath(verdict.category) })} ${badgeHtml({ kind: "risk", text: verdict.risk, href: riskPath(verdict.risk) })}</span> <span class="muted">${verdict.confidence} confidence</span></td>
<td>${shorten(verdict.rationale, 800)}${signals.length > 0 && html`<details><summary>${signals.length} ${signals.length === 1 ? "signal" : "signals"}</summary><ul>${signals}</ul></details>`}</td>
<td>${flagsInWords(verdict.flags) || html`<span class="muted">none</span>`}</td>
<td>${parametersInWords(verdict)}</td></tr>`;
  })}`;
}

export interface BuilderMarkupOptions {
  rows: readonly BuilderRow[];
  fileName: string;
  choices?: BuilderChoices | undefined;
}

/**
 * The inside of `<policy-builder>`, with the data attributes the component
 * reads (the same as the server policy page's; its JSON script is added by
 * the caller as a DOM node, since script text is not parsed as entities).
 */
export function builderMarkupHtml({ rows, fileName, choices }: BuilderMarkupOptions): SafeHtml {
  const deny = choices?.default === "deny";
  const cap = choices?.cap;
  const categories = [...new Set(rows.flatMap((r) => (r.category ? [r.category] : [])))];
  const risks = ["Low", "Medium", "High", "Critical"].filter((risk) => rows.some((r) => r.risk === risk));
  const capWindow = cap?.window ?? globalLimitRow.limit.window;
  return html`<div class="pb-layout"><div class="pb-controls">
<fieldset class="pb-settings" data-settings><legend>Whole server</legend>
<div class="pb-inline" role="radiogroup" aria-label="Default posture for tools not listed"><span class="pb-label">Tools not listed:</span>
<label><input type="radio" name="builder-default" value="allow"${deny ? "" : html` checked`}> allow</label>
<label><input type="radio" name="builder-default" value="deny"${deny ? html` checked` : ""}> deny</label></div>
<div class="pb-inline"><label><input type="checkbox" data-global-on${cap ? html` checked` : ""}> Cap all calls together (<code>"*"</code>)</label>
<label for="pb-global-count" class="visually-hidden">Calls allowed across all tools</label>
<input id="pb-global-count" type="number" min="1" max="1000000" step="1" value="${cap?.count ?? globalLimitRow.limit.count}" data-global-count${cap ? "" : html` disabled`} inputmode="numeric"> <span aria-hidden="true">per</span>
<label for="pb-global-window" class="visually-hidden">Window for the cap on all calls</label>
<select id="pb-global-window" data-global-window${cap ? "" : html` disabled`}>${windowsOffered.map((w) => (w === capWindow ? html`<option value="${w}" selected>${w}</option>` : html`<option value="${w}">${w}</option>`))}</select></div>
</fieldset>
<fieldset class="pb-settings" data-needs-js hidden><legend>Bulk action</legend>
<div class="pb-inline"><label for="pb-bulk-action">Set</label>
<select id="pb-bulk-action" data-bulk-action>${(["require_approval", "deny", "rate_limit", "allow", "hide"] as const).map((a) => html`<option value="${a}">${actionLabels[a]}</option>`)}</select>
<label for="pb-bulk-target">for every</label>
<select id="pb-bulk-target" data-bulk-target><optgroup label="Category">${categories.map((c) => html`<option value="category:${c}">${c} tool</option>`)}</optgroup><optgroup label="Risk">${risks.map((r) => html`<option value="risk:${r}">${r} risk tool</option>`)}</optgroup></select>
<button type="button" class="copy" data-bulk-apply>Apply</button></div>
<p role="status" aria-live="polite" class="muted" data-bulk-status></p></fieldset>
<div class="table-wrap"><table class="pb-table"><caption>The scanned tools and what the policy does with each</caption>
<thead><tr><th scope="col">Tool</th><th scope="col">Verdict</th><th scope="col">Action</th><th scope="col">Limit</th><th scope="col">Approval timeout</th></tr></thead>
<tbody>${builderRowsHtml(rows)}</tbody></table></div></div>
<section class="pb-output" aria-labelledby="pb-output-heading"><h2 id="pb-output-heading">${fileName}</h2>
<p role="status" aria-live="polite" class="pb-validation" data-validation>Generated from the recommendations.</p>
<pre id="builder-yaml" tabindex="0" data-output aria-label="Generated policy YAML"><code></code></pre>
<div class="copy-row"><button type="button" class="copy" data-copy data-needs-js hidden>Copy policy</button>
<button type="button" class="copy" data-download data-needs-js hidden>Download ${fileName}</button>
<a class="button" href="/playground/" data-playground-link>Open in the playground</a>
<span role="status" aria-live="polite" data-output-status></span></div></section></div>`;
}
