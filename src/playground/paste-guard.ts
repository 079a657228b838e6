/**
 * Browser-safe: whether text may reach the policy editor. Chromium lays
 * out a text area of megabytes for seconds (a 5 MB paste froze the tab
 * about 7 s), so text the engine would refuse anyway is refused before
 * the editor sees it.
 */
import { MAX_POLICY_CHARS } from "../policy/yaml-limits.ts";

export interface PasteSizes {
  /** Characters in the editor now. */
  current: number;
  /** Characters the paste replaces (the selection). */
  selected: number;
  /** Characters pasted. */
  pasted: number;
}

const n = (value: number) => value.toLocaleString("en-US");

/** Why a policy of this many characters is not opened, naming the limit as the playground's own; undefined when it fits. */
export function sizeRefusal(chars: number, limit = MAX_POLICY_CHARS): string | undefined {
  if (chars <= limit) return undefined;
  return `${n(chars)} characters is more than the ${n(limit)} this playground accepts (its own limit, not the proxy's; a policy has a few thousand).`;
}

/** Undefined when the paste may go ahead; otherwise the message to show, with the limit and the sizes. */
export function pasteRefusal({ current, selected, pasted }: PasteSizes, limit = MAX_POLICY_CHARS): string | undefined {
  const after = current - selected + pasted;
  const why = sizeRefusal(after, limit);
  if (!why) return undefined;
  const size = after === pasted ? "" : ` The pasted text is ${n(pasted)} characters; with what the editor holds, the policy would be ${n(after)}.`;
  return `Paste refused: ${why}${size} The editor is unchanged.`;
}
