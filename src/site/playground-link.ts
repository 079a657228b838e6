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
  const state: PlaygroundState = {
    policy,
    server: context.server,
    form: { tool: context.tool, args: "", clock: "", stepSeconds: 0, count: 1, approved: false },
    batches: [],
  };
  const bytes = deflateRawSync(Buffer.from(JSON.stringify({ v: STATE_VERSION, ...state })), { level: 9 });
  return `/playground/#s=${bytes.toString("base64url")}`;
}
