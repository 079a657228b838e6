/**
 * Browser-safe (also runs in Node 20 for tests): the playground's whole
 * state in the URL fragment, as `#s=<base64url(deflate-raw(JSON))>`, so a
 * link reproduces the page (server pages write the same form at build time,
 * src/site/playground-link.ts). The plain form
 * `#policy=<encodeURIComponent(yaml)>[&server=<id>&tool=<name>]`, for links
 * written by hand and the builder's first link, and a tool page's snippet
 * link (`#snippet=`, snippet-link.ts), are read here too. Nothing read from a
 * fragment is trusted: sizes are capped before and while inflating, and
 * every field is checked; a bad fragment gives a message, never a throw.
 */

import { readSnippetLink, type SnippetLink } from "./snippet-link.ts";

/** One press of "Call": `count` calls of one tool, `stepSeconds` apart, from `at`. */
export interface CallBatch {
  /** The tool's exact name (untrusted text). */
  tool: string;
  /** The arguments as the user typed them (JSON text). */
  args: string;
  /** Simulated time of the first call, ISO 8601 UTC. */
  at: string;
  /** Seconds between calls of the batch; 0 keeps the clock still. */
  stepSeconds: number;
  /** Calls in the batch, 1 to MAX_BATCH_CALLS. */
  count: number;
  /** A person approved the calls (`require_approval` rules let them through). */
  approved: boolean;
}

/** The simulator's form, so a shared link opens with the same inputs. */
export interface SimulatorForm {
  tool: string;
  args: string;
  /** `YYYY-MM-DDTHH:MM:SS`, read as UTC. */
  clock: string;
  stepSeconds: number;
  count: number;
  approved: boolean;
}

export interface PlaygroundState {
  policy: string;
  /** Present when `policy` is Cedar: the schema it is validated against ("detect": the one the text names). */
  cedar?: CedarTargetChoice;
  /** Catalog server id whose tool list the policy is checked against. */
  server?: string;
  form?: SimulatorForm;
  batches: CallBatch[];
}

/** The targets a Cedar policy can be checked against, as a link may name them. */
export const cedarTargetChoices = ["detect", "toolhive", "docker"] as const;
export type CedarTargetChoice = (typeof cedarTargetChoices)[number];

/** A shared fragment longer than this is refused before any work is done. */
export const MAX_FRAGMENT_CHARS = 200_000;
/** Inflated JSON larger than this is refused (a policy may have 1,000,000 characters). */
export const MAX_STATE_CHARS = 1_200_000;
export const MAX_BATCHES = 200;
export const MAX_BATCH_CALLS = 1_000;
export const MAX_TOTAL_CALLS = 5_000;
const MAX_STEP_SECONDS = 366 * 86_400;
/** Simulated calls fall within these years: JavaScript dates end in 275760, and a call past that has no time to show. */
export const EARLIEST_CALL = Date.UTC(1970, 0, 1);
export const LATEST_CALL = Date.UTC(9999, 11, 31, 23, 59, 59);
export const STATE_VERSION = 1;

export type DecodeResult =
  | { ok: true; state: PlaygroundState }
  | { ok: false; message: string }
  /** A tool page's snippet link: the playground reads the snippet from that page. */
  | { ok: "snippet"; link: SnippetLink }
  /** The fragment holds nothing for the playground. */
  | { ok: "empty" };

/** `#s=…` for a state. */
export async function encodeState(state: PlaygroundState): Promise<string> {
  return `#s=${await compressJson({ v: STATE_VERSION, ...state })}`;
}

/** base64url(deflate-raw(JSON)): the playground's and the scan page's fragment payload. */
export async function compressJson(value: unknown): Promise<string> {
  const bytes = await pipeBytes(new TextEncoder().encode(JSON.stringify(value)), new CompressionStream("deflate-raw"), Infinity);
  return toBase64Url(bytes ?? new Uint8Array());
}

/** The JSON value in a `compressJson` payload, or why it cannot be read; bombs stop at MAX_STATE_CHARS. */
export async function inflateJson(encoded: string): Promise<{ ok: true; data: unknown } | { ok: false; why: string }> {
  const bytes = fromBase64Url(encoded);
  if (!bytes) return { ok: false, why: "not base64url text" };
  let json: string;
  try {
    const inflated = await pipeBytes(bytes, new DecompressionStream("deflate-raw"), MAX_STATE_CHARS * 4);
    if (!inflated) return { ok: false, why: `it inflates to more than ${MAX_STATE_CHARS.toLocaleString("en-US")} characters` };
    json = new TextDecoder("utf-8", { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, why: "the compressed data is damaged" };
  }
  if (json.length > MAX_STATE_CHARS) return { ok: false, why: `it inflates to more than ${MAX_STATE_CHARS.toLocaleString("en-US")} characters` };
  try {
    return { ok: true, data: JSON.parse(json) };
  } catch {
    return { ok: false, why: "not JSON" };
  }
}

/** Reads `location.hash` (with or without the `#`). */
export async function decodeFragment(hash: string): Promise<DecodeResult> {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (fragment === "") return { ok: "empty" };
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return { ok: false, message: `The link's state is ${fragment.length.toLocaleString("en-US")} characters long, more than the ${MAX_FRAGMENT_CHARS.toLocaleString("en-US")} the playground reads; the example policy is shown instead.` };
  }
  const params = new URLSearchParams(fragment);
  const compressed = params.get("s");
  if (compressed !== null) return decodeCompressed(compressed);
  const snippet = readSnippetLink(params);
  if (typeof snippet === "string") return { ok: false, message: snippet };
  if (snippet !== undefined) return { ok: "snippet", link: snippet };
  const policy = plainParam(fragment, "policy");
  if (policy === undefined) return { ok: "empty" };
  if (policy === null) return { ok: false, message: "The link's policy is not valid percent-encoded text; the example policy is shown instead." };
  const server = params.get("server") ?? undefined;
  if (server !== undefined && !serverId.test(server)) return { ok: false, message: "The link's server id is not one the catalog could have; the example policy is shown instead." };
  // A tool page's link names the tool to call; its arguments are left for the playground to fill from the schema.
  const tool = plainParam(fragment, "tool");
  if (tool === null) return { ok: false, message: "The link's tool name is not valid percent-encoded text; the example policy is shown instead." };
  const form: SimulatorForm | undefined = tool ? { tool, args: "", clock: "", stepSeconds: 0, count: 1, approved: false } : undefined;
  return { ok: true, state: { policy, ...(server ? { server } : {}), ...(form ? { form } : {}), batches: [] } };
}

