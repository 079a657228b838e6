/**
 * The policy builder's table body: one row of controls per tool, written
 * with `html` because a server's page repeats it for every tool (250
 * builder pages of 40 tools took 3.8 s as an Astro template). A row's only
 * tab stops are its controls: the verdict badges are text, not links, so
 * the keyboard reaches the output in a few stops (issue #15: 147 before).
 */
import { actionLabels, actionsFor, approvalTimeouts, windowsOffered, type BuilderRow } from "../playground/builder-policy.ts";
import { html, type SafeHtml } from "./html.ts";
import { badgeHtml } from "./markup.ts";
import { displayName } from "./text-blocks.ts";

/** `<option>`s with the current value selected. */
function options<T extends string>(values: readonly T[], current: T, label: (value: T) => string = (value) => value): SafeHtml {
  return html`${values.map((value) => (value === current ? html`<option value="${value}" selected>${label(value)}</option>` : html`<option value="${value}">${label(value)}</option>`))}`;
}

const disabledIf = (disabled: boolean): SafeHtml | undefined => (disabled ? html` disabled` : undefined);

function builderRowHtml(row: BuilderRow, i: number): SafeHtml {
  const limited = row.countable && (row.action === "rate_limit" || row.action === "require_approval");
  const label = displayName(row.tool, 60);
  const spendCap = row.spendCap;
  const verdict =
    row.category && row.risk
      ? html`<span class="pb-verdict">${badgeHtml({ kind: "category", text: row.category })} ${badgeHtml({ kind: "risk", text: row.risk })}</span>`
      : html`<span class="muted">not classified</span>`;
  const limit = row.countable
    ? html`<label for="pb-count-${i}" class="visually-hidden">Calls allowed for ${label}</label><input id="pb-count-${i}" type="number" min="1" max="1000000" step="1" value="${row.limit.count}" data-count${disabledIf(!limited)} inputmode="numeric"> <span aria-hidden="true">per</span> <label for="pb-window-${i}" class="visually-hidden">Window for ${label}</label><select id="pb-window-${i}" data-window${disabledIf(!limited)}>${options(windowsOffered, row.limit.window)}</select>`
    : html`<span class="muted">—</span>`;
  return html`<tr data-index="${i}" data-action="${row.action}"><th scope="row"><code>${displayName(row.tool)}</code>${
    spendCap &&
    html`<span class="pb-note">plus a ${spendCap.window === "day" ? "daily" : spendCap.window} cap of ${spendCap.amount.toLocaleString("en-US")} on <code>${spendCap.parameter}</code> when limited or approved${spendCap.required ? "" : html`, and a call without it is refused`}</span>`
  }${!row.countable && html`<span class="pb-note">no rate limit: the proxy cannot count a tool whose name holds a dot</span>`}</th>
<td>${verdict}</td>
<td><label for="pb-action-${i}" class="visually-hidden">Action for ${label}</label><select id="pb-action-${i}" data-action>${options(actionsFor(row), row.action, (a) => actionLabels[a])}</select></td>
<td class="pb-limit">${limit}</td>
<td><label for="pb-timeout-${i}" class="visually-hidden">Approval timeout for ${label}</label><select id="pb-timeout-${i}" data-timeout${disabledIf(row.action !== "require_approval")}>${options(approvalTimeouts, row.approvalTimeout)}</select></td></tr>`;
}

export function builderRowsHtml(rows: readonly BuilderRow[]): SafeHtml {
  return html`${rows.map(builderRowHtml)}`;
}
