/**
 * Everything a tool page shows, as data for the layout and one `html`
 * article: a 10,000 tool catalog renders this 10,000 times, and as an Astro
 * template it was the largest share of the build's render time (see html.ts).
 */
import { REMOVED_TOOL_RETENTION_DAYS } from "../catalog/catalog-schema.ts";
import { describeParameterCounts, sizeLimits } from "../classify/index.ts";
import { recommendRule } from "../policy/index.ts";
import { relatedTools, type CatalogIndex, type ToolEntry } from "./catalog-index.ts";
import { html, type SafeHtml } from "./html.ts";
import { faqPageJsonLd, type FaqItem } from "./json-ld.ts";
import { badgeHtml, textBlocksHtml, toolListHtml, verdictBadgesHtml } from "./markup.ts";
import type { ClassifiedTool } from "./server-policy.ts";
import { displayName, revealInvisible, shorten, textBlocks } from "./text-blocks.ts";
import { annotationRows, flagExplanation, toolTitle } from "./tool-facts.ts";
import { buildToolFaq } from "./tool-faq.ts";
import { fitArticle, fullLimits, LAYOUT_BYTES, TOOL_PAGE_BUDGET, type ShownLimits } from "./page-budget.ts";
import { snippetEnginesHtml } from "./snippet-engines.ts";
import { toolSnippets } from "./snippet-shapes.ts";
import { categoryPath, riskPath, serverPath } from "./urls.ts";

export interface ToolPage {
  title: string;
  /** For the meta description. */
  summary: string;
  breadcrumbs: { label: string; href?: string }[];
  /** FAQPage JSON-LD, when the tool is classified. */
  faqJsonLd?: Record<string, unknown>;
  article: SafeHtml;
}

export function toolPage(index: CatalogIndex, entry: ToolEntry, site: URL | undefined): ToolPage {
  const { server, tool } = entry;
  const verdict = tool.verdict;
  const description = tool.definition.description ?? "";
  const classified: ClassifiedTool | undefined = verdict ? { ...tool, verdict } : undefined;
  const recommendation = classified ? recommendRule(classified) : undefined;
  const snippets = classified && recommendation ? toolSnippets(classified, recommendation) : [];
  const faq = classified && recommendation ? buildToolFaq({ tool: classified, serverName: server.name, recommendation, snippets }) : [];
  const summary = verdict
    ? `${displayName(tool.name, 80)} (${server.name}): ${verdict.category}, ${verdict.risk} risk. ${describeParameterCounts(verdict.parameters)} ${shorten(description, 120)}`
    : `${displayName(tool.name, 80)} (${server.name}): not classified yet.`;
  const name = displayName(tool.name, 80);
  const title = `${name} on ${server.name}`;
  const faqJsonLd = faq.length > 0 ? faqPageJsonLd(faq, new URL(entry.path, site).href) : undefined;
  // Search does not read this page: it indexes a small document of the same tool (search-documents.ts).
  // Only the description, the parameters and the related tools change size to fit the budget; the rest is written once.
  const fixed = {
    heading: heading(entry),
    classification: classificationSection(entry),
    annotations: annotationsSection(entry),
    changes: changesSection(entry),
    snippets: recommendation && snippetEnginesHtml(snippets, recommendation, { server: server.id, slug: tool.slug }),
    faq: faqSection(faq),
    related: relatedSection(index, entry),
  };
  const render = (limits: ShownLimits) =>
    html`<article>${[
      fixed.heading,
      descriptionSection(description, tool.definition.cut, limits.description),
      fixed.classification,
      parametersSection(entry, limits),
      fixed.annotations,
      fixed.changes,
      fixed.snippets,
      fixed.faq,
      limits.related && fixed.related,
    ]}</article>`;
  // The head repeats the title and summary, and carries the JSON-LD.
  const head = LAYOUT_BYTES + Buffer.byteLength(title) * 2 + Buffer.byteLength(summary) + (faqJsonLd ? Buffer.byteLength(JSON.stringify(faqJsonLd)) : 0);
  const { article } = fitArticle(render, TOOL_PAGE_BUDGET - head, { description: description.length, parameters: tool.parameters.length });
  return {
    title,
    summary: shorten(summary, 300),
    breadcrumbs: [{ label: "Servers", href: "/servers/" }, { label: server.name, href: serverPath(server.id) }, { label: name }],
    ...(faqJsonLd ? { faqJsonLd } : {}),
    article,
  };
}

