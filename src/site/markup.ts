/**
 * Markup shared by Astro components and the tool page: badges, tool lists,
 * text blocks and policy blocks, each written once with `html` so a page
 * that repeats them thousands of times pays for string joins only.
 */
import type { CatalogTool } from "../catalog/catalog-schema.ts";
import { describeParameterCounts } from "../classify/write-rationale.ts";
import type { Verdict } from "../classify/verdict-schema.ts";
import type { ToolEntry } from "./catalog-index.ts";
import { html, type SafeHtml } from "./html.ts";
import { displayName, inlineSegments, type Block } from "./text-blocks.ts";
import { categoryPath, riskPath, serverPath, toolPath } from "./urls.ts";

export interface BadgeProps {
  /** Category, risk or flag text: always shown, colour only adds to it. */
  text: string;
  kind: "category" | "risk" | "flag" | "none";
  href?: string | undefined;
}

export function badgeHtml({ text, kind, href }: BadgeProps): SafeHtml {
  const className = `badge ${kind === "category" || kind === "risk" ? `badge-${text.toLowerCase()}` : `badge-${kind}`}`;
  const label = kind === "risk" ? `${text} risk` : text;
  return href === undefined ? html`<span class="${className}">${label}</span>` : html`<a class="${className}" href="${href}">${label}</a>`;
}

export interface VerdictBadgesProps {
  verdict?: Verdict | undefined;
  /** Link each badge to its browse page. */
  links?: boolean | undefined;
  /** Follow the badges with "high confidence" and the like. */
  confidence?: boolean | undefined;
}

export function verdictBadgesHtml({ verdict, links = false, confidence = false }: VerdictBadgesProps): SafeHtml {
  if (!verdict) return html`<span class="badges">${badgeHtml({ kind: "none", text: "not classified" })}</span>`;
  return html`<span class="badges">${badgeHtml({ kind: "category", text: verdict.category, href: links ? categoryPath(verdict.category) : undefined })} ${badgeHtml({
    kind: "risk",
    text: verdict.risk,
    href: links ? riskPath(verdict.risk) : undefined,
  })}${confidence && html` <span class="muted">${verdict.confidence} confidence</span>`}</span>`;
}

export interface ToolListOptions {
  /** Show the server of each tool. */
  showServer?: boolean | undefined;
  /** Show the date the tool last changed. */
  showChanged?: boolean | undefined;
}

/**
 * Each tool's line, once per way of showing it: a tool is listed on about
 * ten other tools' pages (their related tools) and on its category and risk
 * pages, and its line is the same on all of them.
 */
const toolLines = [new WeakMap<ToolEntry["tool"], SafeHtml>(), new WeakMap<ToolEntry["tool"], SafeHtml>(), new WeakMap<ToolEntry["tool"], SafeHtml>(), new WeakMap<ToolEntry["tool"], SafeHtml>()];

function toolLineHtml({ server, tool, path }: ToolEntry, showServer: boolean, showChanged: boolean): SafeHtml {
  const lines = toolLines[Number(showServer) * 2 + Number(showChanged)]!;
  let line = lines.get(tool);
  if (line === undefined) {
    line = html`<li><a href="${path}"><code>${displayName(tool.name)}</code></a>${
      showServer && html`<span class="muted"> on <a href="${serverPath(server.id)}">${server.name}</a></span>`
    } ${verdictBadgesHtml({ verdict: tool.verdict })}${showChanged && html`<span class="muted"> changed ${tool.lastChanged}</span>`}</li>`;
    lines.set(tool, line);
  }
  return line;
}

/** One line per tool: category and risk pages list thousands of them. */
export function toolListHtml(entries: readonly ToolEntry[], { showServer = true, showChanged = false }: ToolListOptions = {}): SafeHtml {
  return html`<ul class="tool-list">${entries.map((entry) => toolLineHtml(entry, showServer, showChanged))}</ul>`;
}

/** A server's tools, one row each: the server page's table (40 rows a page in bench:build's catalog). */
export function toolTableHtml(serverId: string, tools: readonly CatalogTool[], caption: string): SafeHtml {
  return html`<div class="table-wrap"><table><caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Tool</th><th scope="col">Category</th><th scope="col">Risk</th><th scope="col">Confidence</th><th scope="col">Parameters</th><th scope="col">Flags</th></tr></thead>
<tbody>${tools.map(
    (tool) =>
      html`<tr><td><a href="${toolPath(serverId, tool.slug)}"><code>${displayName(tool.name)}</code></a></td>${
        tool.verdict
          ? html`<td>${badgeHtml({ kind: "category", text: tool.verdict.category })}</td><td>${badgeHtml({ kind: "risk", text: tool.verdict.risk })}</td><td>${tool.verdict.confidence}</td><td>${describeParameterCounts(
              tool.verdict.parameters,
            )}</td><td>${tool.verdict.flags.length ? tool.verdict.flags.join(", ") : "none"}</td>`
          : html`<td colspan="5">not classified</td>`
      }</tr>`,
  )}</tbody></table></div>`;
}

/** Maintainer Markdown gets inline code and links (http and https only); tool descriptions stay plain text. */
export function textBlocksHtml(blocks: readonly Block[], inline = false): SafeHtml {
  const text = (content: string) =>
    inline
      ? inlineSegments(content).map((s) => (s.kind === "code" ? html`<code>${s.text}</code>` : s.kind === "link" ? html`<a href="${s.href}" rel="nofollow noopener">${s.text}</a>` : s.text))
      : content;
  return html`${blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return html`<p>${text(block.text)}</p>`;
      case "list":
        return block.ordered
          ? html`<ol>${block.items.map((item) => html`<li>${text(item)}</li>`)}</ol>`
          : html`<ul>${block.items.map((item) => html`<li>${text(item)}</li>`)}</ul>`;
      case "heading":
        return block.level === 2 ? html`<h3>${block.text}</h3>` : html`<h4>${block.text}</h4>`;
      case "code":
        return html`<pre><code>${block.text}</code></pre>`;
    }
  })}`;
}

export interface PolicyBlockProps {
  /** Element id, used by the copy button. */
  id: string;
  /** The text shown and copied: Intercept YAML, or Cedar when `cedar` names a gateway. */
  yaml: string;
  /** Marks the block for tests and tools: every such block is a complete Intercept policy file. */
  variant?: string | undefined;
  /** Cedar for this gateway instead: marked `data-cedar-snippet`, so readers of `data-policy-snippet` only ever get Intercept files. */
  cedar?: string | undefined;
  download?: { href: string; filename: string } | undefined;
  /** A link that opens this policy in the playground, with its words. */
  playground?: { href: string; label: string } | undefined;
}

/** A policy file with a copy button; the page loads components/client/copy-button.ts. */
export function policyBlockHtml({ id, yaml, variant, cedar, download, playground }: PolicyBlockProps): SafeHtml {
  const marker = cedar === undefined ? html`data-policy-snippet="${variant ?? "policy"}"` : html`data-cedar-snippet="${cedar}"`;
  return html`<pre id="${id}" ${marker} tabindex="0"><code>${yaml}</code></pre>
<div class="copy-row"><copy-button for="${id}"><button type="button" class="copy">Copy policy</button> <span role="status" aria-live="polite" data-status></span></copy-button>${
    download && html` <a class="button" href="${download.href}" download="${download.filename}">Download ${download.filename}</a>`
  }${playground && html` <a class="button" href="${playground.href}" data-playground-link>${playground.label}</a>`}</div>`;
}
