/**
 * Links from tool pages into the playground, in the compressed form of the
 * playground's own share links (`#s=`, read by src/playground/url-state.ts):
 * a page links all five snippets, and as percent-encoded YAML they added
 * 2.5 KB to a typical page and took the largest over the 30 KB target.
 * The call's arguments are left empty for the playground to fill from the
 * tool's input schema.
 */
import { deflateRawSync } from "node:zlib";
import { STATE_VERSION, type PlaygroundState } from "../playground/url-state.ts";

export function snippetPlaygroundPath(policy: string, context: { server: string; tool: string }): string {
  return compressedPath({
    policy,
    server: context.server,
    form: { tool: context.tool, args: "", clock: "", stepSeconds: 0, count: 1, approved: false },
    batches: [],
  });
}

/** A server page's whole policy, with the server chosen so tool names are checked against it. */
export function serverPlaygroundPath(policy: string, server: string): string {
  return compressedPath({ policy, server, batches: [] });
}

function compressedPath(state: PlaygroundState): string {
  const bytes = deflateRawSync(Buffer.from(JSON.stringify({ v: STATE_VERSION, ...state })), { level: 9 });
  return `/playground/#s=${bytes.toString("base64url")}`;
}
