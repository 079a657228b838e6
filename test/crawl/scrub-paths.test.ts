import { mkdtempSync, mkdirSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crawlPathPlaceholders, scrubPaths } from "../../src/crawl/scrub-paths.ts";

const project = "/home/dev/catalog";
const paths = { sandbox: "/tmp/catalog-x-AbC123", cacheDir: `${project}/.cache/servers`, projectRoot: project, cwd: "/srv/elsewhere/work" };

describe("crawlPathPlaceholders and scrubPaths", () => {
  it.each([
    ["the sandbox, with a folder inside it kept as its tail", "/tmp/catalog-x-AbC123/.config/a.json", "${CATALOG_SANDBOX}/.config/a.json"],
    ["the package cache before the repository that holds it", `${project}/.cache/servers/x@1.0.0/index.js and ${project}/src`, "${CATALOG_CACHE}/x@1.0.0/index.js and ${CATALOG_PROJECT}/src"],
    ["a working folder that is neither sandbox nor repository", "cwd is /srv/elsewhere/work/sub", "cwd is ${CATALOG_CWD}/sub"],
    ["text without any of these paths, unchanged", "reads /tmp and /srv", "reads /tmp and /srv"],
  ])("%s", async (_, input, expected) => {
    const placeholders = await crawlPathPlaceholders(paths);
    expect(scrubPaths(input, placeholders)).toBe(expected);
  });

  it("a working folder equal to the sandbox is stored as the sandbox, never as ${CATALOG_CWD}", async () => {
    const placeholders = await crawlPathPlaceholders({ ...paths, cwd: paths.sandbox });
    expect(placeholders.map((p) => p.placeholder)).not.toContain("${CATALOG_CWD}");
    expect(scrubPaths("in /tmp/catalog-x-AbC123", placeholders)).toBe("in ${CATALOG_SANDBOX}");
  });

  it("a sandbox reached through a symbolic link is replaced under its real name too", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "scrub-paths-"));
    const real = path.join(root, "real-sandbox");
    mkdirSync(real);
    const link = path.join(root, "linked-sandbox");
    symlinkSync(real, link);
    const placeholders = await crawlPathPlaceholders({ ...paths, sandbox: link });
    expect(scrubPaths(`${real}/a and ${link}/b`, placeholders)).toBe("${CATALOG_SANDBOX}/a and ${CATALOG_SANDBOX}/b");
  });

  it("keys and nested strings of a server's value are scrubbed, and the value it was given is left as it was", async () => {
    const placeholders = await crawlPathPlaceholders(paths);
    const value = { tools: [{ description: `under ${project}`, inputSchema: { properties: { [`${paths.sandbox}/key`]: { default: `${paths.cacheDir}/a` } } } }] };
    const before = JSON.stringify(value);
    expect(scrubPaths(value, placeholders)).toEqual({
      tools: [{ description: "under ${CATALOG_PROJECT}", inputSchema: { properties: { "${CATALOG_SANDBOX}/key": { default: "${CATALOG_CACHE}/a" } } } }],
    });
    expect(JSON.stringify(value)).toBe(before);
  });

  it("a path shorter than eight characters is never replaced, so ordinary text survives", () => {
    expect(scrubPaths("see /tmp/a", [{ path: "/tmp", placeholder: "${CATALOG_SANDBOX}" }])).toBe("see /tmp/a");
  });
});
