import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const run = (args: string[]) => execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/classify-catalog.ts", ...args], { encoding: "utf8" });

describe("classify:catalog", () => {
  it("restores a tampered verdict and leaves files whose verdicts are current byte-identical", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "reclassify-"));
    for (const id of ["memory", "filesystem"]) cpSync(`catalog/${id}.json`, path.join(dir, `${id}.json`));
    const memoryFile = path.join(dir, "memory.json");
    const original = readFileSync(memoryFile, "utf8");
    const tampered = JSON.parse(original);
    tampered.tools[0].verdict.category = tampered.tools[0].verdict.category === "Financial" ? "Read" : "Financial";
    writeFileSync(memoryFile, JSON.stringify(tampered, null, 2) + "\n");
    const filesystemBefore = readFileSync(path.join(dir, "filesystem.json"), "utf8");

    const output = run(["--catalog", dir]);
    expect(output).toContain("reclassified memory");
    expect(output).toContain("2 catalog files read, 1 changed");
    expect(readFileSync(memoryFile, "utf8")).toBe(original);
    expect(readFileSync(path.join(dir, "filesystem.json"), "utf8")).toBe(filesystemBefore);
  });
});
