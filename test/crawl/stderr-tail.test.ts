import { describe, expect, it } from "vitest";
import { cleanServerOutput, isDecisiveLine, StderrTail, stderrExcerpt } from "../../src/crawl/stderr-tail.ts";

const numbered = (count: number, prefix = "log line") => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);

describe("isDecisiveLine", () => {
  it.each([
    "Error: connect ECONNREFUSED 127.0.0.1:5432",
    "TypeError: Cannot read properties of undefined (reading 'x')",
    "  Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /x.js",
    "Fatal error in main(): Error: API key missing",
    "Cannot find module './build/Release/addon.node'",
    "Uncaught SyntaxError: Unexpected token '<'",
    "java.lang.IllegalStateException: no config",
    "npm ERR! code E404",
    "panic: runtime error: index out of range",
  ])("%s is decisive", (line) => {
    expect(isDecisiveLine(line)).toBe(true);
  });

  it.each(["    at main (file:///srv/index.js:3:9)", "[info] server started", "errors: 0", "Error handling is on", ""])("%s is not", (line) => {
    expect(isDecisiveLine(line)).toBe(false);
  });
});

describe("stderrExcerpt", () => {
  const options = { lines: 10, lineLength: 40 };
  it.each([
    ["the last lines when nothing is decisive", numbered(30), numbered(30).slice(-10)],
    ["the last lines when the error is among them", [...numbered(20), "Error: boom", ...numbered(5, "after")], [...numbered(20).slice(-4), "Error: boom", ...numbered(5, "after")]],
    ["the first error line, then … and the last lines, when more than ten lines follow it", ["start", "Error: first", ...numbered(20), "Error: second"], ["Error: first", "…", ...numbered(20).slice(-9), "Error: second"]],
    ["no … when the error line is just before the last lines", ["Error: boom", ...numbered(10)], ["Error: boom", ...numbered(10)]],
    ["everything when it is short, without blank lines at either end", ["", "Error: boom", "  at x", "", ""], ["Error: boom", "  at x"]],
    ["long lines cut", [`Error: ${"x".repeat(100)}`], [`Error: ${"x".repeat(33)}…`]],
  ])("keeps %s", (_, input, expected) => {
    expect(stderrExcerpt(input.join("\n"), options).split("\n")).toEqual(expected);
  });
});

describe("cleanServerOutput", () => {
  const placeholders = [
    { path: "/tmp/catalog-demo-Ab12Cd", placeholder: "${CATALOG_SANDBOX}" },
    { path: "/home/dev/catalog", placeholder: "${CATALOG_PROJECT}" },
    { path: "/home/dev/catalog/.cache/servers", placeholder: "${CATALOG_CACHE}" },
    { path: "/tmp", placeholder: "${TOO_SHORT}" },
  ];
  it.each([
    ["terminal colours and titles", "\x1b[31mred\x1b[0m \x1b]0;title\x07done", "red done"],
    ["control and direction characters, as ?", "a\x07b\u202ec\u200bd\x00e", "a?b?c?d?e"],
    ["Windows and bare carriage returns", "one\r\ntwo\rthree", "one\ntwo\nthree"],
    ["the sandbox path", "cannot open /tmp/catalog-demo-Ab12Cd/.config/app.json", "cannot open ${CATALOG_SANDBOX}/.config/app.json"],
    ["the cache before the repository that holds it", "at /home/dev/catalog/.cache/servers/x@1.0.0/index.js and /home/dev/catalog/src", "at ${CATALOG_CACHE}/x@1.0.0/index.js and ${CATALOG_PROJECT}/src"],
    ["no path too short to be one", "see /tmp/other", "see /tmp/other"],
    ["ISO and clock times", "[2026-12-04T15:44:37.123Z] up at 15:44:37,5 on 2026-12-04 15:44", "[<time>] up at <time> on <time>"],
    ["process ids", "(node:48213) Warning: x; pid=77 PID: 12", "(node:<pid>) Warning: x; pid=<pid> PID: <pid>"],
    ["Node's internal line numbers and its version", "node:internal/modules/cjs/loader:1228\n    at run (node:internal/main/run_main_module:28:49)\nNode.js v20.20.2", "node:internal/modules/cjs/loader\n    at run (node:internal/main/run_main_module)\nNode.js <version>"],
    ["a user file's line numbers, which stay", "at main (/srv/app/index.js:12:5)", "at main (/srv/app/index.js:12:5)"],
  ])("replaces %s", (_, input, expected) => {
    expect(cleanServerOutput(input, placeholders)).toBe(expected);
  });
});

describe("StderrTail", () => {
  it("keeps the first error line after a flood of logging has pushed it out of the tail", () => {
    const tail = new StderrTail(1024);
    tail.push(Buffer.from("starting\nError: the first failure\n"));
    for (let i = 0; i < 100; i++) tail.push(Buffer.from(`still logging ${i}\n`));
    const text = tail.text();
    expect(text.startsWith("Error: the first failure\n…\n")).toBe(true);
    expect(text.endsWith("still logging 99\n")).toBe(true);
    expect(text.length).toBeLessThan(1024 + 100);
  });

  it("finds an error line split across chunks, multi-byte characters included", () => {
    const tail = new StderrTail(64);
    const line = Buffer.from("Error: café ünïcode\n");
    const cut = line.indexOf(Buffer.from("é")) + 1; // inside the two bytes of é
    tail.push(Buffer.from("x".repeat(100) + "\n"));
    tail.push(line.subarray(0, cut));
    tail.push(line.subarray(cut));
    for (let i = 0; i < 10; i++) tail.push(Buffer.from(`noise ${i}\n`));
    expect(tail.text().split("\n")[0]).toBe("Error: café ünïcode");
  });

  it("adds nothing when the tail still holds the error line", () => {
    const tail = new StderrTail(1024);
    tail.push(Buffer.from("Error: boom\n  at x\n"));
    expect(tail.text()).toBe("Error: boom\n  at x\n");
  });
});
