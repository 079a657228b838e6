/**
 * Links from pages into the playground.
 *
 * A tool page links each of its five snippets by reference: the playground
 * reads the snippet from the tool page itself (`#snippet=<variant>&page=
 * <server>/<slug>`, src/playground/snippet-link.ts). The snippet is already
 * on the page, so the link need not carry it: compressing five policies per
 * page, in the form of the playground's share links, was a quarter of a
 * tool page's build time (issue #18) and 1.6 KB of its HTML.
 *
 * A server page's one link carries the whole policy, compressed the way the
 * playground's own share links are (`#s=`, read by src/playground/url-state.ts).
 */
import { deflateRawSync } from "node:zlib";
import { STATE_VERSION, type PlaygroundState } from "../playground/url-state.ts";

export function snippetPlaygroundPath(context: { server: string; slug: string; variant: string }): string {
  return `/playground/#snippet=${context.variant}&page=${context.server}/${context.slug}`;
}

/** A server page's whole policy, with the server chosen so tool names are checked against it. */
export function serverPlaygroundPath(policy: string, server: string): string {
  return compressedPath({ policy, server, batches: [] });
}

function compressedPath(state: PlaygroundState): string {
  const bytes = deflateRawSync(Buffer.from(JSON.stringify({ v: STATE_VERSION, ...state })), { level: 9 });
  return `/playground/#s=${bytes.toString("base64url")}`;
}
