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
  const time = now.getTime();
  // One call checks many counters at the same instant; format each window's start once.
  if (time !== startsAt) {
    startsAt = time;
    starts.clear();
  }
  let start = starts.get(window);
  if (start === undefined) {
    const size = windowMs[window as Window];
    start = size === undefined ? now.toISOString() : new Date(Math.floor(time / size) * size).toISOString();
    starts.set(window, start);
  }
  return start;
}

let startsAt = Number.NaN;
const starts = new Map<string, string>();

/** The counter's value now: 0 when it was never used or its window has passed. */
export function counterValue(state: PolicyState, key: string, now: Date): number {
  const entry = Object.hasOwn(state.counters, key) ? state.counters[key] : undefined;
  if (!entry) return 0;
  return entry.windowStart === windowStart(now, entry.window) ? entry.value : 0;
}
