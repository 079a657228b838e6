/** A Go `time.ParseDuration` text such as `10m`, `1h30m` or `90s`, as `approval_timeout` takes. */
const durationPattern = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h)(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))*$/;

const unitSeconds: Record<string, number> = { ns: 1e-9, us: 1e-6, "µs": 1e-6, "μs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Seconds in a positive Go duration, or undefined when the text is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (!durationPattern.test(text)) return undefined;
  let seconds = 0;
  for (const match of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    seconds += Number(match[1]) * (unitSeconds[match[2]!] ?? 0);
  }
  return seconds > 0 ? seconds : undefined;
}
