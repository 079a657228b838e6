import type { Window } from "./policy-schema.ts";

/** One counter: its value within the window that started at `windowStart` (ISO, UTC). */
export interface CounterEntry {
  value: number;
  window: string;
  windowStart: string;
}

/**
 * Everything the proxy remembers between calls, as plain JSON so the
 * playground can keep it in the URL. Keys are `<scope>.<counter>`, the
 * scope being the tool name or `_global`.
 */
export interface PolicyState {
  counters: Record<string, CounterEntry>;
}

export function emptyState(): PolicyState {
  return { counters: {} };
}

const windowMs: Record<Window, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Start of the UTC calendar window holding `now`: 14:37 → 14:00 for `hour`, midnight UTC for `day`. */
export function windowStart(now: Date, window: string): string {
  const size = Object.hasOwn(windowMs, window) ? windowMs[window as Window] : undefined;
  if (size === undefined) return now.toISOString();
  const start = Math.floor(now.getTime() / size) * size;
  // Calls check counters in the same window again and again; format each window's start once.
  const last = formatted.get(size);
  if (last?.start === start) return last.text;
  const text = new Date(start).toISOString();
  formatted.set(size, { start, text });
  return text;
}

const formatted = new Map<number, { start: number; text: string }>();

/** The counter's value now: 0 when it was never used or its window has passed. */
export function counterValue(state: PolicyState, key: string, now: Date): number {
  const entry = Object.hasOwn(state.counters, key) ? state.counters[key] : undefined;
  if (!entry) return 0;
  return entry.windowStart === windowStart(now, entry.window) ? entry.value : 0;
}

/** When the window holding `now` ends and its counters start again from 0, ISO; undefined for an unknown window. */
export function windowReset(now: Date, window: string): string | undefined {
  const size = Object.hasOwn(windowMs, window) ? windowMs[window as Window] : undefined;
  if (size === undefined) return undefined;
  return new Date(Date.parse(windowStart(now, window)) + size).toISOString();
}
