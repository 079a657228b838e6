import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CrawlTarget } from "../../src/crawl/crawl-server.ts";

export const fixtureServer = path.resolve("test/fixtures/servers/misbehaving-server.mjs");
export const detachedGrandchildServer = path.resolve("test/fixtures/servers/detached-grandchild-server.mjs");

/** A stdio target for a fixture server (the misbehaving one unless named) in the given mode, with a pid file to check for survivors. */
export function fixtureTarget(mode: string, env: Record<string, string> = {}, server = fixtureServer): { target: CrawlTarget; pidFile: string } {
  const pidFile = path.join(mkdtempSync(path.join(os.tmpdir(), "fixture-pids-")), "pids");
  return {
    pidFile,
    target: {
      transport: "stdio",
      process: {
        command: process.execPath,
        args: [server],
        env: { PATH: process.env.PATH ?? "", FIXTURE_MODE: mode, FIXTURE_PID_FILE: pidFile, ...env },
      },
    },
  };
}

/** Pids written by the fixture (the server and any grandchild) that are still alive. */
export async function survivingPids(pidFile: string): Promise<number[]> {
  // The kernel may take a moment to reap a killed group.
  for (let attempt = 0; attempt < 20; attempt++) {
    const alive = readPids(pidFile).filter(isAlive);
    if (alive.length === 0) return [];
    await new Promise((r) => setTimeout(r, 50));
  }
  return readPids(pidFile).filter(isAlive);
}

/** Every pid the fixture wrote, alive or not. */
export function readPids(pidFile: string): number[] {
  try {
    return readFileSync(pidFile, "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // A zombie has exited; only its parent's bookkeeping is left.
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}