function heading({ server, tool }: ToolEntry): SafeHtml {
  const verdict = tool.verdict;
  const title = toolTitle(tool);
  return html`<h1><code data-tool-name="${tool.name}">${revealInvisible(tool.name)}</code></h1>${title && html`<p class="lede">${title}</p>`}
<p>Tool of <a href="${serverPath(server.id)}">${server.name}</a>. First seen ${tool.firstSeen}, definition last changed ${tool.lastChanged}.</p>
${verdictBadgesHtml({ verdict, links: true, confidence: true })}${
    tool.removedSince &&
    html`<p class="override" data-removed>The server stopped listing this tool on ${tool.removedSince}. Its page is kept for ${REMOVED_TOOL_RETENTION_DAYS} days in case it comes back; a policy for the server no longer needs it.</p>`
  }`;
}

function descriptionSection(description: string, cut: ToolEntry["tool"]["definition"]["cut"], limit: number): SafeHtml {
  const cutNote =
    cut &&
    html`<p class="muted" data-cut>The server sent more than the catalog keeps: ${cut.notes.join("; ")}. The whole definition as sent has sha256 <code>${cut.sha256}</code>, so a change past the cut still counts as a change.</p>`;
  if (!description) return html`<h2>Description</h2><p class="muted">The server sent no description.</p>${cutNote}`;
  const shown = cutAt(description, limit);
  const why = limit < sizeLimits.descriptionCharacters ? " to keep this page under 30 KB" : "";
  return html`<h2>Description</h2>${textBlocksHtml(textBlocks(shown))}${
    shown.length < description.length &&
    html`<p class="muted" data-shown-in-part>Shown in part${why}: the first ${shown.length} of ${description.length} characters kept. The kept text is in <a href="/catalog.json">catalog.json</a>.</p>`
  }${cutNote}`;
}

/** The first `limit` characters, never half of a surrogate pair. */
function cutAt(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text[limit - 1] ?? "") ? limit - 1 : limit;
  return text.slice(0, Math.max(0, end));
}

function classificationSection({ tool }: ToolEntry): SafeHtml {
  const verdict = tool.verdict;
  if (!verdict) return html`<h2>Why this classification</h2><p>This tool is <strong>not classified</strong> yet, so it has no category, risk or policy snippets.</p>`;
  const override = verdict.override;
  return html`<h2>Why this classification</h2><p>${verdict.rationale}</p>${
    override &&
    html`<div class="override"><p><strong>Maintainer override.</strong> The classifier said ${override.classifier.category}, ${override.classifier.risk} risk; published as ${verdict.category}, ${verdict.risk} risk.</p></div>`
  }
<h3>Evidence weighed</h3><ul class="signals">${verdict.signals.map((s) => html`<li><strong>${s.source}</strong>: <code>${s.evidence}</code> — ${s.effect}</li>`)}</ul>
<h3>Flags</h3>${
    verdict.flags.length
      ? html`<dl class="facts">${verdict.flags.map((f) => html`<dt>${badgeHtml({ kind: "flag", text: f })}</dt><dd>${flagExplanation(f)}</dd>`)}</dl>`
      : html`<p>No flags raised.</p>`
  }`;
}

