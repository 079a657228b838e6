/**
 * Browser-safe: markup of the /scan/ page's result rows, as an `html`
 * template, so every string from the pasted list (names, evidence) is
 * escaped; nothing is ever parsed as markup. The builder under them is
 * src/site/builder-markup.ts, shared with /servers/<id>/policy/.
 */
import { html, type SafeHtml } from "../site/html.ts";
import { badgeHtml } from "../site/markup.ts";
import { displayName, shorten } from "../site/text-blocks.ts";
import { categoryPath, riskPath } from "../site/urls.ts";
import { flagsInWords, parametersInWords, type ScannedTool } from "./scanned-tools.ts";

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
