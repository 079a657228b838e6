/** Browser-safe and engine-free (the page's main thread uses it): the simulator's arguments box. */

export type ParsedArguments = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/** The arguments box: a JSON object (empty text means no arguments). */
export function parseArguments(text: string): ParsedArguments {
  if (text.trim() === "") return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `arguments are not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: "arguments must be a JSON object, e.g. {\"path\": \"/tmp\"}" };
  return { ok: true, value: value as Record<string, unknown> };
}
