/** Browser code: the simulated calls, newest last; outcomes in words, not colour alone. */
import type { TimelineEntry } from "./simulate-calls.ts";

/** Most entries drawn; the summary still counts them all. */
const MAX_SHOWN = 500;

export const outcomeWords: Record<TimelineEntry["outcome"], string> = {
  allowed: "Allowed",
  denied: "Denied",
  approval_required: "Approval required",
  not_sent: "Not sent",
  cannot_simulate: "Cannot simulate this rule",
};

/** `goToLine` moves the editor's cursor to a line: each deciding rule links to its own. */
export function renderTimeline(list: HTMLElement, timeline: readonly TimelineEntry[], goToLine?: (line: number) => void): void {
  const shown = timeline.slice(-MAX_SHOWN);
  list.replaceChildren(...shown.map((entry) => entryItem(entry, goToLine)));
  if (shown.length < timeline.length) list.setAttribute("start", String(timeline.length - shown.length + 1));
  else list.removeAttribute("start");
}

/** One line for the live region after a call. */
export function describeEntry(entry: TimelineEntry): string {
  if (entry.outcome === "cannot_simulate") {
    return `Call ${entry.number} (${entry.tool}) at ${clockText(entry.at)}: not decided. Rule "${entry.rule?.name ?? ""}": ${entry.message ?? ""}`;
  }
  const rule = entry.rule ? ` by rule "${entry.rule.name}"` : "";
  const text = entry.agentText ?? entry.message;
  return `Call ${entry.number} (${entry.tool}) at ${clockText(entry.at)}: ${outcomeWords[entry.outcome]}${rule}.${text ? ` ${text}` : ""}${spokenWhy(entry.explanation)}`;
}

/**
 * What the status line reads out of the explanation: each counter's count,
 * limit and reset, and the conclusion. The condition-by-condition steps stay
 * in the timeline, where a screen reader can walk them as a list.
 */
function spokenWhy(explanation: readonly string[] | undefined): string {
  if (!explanation || explanation.length === 0) return "";
  const counters = explanation.filter((line) => line.trimStart().startsWith("Counter "));
  const conclusion = explanation.at(-1)!.trim();
  return ` Why: ${[...counters.map((line) => line.trim()), conclusion].filter((line, i, all) => all.indexOf(line) === i).join(" ")}`;
}

function entryItem(entry: TimelineEntry, goToLine?: (line: number) => void): HTMLLIElement {
  const item = document.createElement("li");
  item.className = `call call-${entry.outcome}`;
  item.dataset.outcome = entry.outcome;
  const head = document.createElement("p");
  head.className = "call-head";
  const outcome = document.createElement("strong");
  outcome.className = "call-outcome";
  outcome.textContent = outcomeWords[entry.outcome];
  const tool = document.createElement("code");
  tool.textContent = entry.tool;
  head.append(`#${entry.number} · ${clockText(entry.at)} · `, tool, entry.approved ? " (approved) " : " ", outcome);
  item.append(head);

  const facts = document.createElement("dl");
  const add = (term: string, value: string | Node) => {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.append(value);
    facts.append(dt, dd);
  };
  if (entry.rule) {
    const where = entry.rule.tool === "*" ? `"*" rules[${entry.rule.index}]` : `rules[${entry.rule.index}] of ${entry.rule.tool}`;
    const rule = document.createElement("span");
    rule.append(`"${entry.rule.name}" (${where})`);
    const line = entry.ruleLine;
    if (line !== undefined && goToLine) {
      const link = document.createElement("button");
      link.type = "button";
      link.className = "call-rule-line";
      link.textContent = `line ${line}`;
      link.addEventListener("click", () => goToLine(line));
      rule.append(" at ", link);
    }
    add("Rule", rule);
  } else {
    add("Decided by", reasonWords[entry.reason] ?? entry.reason);
  }
  if (entry.agentText !== undefined || entry.message !== undefined) {
    const text = document.createElement("code");
    text.className = "agent-text";
    text.textContent = entry.agentText ?? entry.message ?? "";
    add(entry.outcome === "not_sent" || entry.outcome === "cannot_simulate" ? "Problem" : "Agent sees", text);
  }
  // Whether the proxy would have counted this call is unknown, so the simulator counts it as not sent.
  if (entry.outcome === "cannot_simulate") add("Decision", "none: the proxy decides this call, the simulator cannot; counters below leave it out");
  if (entry.explanation) add("Why", explanationList(entry.explanation));
  const counters = entry.counters.map((c) => `${c.key} = ${c.value} (${c.window} from ${clockText(c.windowStart)})`).join("; ");
  add("Counters after", counters || "none");
  item.append(facts);
  return item;
}

/** Steps in the proxy's order; a condition's line is nested under its rule's by its leading spaces, shown by indent and its position in the list. */
function explanationList(lines: readonly string[]): HTMLOListElement {
  const list = document.createElement("ol");
  list.className = "call-why";
  for (const line of lines) {
    const item = document.createElement("li");
    if (line.startsWith("  ")) item.className = "call-why-condition";
    item.textContent = line.trim();
    list.append(item);
  }
  return list;
}

const reasonWords: Partial<Record<TimelineEntry["reason"], string>> = {
  allowed: "no rule denied it",
  hidden: "hide list",
  not_listed: "default: deny (tool not listed)",
  bad_arguments: "arguments",
};

/** `2026-03-01 14:00:00 UTC`. */
export function clockText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
