/**
 * A tool page's snippet link, `#snippet=<variant>&page=<server>/<slug>`
 * (written by src/site/playground-link.ts): the snippet is on the tool page,
 * so the link names it instead of carrying it. The playground fetches that
 * page (same origin, a path made only of checked parts) and reads the
 * snippet's text and the tool's exact name from it. Browser-safe; the
 * fragment is untrusted, so every part is checked before it builds a path.
 */

export interface SnippetLink {
  server: string;
  slug: string;
  variant: string;
}

const serverIdPattern = /^[a-z0-9][a-z0-9-]{0,99}$/;
const slugPattern = /^[a-z0-9][a-z0-9-]{0,59}$/;
const variantPattern = /^[a-z][a-z_]{0,31}$/;
/** A tool page is held to 30 KB; anything far larger is no tool page of this site. */
export const MAX_TOOL_PAGE_CHARS = 1_000_000;

/** The link's parts; a message when the fragment names a snippet badly; undefined when it names none. */
export function readSnippetLink(params: URLSearchParams): SnippetLink | string | undefined {
  const variant = params.get("snippet");
  if (variant === null) return undefined;
  const page = params.get("page") ?? "";
  const [server = "", slug = "", ...rest] = page.split("/");
  if (!variantPattern.test(variant) || rest.length > 0 || !serverIdPattern.test(server) || !slugPattern.test(slug)) {
    return "The link names a snippet the playground cannot look up (it expects #snippet=<variant>&page=<server>/<tool page>); the example policy is shown instead.";
  }
  return { server, slug, variant };
}

export function snippetPagePath(link: SnippetLink): string {
  return `/servers/${link.server}/tools/${link.slug}/`;
}

/** The snippet's text and the tool's name, read from the tool page, or why they could not be. */
export function snippetFromPage(page: ParentNode, link: SnippetLink): { policy: string; tool: string } | string {
  const snippet = page.querySelector(`pre[data-policy-snippet="${link.variant}"]`);
  const tool = page.querySelector("[data-tool-name]")?.getAttribute("data-tool-name");
  if (!snippet || tool === null || tool === undefined) return `The tool page ${snippetPagePath(link)} has no "${link.variant}" snippet; the example policy is shown instead.`;
  return { policy: snippet.textContent ?? "", tool };
}
