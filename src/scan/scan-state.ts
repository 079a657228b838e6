/**
 * Browser-safe: the /scan/ page's state in the URL fragment, in the
 * playground's form and within its limits (`#s=` + base64url of deflated
 * JSON, src/playground/url-state.ts): the tool list and the builder's
 * choices that differ from the recommendations. Nothing read is trusted:
 * the tools are read again by `readToolList`, and each choice is checked.
 */
import { approvalTimeouts, builderActions, readLimitCount, windowsOffered, type BuilderAction } from "../playground/builder-policy.ts";
import { compressJson, inflateJson, MAX_FRAGMENT_CHARS } from "../playground/url-state.ts";
import type { Window } from "../policy/policy-words.ts";

/** One tool's row, as the user left it. */
export interface RowChoice {
  action: BuilderAction;
  count: number;
  window: Window;
  timeout: string;
}

export interface BuilderChoices {
  default: "allow" | "deny";
  /** The cap on all calls together, when switched on. */
  cap?: { count: number; window: Window };
  /** Only rows that differ from their recommendation, by tool name. */
  rows: Array<[string, RowChoice]>;
}

export interface ScanState {
  /** The tool list as read (JSON text of a tools array). */
  tools: unknown[];
  choices?: BuilderChoices;
}

const SCAN_STATE_VERSION = 1;

export type Encoded = { ok: true; hash: string } | { ok: false; message: string };

/** `#s=…`, or the honest reason it does not fit in a link. */
export async function encodeScanState(state: ScanState): Promise<Encoded> {
  const hash = `#s=${await compressJson({ v: SCAN_STATE_VERSION, scan: state })}`;
  if (hash.length - 1 <= MAX_FRAGMENT_CHARS) return { ok: true, hash };
  return {
    ok: false,
    message: `This list is too large to keep in the page's link: compressed, it takes ${(hash.length - 1).toLocaleString("en-US")} characters, more than the ${MAX_FRAGMENT_CHARS.toLocaleString("en-US")} a link holds. The page works as usual; save the tool list to share it.`,
  };
}

export type DecodedScan = { ok: true; state: ScanState } | { ok: false; message: string } | { ok: "empty" };

export async function decodeScanFragment(hash: string): Promise<DecodedScan> {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (fragment === "") return { ok: "empty" };
  const broken = (why: string): DecodedScan => ({ ok: false, message: `The link's state could not be read (${why}); paste the tool list again.` });
  if (fragment.length > MAX_FRAGMENT_CHARS) return broken(`it is ${fragment.length.toLocaleString("en-US")} characters long, more than the ${MAX_FRAGMENT_CHARS.toLocaleString("en-US")} this page reads`);
  const encoded = new URLSearchParams(fragment).get("s");
  if (encoded === null) return { ok: "empty" };
  const inflated = await inflateJson(encoded);
  if (!inflated.ok) return broken(inflated.why);
  const data = inflated.data as { v?: unknown; scan?: { tools?: unknown; choices?: unknown } } | null;
  if (typeof data !== "object" || data === null || data.v !== SCAN_STATE_VERSION || typeof data.scan !== "object" || data.scan === null) return broken("not a scan page's state");
  if (!Array.isArray(data.scan.tools)) return broken("no tool list");
  if (data.scan.choices === undefined) return { ok: true, state: { tools: data.scan.tools } };
  const choices = readChoices(data.scan.choices);
  return typeof choices === "string" ? broken(choices) : { ok: true, state: { tools: data.scan.tools, choices } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isWindow = (v: unknown): v is Window => typeof v === "string" && (windowsOffered as readonly string[]).includes(v);
const isCount = (v: unknown): v is number => typeof v === "number" && readLimitCount(String(v)) === v;

function readChoices(raw: unknown): BuilderChoices | string {
  if (!isRecord(raw) || (raw.default !== "allow" && raw.default !== "deny") || !Array.isArray(raw.rows)) return "bad builder choices";
  let cap: BuilderChoices["cap"];
  if (raw.cap !== undefined) {
    if (!isRecord(raw.cap) || !isCount(raw.cap.count) || !isWindow(raw.cap.window)) return "bad cap on all calls";
    cap = { count: raw.cap.count, window: raw.cap.window };
  }
  const rows: BuilderChoices["rows"] = [];
  for (const entry of raw.rows) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !isRecord(entry[1])) return "bad builder row";
    const { action, count, window, timeout } = entry[1];
    if (!(builderActions as readonly unknown[]).includes(action) || !isCount(count) || !isWindow(window) || !(approvalTimeouts as readonly unknown[]).includes(timeout)) return "bad builder row";
    rows.push([entry[0], { action: action as BuilderAction, count, window, timeout: timeout as string }]);
  }
  return { default: raw.default, ...(cap ? { cap } : {}), rows };
}
