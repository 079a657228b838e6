import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { descendantsResidentBytes } from "../../scripts/process-tree-memory.ts";

let proc: string;

/** A /proc with `stat` files: pid, command, parent and resident pages (field 24). */
async function processEntry(pid: number, command: string, parent: number, pages: number): Promise<void> {
  const before = `${pid} (${command}) S ${parent}`;
  const middle = Array.from({ length: 19 }, () => "0").join(" ");
  await mkdir(path.join(proc, String(pid)), { recursive: true });
  await writeFile(path.join(proc, String(pid), "stat"), `${before} ${middle} ${pages} 0 0\n`);
}

beforeAll(async () => {
  proc = await mkdtemp(path.join(os.tmpdir(), "fake-proc-"));
  await processEntry(1, "init", 0, 1);
  await processEntry(100, "node", 1, 10); // the bench
  await processEntry(200, "time", 100, 1);
  await processEntry(300, "node (tsx) x", 200, 100); // a name with spaces and parentheses
  await processEntry(400, "pagefind_extended", 300, 1000);
  await processEntry(500, "other", 1, 5000); // not ours
  await mkdir(path.join(proc, "self"));
  await writeFile(path.join(proc, "uptime"), "1 1\n");
});

afterAll(() => rm(proc, { recursive: true, force: true }));

describe("the resident memory of a process tree", () => {
  it("adds up every descendant, however deep, and nothing outside the tree", () => {
    expect(descendantsResidentBytes(100, proc)).toBe((1 + 100 + 1000) * 4096);
    expect(descendantsResidentBytes(300, proc)).toBe(1000 * 4096);
  });

  it("is nothing for a process with no children", () => {
    expect(descendantsResidentBytes(400, proc)).toBe(0);
  });
});
