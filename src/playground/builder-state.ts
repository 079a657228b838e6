/**
 * Browser-safe (also runs in Node 20 for tests): the policy builder's form
 * in the URL fragment, `#b=<base64url(deflate-raw(JSON))>`, so a reload or
 * a shared link keeps every choice. Only what differs from the page as
 * rendered is kept, as the controls' own text (a limit that does not read
 * comes back marked, as it was). Nothing read from a fragment is trusted:
 * sizes are capped, every field is checked, and the page applies a value
 * only where its control offers it.
 */
import { setOwn } from "../policy/own-property.ts";
import { fromBase64Url, pipeBytes, toBase64Url } from "./url-state.ts";

/** One row's controls, by the tool's exact name; absent fields keep the rendered value. */
export interface BuilderRowState {
  action?: string;
  count?: string;
  window?: string;
  timeout?: string;
}

export interface BuilderFormState {
  rows: Record<string, BuilderRowState>;
  /** Posture for tools not listed. */
  posture?: "allow" | "deny";
  /** The cap on all calls: on or off, its count as typed, its window. */
  cap?: { on: boolean; count: string; window: string };
  /** The Cedar target whose file is on show; absent: the Intercept YAML. */
  view?: "toolhive" | "docker";
}

export const BUILDER_STATE_VERSION = 1;
/** A fragment or its inflated JSON past these is refused unread; a server of 2,000 tools changed row by row stays well under. */
export const MAX_BUILDER_FRAGMENT = 200_000;
const MAX_BUILDER_JSON = 1_000_000;
/** A control's value longer than this is not one the builder wrote. */
const MAX_VALUE_CHARS = 40;

export async function encodeBuilderState(state: BuilderFormState): Promise<string> {
  const json = JSON.stringify({ v: BUILDER_STATE_VERSION, ...state });
  const bytes = await pipeBytes(new TextEncoder().encode(json), new CompressionStream("deflate-raw"), Infinity);
  return `#b=${toBase64Url(bytes ?? new Uint8Array())}`;
}

/** The form state in `location.hash`, undefined when it holds none, or why it cannot be read. */
export async function decodeBuilderState(hash: string): Promise<BuilderFormState | string | undefined> {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!fragment.startsWith("b=")) return undefined;
  if (fragment.length > MAX_BUILDER_FRAGMENT) return `the link's choices are ${fragment.length.toLocaleString("en-US")} characters long, more than the ${MAX_BUILDER_FRAGMENT.toLocaleString("en-US")} the builder reads`;
  const bytes = fromBase64Url(fragment.slice(2));
  if (!bytes) return "the link's choices are not base64url text";
  let data: unknown;
  try {
    const inflated = await pipeBytes(bytes, new DecompressionStream("deflate-raw"), MAX_BUILDER_JSON);
    if (!inflated) return "the link's choices inflate past the size the builder reads";
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated));
  } catch {
    return "the link's choices are damaged";
  }
  return readBuilderState(data);
}

/** The state, or why the data is not one. */
export function readBuilderState(data: unknown): BuilderFormState | string {
  if (!isRecord(data) || data.v !== BUILDER_STATE_VERSION) return "the link's choices are not this builder's";
  if (!isRecord(data.rows)) return "the link's choices hold no rows";
  const rows: Record<string, BuilderRowState> = {};
  for (const [tool, raw] of Object.entries(data.rows)) {
    if (!isRecord(raw)) return `the link's choices for ${JSON.stringify(tool.slice(0, 60))} are not a row`;
    const row: BuilderRowState = {};
    for (const field of ["action", "count", "window", "timeout"] as const) {
      const value = raw[field];
      if (value === undefined) continue;
      if (typeof value !== "string" || value.length > MAX_VALUE_CHARS) return `the link's ${field} for ${JSON.stringify(tool.slice(0, 60))} is not one the builder writes`;
      row[field] = value;
    }
    setOwn(rows, tool, row);
  }
  const state: BuilderFormState = { rows };
  if (data.posture !== undefined) {
    if (data.posture !== "allow" && data.posture !== "deny") return "the link's default posture is neither allow nor deny";
    state.posture = data.posture;
  }
  if (data.cap !== undefined) {
    const cap = data.cap;
    if (!isRecord(cap) || typeof cap.on !== "boolean" || typeof cap.count !== "string" || typeof cap.window !== "string" || cap.count.length > MAX_VALUE_CHARS || cap.window.length > MAX_VALUE_CHARS) {
      return "the link's cap on all calls is not one the builder writes";
    }
    state.cap = { on: cap.on, count: cap.count, window: cap.window };
  }
  if (data.view !== undefined) {
    if (data.view !== "toolhive" && data.view !== "docker") return "the link's view is neither ToolHive's nor Docker's Cedar";
    state.view = data.view;
  }
  return state;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