async function decodeCompressed(encoded: string): Promise<DecodeResult> {
  const broken = (why: string): DecodeResult => ({ ok: false, message: `The link's state could not be read (${why}); the example policy is shown instead.` });
  const inflated = await inflateJson(encoded);
  if (!inflated.ok) return broken(inflated.why);
  const checked = readState(inflated.data);
  return typeof checked === "string" ? broken(checked) : { ok: true, state: checked };
}

/** `policy=<percent-encoded>` read by hand: URLSearchParams turns `+` into a space, encodeURIComponent never writes one. */
function plainParam(fragment: string, name: string): string | null | undefined {
  for (const part of fragment.split("&")) {
    if (!part.startsWith(`${name}=`)) continue;
    try {
      return decodeURIComponent(part.slice(name.length + 1));
    } catch {
      return null;
    }
  }
  return undefined;
}

/** The state, or why the data is not one. */
export function readState(data: unknown): PlaygroundState | string {
  if (!isRecord(data)) return "not an object";
  if (data.v !== STATE_VERSION) return `unknown version ${JSON.stringify(data.v)}`;
  if (typeof data.policy !== "string") return "no policy text";
  if (data.server !== undefined && (typeof data.server !== "string" || !serverId.test(data.server))) return "bad server id";
  if (data.cedar !== undefined && !cedarTargetChoices.includes(data.cedar as CedarTargetChoice)) return "bad Cedar target";
  const form = data.form === undefined ? undefined : readForm(data.form);
  if (typeof form === "string") return form;
  if (!Array.isArray(data.batches) || data.batches.length > MAX_BATCHES) return `batches must be a list of at most ${MAX_BATCHES}`;
  const batches: CallBatch[] = [];
  let total = 0;
  for (const raw of data.batches) {
    const batch = readBatch(raw);
    if (typeof batch === "string") return batch;
    total += batch.count;
    batches.push(batch);
  }
  if (total > MAX_TOTAL_CALLS) return `more than ${MAX_TOTAL_CALLS} simulated calls`;
  return { policy: data.policy, ...(data.cedar ? { cedar: data.cedar as CedarTargetChoice } : {}), ...(data.server ? { server: data.server } : {}), ...(form ? { form } : {}), batches };
}

function readForm(raw: unknown): SimulatorForm | string {
  if (!isRecord(raw)) return "bad simulator form";
  const { tool, args, clock, stepSeconds, count, approved } = raw;
  if (typeof tool !== "string" || typeof args !== "string" || typeof clock !== "string" || typeof approved !== "boolean") return "bad simulator form";
  if (!isStep(stepSeconds) || !isCount(count)) return "bad simulator numbers";
  return { tool, args, clock, stepSeconds, count, approved };
}

function readBatch(raw: unknown): CallBatch | string {
  if (!isRecord(raw)) return "bad call";
  const { tool, args, at, stepSeconds, count, approved } = raw;
  if (typeof tool !== "string" || typeof args !== "string" || typeof approved !== "boolean") return "bad call";
  if (typeof at !== "string" || Number.isNaN(Date.parse(at))) return "bad call time";
  if (!isStep(stepSeconds) || !isCount(count)) return "bad call numbers";
  const range = callTimeProblem(Date.parse(at), count, stepSeconds);
  if (range) return `bad call time: ${range}`;
  return { tool, args, at, stepSeconds, count, approved };
}

/** Why a batch's calls cannot all be given a time (the first or the last is outside the years simulated), or undefined. */
export function callTimeProblem(start: number, count: number, stepSeconds: number): string | undefined {
  const last = start + (count - 1) * stepSeconds * 1000;
  if (Number.isNaN(start) || start < EARLIEST_CALL || last > LATEST_CALL) {
    return "every simulated call must fall between 1970-01-01 and 9999-12-31 UTC";
  }
  return undefined;
}

const serverId = /^[a-z0-9][a-z0-9-]{0,99}$/;
const isStep = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= MAX_STEP_SECONDS;
const isCount = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_BATCH_CALLS;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Runs bytes through a (de)compression stream; undefined once the output passes `limit` bytes (a deflate bomb stops there). */
export async function pipeBytes(input: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | undefined> {
  const writer = transform.writable.getWriter();
  const written = writer.write(input).then(() => writer.close());
  written.catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  await written;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
