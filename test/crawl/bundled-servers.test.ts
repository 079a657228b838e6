import { describe, expect, it } from "vitest";
import type { ServerDefinition } from "../../src/catalog/server-definition-schema.ts";
import { bundledServerIds } from "../../src/crawl/bundled-servers.ts";

const definition = (id: string, pkg?: { name: string; version: string }): ServerDefinition =>
  ({ id, name: id, summary: "s", homepage: "https://example.org", repository: "https://example.org/r", ...(pkg ? { package: { registry: "npm", ...pkg } } : {}) }) as unknown as ServerDefinition;

describe("bundledServerIds", () => {
  it("picks servers whose package is a devDependency at exactly its pinned version, sorted", () => {
    const ids = bundledServerIds(
      [
        definition("memory", { name: "@modelcontextprotocol/server-memory", version: "2026.8.31" }),
        definition("everything", { name: "@modelcontextprotocol/server-everything", version: "2026.8.31" }),
        definition("stale", { name: "@modelcontextprotocol/server-filesystem", version: "2025.1.1" }),
        definition("elsewhere", { name: "some-server", version: "1.0.0" }),
        definition("local-command"),
      ],
      { "@modelcontextprotocol/server-everything": "2026.8.31", "@modelcontextprotocol/server-memory": "2026.8.31", "@modelcontextprotocol/server-filesystem": "2026.8.31", vitest: "4.1.12" },
    );
    expect(ids).toEqual(["everything", "memory"]);
  });

  it("finds none when nothing is a devDependency", () => {
    expect(bundledServerIds([definition("x", { name: "x", version: "1.0.0" })], {})).toEqual([]);
  });
});
