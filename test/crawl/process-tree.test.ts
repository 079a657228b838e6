import { describe, expect, it } from "vitest";
import { collectProcessTree, hasEnvironEntry, parseProcStat, readProcessStat, stillRunning, type ProcessStat } from "../../src/crawl/process-tree.ts";

// Fields 7..21 of proc(5) between session and starttime, then a few after it.
const middle = "0 -1 4194560 120 0 0 0 3 1 0 0 20 0 1 0";
const statLine = (pid: number, comm: string, rest: string) => `${pid} (${comm}) ${rest}\n`;

describe("parseProcStat", () => {
  it.each([
    ["a plain name", statLine(812, "node", `S 1 812 812 ${middle} 1234567 1000 200`), { pid: 812, comm: "node", state: "S", ppid: 1, pgid: 812, sid: 812, startTime: 1234567 }],
    ["a name with spaces", statLine(40, "Web Content", `R 39 39 7 ${middle} 99 1 1`), { pid: 40, comm: "Web Content", state: "R", ppid: 39, pgid: 39, sid: 7, startTime: 99 }],
    ["a name with parentheses", statLine(41, "x) (y", `Z 2 3 4 ${middle} 5 6 7`), { pid: 41, comm: "x) (y", state: "Z", ppid: 2, pgid: 3, sid: 4, startTime: 5 }],
    ["a name that fakes the fields", statLine(42, ") S 1 1 1 ", `T 9 10 11 ${middle} 12 13 14`), { pid: 42, comm: ") S 1 1 1 ", state: "T", ppid: 9, pgid: 10, sid: 11, startTime: 12 }],
    ["an empty name", statLine(43, "", `S 1 43 43 ${middle} 77 0 0`), { pid: 43, comm: "", state: "S", ppid: 1, pgid: 43, sid: 43, startTime: 77 }],
  ])("reads the fields after the last parenthesis: %s", (_, line, expected) => {
    expect(parseProcStat(line)).toEqual(expected);
  });

  it.each([
    ["an empty line", ""],
    ["no parentheses", "12 node S 1 12 12"],
    ["a line cut before starttime", "12 (node) S 1 12 12 0 -1"],
    ["a pid that is not a number", `x (node) S 1 12 12 ${middle} 5 0 0`],
  ])("refuses %s", (_, line) => {
    expect(parseProcStat(line)).toBeUndefined();
  });

  it("reads this very process from /proc", () => {
    expect(readProcessStat(process.pid)).toMatchObject({ pid: process.pid, ppid: process.ppid, state: "R" });
  });
});

describe("hasEnvironEntry", () => {
  const environ = (...entries: string[]) => Buffer.from(entries.join("\0") + "\0");
  it.each([
    ["the entry that comes first is found", environ("MARK=abc", "PATH=/bin"), true],
    ["the entry that comes last is found", environ("PATH=/bin", "MARK=abc"), true],
    ["the last entry is found without a final NUL", Buffer.from("PATH=/bin\0MARK=abc"), true],
    ["a longer value is no match", environ("MARK=abcdef"), false],
    ["a longer name is no match", environ("XMARK=abc"), false],
    ["the entry inside another value is no match", environ("NOTE=MARK=abc"), false],
    ["the value under another name is no match", environ("OTHER=abc"), false],
    ["the entry after a near miss is found", environ("MARK=abcd", "MARK=abc"), true],
    ["an empty environment holds nothing", Buffer.alloc(0), false],
  ])("%s", (_, buffer, expected) => {
    expect(hasEnvironEntry(buffer, "MARK=abc")).toBe(expected);
  });
});

const proc = (pid: number, ppid: number, pgid: number, sid: number, startTime = 100): ProcessStat => ({ pid, comm: `p${pid}`, state: "S", ppid, pgid, sid, startTime });
const tableOf = (...ps: ProcessStat[]) => new Map(ps.map((p) => [p.pid, p]));

describe("collectProcessTree", () => {
  // 10 is the crawler (group 10, session 5); 20 the server it started in a session of its own.
  const table = tableOf(
    proc(5, 1, 5, 5),
    proc(10, 5, 10, 5),
    proc(11, 10, 10, 5), // a sibling of the server in the crawler's group
    proc(20, 10, 20, 20), // the server
    proc(21, 20, 20, 20), // its child
    proc(30, 21, 30, 30), // a grandchild that called setsid
    proc(31, 30, 31, 30), // its own child, in a group of its own
    proc(40, 1, 40, 20), // orphaned in the server's session
    proc(50, 1, 50, 50), // a stranger
  );
  const spare = new Set([10, 5]);
  const pids = (found: Iterable<ProcessStat>) => [...collectProcessTree(table, found, spare).keys()].sort((a, b) => a - b);

  it("from the server: its descendants across sessions, and orphans left in its session", () => {
    expect(pids([table.get(20)!])).toEqual([20, 21, 30, 31, 40]);
  });

  it("from an orphan found by its marker: the rest of the session it is in", () => {
    expect(pids([table.get(40)!])).toEqual([20, 21, 30, 31, 40]);
  });

  it("never the crawler, its group or its session, even handed in", () => {
    expect(pids([table.get(10)!, table.get(11)!])).toEqual([11]);
  });

  it("finds nothing from nothing", () => {
    expect(pids([])).toEqual([]);
  });
});

describe("stillRunning", () => {
  it("keeps a process whose pid and start time match, drops one that exited and one whose pid was reused", () => {
    const now = tableOf(proc(20, 1, 20, 20, 500), proc(21, 1, 21, 21, 900));
    const remembered = [proc(20, 10, 20, 20, 500), proc(21, 20, 20, 20, 600), proc(22, 20, 20, 20, 600)];
    expect(stillRunning(now, remembered).map((p) => p.pid)).toEqual([20]);
  });
});
