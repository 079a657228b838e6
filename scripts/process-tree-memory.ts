/**
 * Peak memory of a command's whole process tree, for bench:build. `/usr/bin/time`
 * reports the largest single process, and only those its command waited for:
 * the search step is Node driving pagefind's own process, and `npm run build`
 * runs Astro and that pair side by side, so their cost is the sum. Linux only
 * (reads /proc); elsewhere nothing is sampled.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

const PAGE_BYTES = 4096;
const SAMPLE_EVERY_MS = 200;

/** Resident bytes of every live descendant of `root`, added up. */
export function descendantsResidentBytes(root: number, proc = "/proc"): number {
  const children = new Map<number, number[]>();
  const resident = new Map<number, number>();
  for (const entry of readdirSync(proc)) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`${proc}/${entry}/stat`, "utf8");
    } catch {
      continue; // exited between the listing and the read
    }
    // The command name may hold spaces and parentheses: fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(entry);
    const parent = Number(fields[1]);
    resident.set(pid, Number(fields[21]) * PAGE_BYTES);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  let total = 0;
  const pending = [...(children.get(root) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += resident.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Starts sampling this process's descendants; the returned function stops and gives the peak in MB (undefined without /proc). */
export function sampleDescendantsPeak(): () => number | undefined {
  if (!existsSync("/proc/self/stat")) return () => undefined;
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, descendantsResidentBytes(process.pid));
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  return () => {
    clearInterval(timer);
    return peak / (1024 * 1024);
  };
}
