/** Browser code: the validator's findings as a list; each placed finding is a button that moves the cursor there. */
import type { Finding } from "../policy/index.ts";

export function renderFindings(list: HTMLElement, findings: readonly Finding[], onSelect: (finding: Finding) => void): void {
  const items = findings.slice(0, 500).map((finding) => {
    const item = document.createElement("li");
    item.className = `finding finding-${finding.severity}`;
    const place = finding.line !== undefined ? `Line ${finding.line}, column ${finding.column ?? 1}` : "Whole file";
    const body = finding.line !== undefined ? document.createElement("button") : document.createElement("span");
    if (body instanceof HTMLButtonElement) {
      body.type = "button";
      body.addEventListener("click", () => onSelect(finding));
    }
    const where = document.createElement("span");
    where.className = "finding-place";
    where.textContent = `${place}:`;
    const severity = document.createElement("strong");
    severity.className = `badge ${finding.severity === "error" ? "badge-critical" : "badge-medium"}`;
    severity.textContent = finding.severity === "error" ? "Error" : "Warning";
    const message = document.createElement("span");
    message.textContent = finding.message;
    body.append(where, " ", severity, " ", message);
    if (finding.path) {
      const path = document.createElement("code");
      path.textContent = finding.path;
      body.append(" ", path);
    }
    item.append(body);
    return item;
  });
  if (findings.length > items.length) {
    const more = document.createElement("li");
    more.textContent = `…and ${findings.length - items.length} more`;
    items.push(more);
  }
  list.replaceChildren(...items);
}

export function describeFindings(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const counts = [errors && `${errors} ${errors === 1 ? "error" : "errors"}`, warnings && `${warnings} ${warnings === 1 ? "warning" : "warnings"}`].filter(Boolean).join(", ");
  // Past one of the playground's own limits the text was not read, so nothing can be said of the proxy.
  if (findings.some((f) => f.ownLimit)) return `${counts}: not checked, the policy is past one of this playground's own limits (not the proxy's; the proxy may load it).`;
  if (errors) return `${counts}: the proxy would refuse this policy.`;
  if (warnings) return `${counts}: the proxy would load this policy, but check the warnings.`;
  return "No problems: the proxy would load this policy.";
}