function parametersSection({ tool }: ToolEntry, limits: ShownLimits): SafeHtml {
  const counts = tool.verdict?.parameters ?? { total: tool.parameters.length, required: tool.parameters.filter((p) => p.required).length };
  const rows = tool.parameters.slice(0, limits.parameterRows);
  const shortened = limits.parameterDescription < fullLimits.parameterDescription && tool.parameters.some((p) => (p.description?.length ?? 0) > limits.parameterDescription);
  return html`<h2>Parameters</h2><p data-parameter-counts>${describeParameterCounts(counts)}</p>${
    rows.length > 0 &&
    html`<div class="table-wrap"><table><caption class="visually-hidden">Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${rows.map(
      (p) =>
        html`<tr><td><code>${p.name}</code></td><td><code>${p.type}</code></td><td>${p.required ? "required" : "optional"}</td><td>${
          p.description && limits.parameterDescription > 0 ? shorten(p.description, limits.parameterDescription) : html`<span class="muted">${p.description ? "in catalog.json" : "none"}</span>`
        }</td></tr>`,
    )}</tbody></table></div>`
  }${
    (shortened || rows.length < tool.parameters.length) &&
    html`<p class="muted" data-shown-in-part>To keep this page under 30 KB, ${
      rows.length === 0 ? "the parameters are not listed" : rows.length < tool.parameters.length ? `only the first ${rows.length} of ${tool.parameters.length} parameters are listed` : limits.parameterDescription === 0 ? "parameter descriptions are left out" : "parameter descriptions are shortened"
    }; <a href="/catalog.json">catalog.json</a> has them all.</p>`
  }`;
}

function annotationsSection({ tool }: ToolEntry): SafeHtml {
  return html`<h2>Annotations</h2><p>Hints from the server, untrusted. An absent hint takes the MCP specification's default, which is cautious, not false.</p>
<div class="table-wrap"><table><caption class="visually-hidden">Annotations as sent and effective</caption><thead><tr><th scope="col">Hint</th><th scope="col">As sent</th><th scope="col">Effective</th><th scope="col">Meaning</th></tr></thead><tbody>${annotationRows(
    tool.definition.annotations,
  ).map(
    (row) =>
      html`<tr><td><code>${row.hint}</code></td><td>${row.sent}</td><td>${String(row.effective)}${row.sent === "absent" && html`<span class="muted"> (spec default)</span>`}</td><td>${row.meaning}</td></tr>`,
  )}</tbody></table></div>`;
}

function changesSection({ tool }: ToolEntry): SafeHtml | undefined {
  if (!tool.changes || tool.changes.length === 0) return undefined;
  return html`<section><h2>Definition changes</h2><ol class="changes">${tool.changes.map(
    (change) =>
      html`<li><strong>${change.date}</strong>: ${change.kind === "reappeared" ? "listed again" : "definition changed"}${
        change.serverVersion.before !== change.serverVersion.after && ` (server ${change.serverVersion.before ?? "?"} → ${change.serverVersion.after ?? "?"})`
      }${
        change.withoutVersionBump &&
        html` <span class="badge badge-critical">no version bump</span> <span>the definition changed while the server kept its version: check it before trusting the tool again.</span>`
      }${
        change.fields.length > 0 &&
        html`<ul>${change.fields.map(
          (f) => html`<li><code>${f.field}</code> ${f.change}${f.before !== undefined && html`: <code>${f.before}</code>`}${f.after !== undefined && html` → <code>${f.after}</code>`}</li>`,
        )}</ul>`
      }</li>`,
  )}</ol></section>`;
}

function faqSection(faq: readonly FaqItem[]): SafeHtml | undefined {
  if (faq.length === 0) return undefined;
  return html`<section class="faq"><h2>Questions</h2><dl>${faq.map((item) => html`<dt>${item.question}</dt><dd>${item.answer}</dd>`)}</dl></section>`;
}

function relatedSection(index: CatalogIndex, entry: ToolEntry): SafeHtml | undefined {
  const verdict = entry.tool.verdict;
  const related = relatedTools(index, entry);
  if (!verdict || (related.sameServer.length === 0 && related.elsewhere.length === 0)) return undefined;
  return html`<section><h2>Related tools</h2>${
    related.sameServer.length > 0 && html`<h3>${verdict.category} tools of ${entry.server.name}</h3>${toolListHtml(related.sameServer, { showServer: false })}`
  }${related.elsewhere.length > 0 && html`<h3>${verdict.category} tools on other servers</h3>${toolListHtml(related.elsewhere)}`}
<p>Browse all <a href="${categoryPath(verdict.category)}">${verdict.category}</a> tools or all <a href="${riskPath(verdict.risk)}">${verdict.risk} risk</a> tools.</p></section>`;
}
