/**
 * What site search indexes: one small HTML document per server page and per
 * tool page, holding only what people search for (names, titles,
 * description, server, category, risk, flags) with pagefind's own
 * attributes for the result's meta and the search page's filters.
 *
 * The build hands these to pagefind's Node API instead of letting it read
 * the built pages: a tool page is 20 KB of which a few hundred bytes are
 * searched, and the index no longer waits for the pages, so it is made
 * beside the Astro build (issue #18). HTML rather than plain records because
 * pagefind weighs a heading above body text: a search for a tool's name puts
 * that tool before tools whose descriptions mention it. Pure: the search
 * step feeds it the catalog the pages are rendered from.
 */
import type { CatalogServer, CatalogTool } from "../catalog/catalog-schema.ts";
import type { CatalogIndex } from "./catalog-index.ts";
import { html, type SafeHtml } from "./html.ts";
import { revealInvisible } from "./text-blocks.ts";
import { toolTitle } from "./tool-facts.ts";
import { serverPath } from "./urls.ts";

/** pagefind's `addHTMLFile` argument. */
export interface SearchDocument {
  url: string;
  html: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Server text with each unpaired surrogate replaced by U+FFFD: JSON allows
 * them, but pagefind's service refuses such a document and stops the whole index.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

function document(url: string, body: SafeHtml): SearchDocument {
  return { url, html: wellFormed(html`<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${body}</body></html>`.value) };
}

/** A meta value and a filter value read from the element's text, so no catalog text is parsed as pagefind's `key:value, ...` syntax. */
const facet = (key: string, value: string): SafeHtml => html`<span data-pagefind-meta="${key}" data-pagefind-filter="${key}">${value}</span>`;

export function serverSearchDocument(server: CatalogServer): SearchDocument {
  return document(serverPath(server.id), html`<span data-pagefind-meta="kind:server"></span><h1>${server.name}</h1><p>${server.summary}</p>`);
}

/** What the tool page shows above its classification, with the whole description the catalog keeps. */
export function toolSearchDocument(server: CatalogServer, tool: CatalogTool, url: string): SearchDocument {
  const verdict = tool.verdict;
  const title = toolTitle(tool);
  return document(
    url,
    html`<span data-pagefind-meta="kind:tool"></span><h1>${revealInvisible(tool.name)}</h1>${title && html`<p>${title}</p>`}<p>Tool of ${facet("server", server.name)}.</p>${
      verdict ? html`<p>${facet("category", verdict.category)}, ${facet("risk", verdict.risk)} risk.</p>${verdict.flags.map((f) => html`<p>${f}</p>`)}` : html`<p>Not classified.</p>`
    }${tool.removedSince && html`<p>The server stopped listing this tool on ${tool.removedSince}.</p>`}${tool.definition.description && html`<p>${tool.definition.description}</p>`}`,
  );
}

/** Every searchable page of the site built from `index`: servers, listed tools, removed tools still shown. */
export function* searchDocuments(index: CatalogIndex): Generator<SearchDocument> {
  for (const server of index.servers) yield serverSearchDocument(server);
  for (const entry of [...index.tools, ...index.removed]) yield toolSearchDocument(entry.server, entry.tool, entry.path);
}
