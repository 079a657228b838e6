import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runAddServer } from "../../src/add-server/add-server-cli.ts";
import { loadDefinitions } from "../../src/catalog/load-definitions.ts";

const fixtures = path.resolve("test/fixtures/registry");

/** Runs `add-server --from` on a fixture into an empty workspace; no registry, no network. */
async function importFixture(name: string, extra: string[] = [], existing: Record<string, string> = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), "registry-import-"));
  const definitionsDir = path.join(root, "catalog", "servers");
  mkdirSync(definitionsDir, { recursive: true });
  for (const [file, text] of Object.entries(existing)) writeFileSync(path.join(definitionsDir, file), text);
  const out: string[] = [];
  const err: string[] = [];
  const unused = async (): Promise<never> => {
    throw new Error("--from must not reach the npm registry");
  };
  const code = await runAddServer(["--from", path.join(fixtures, name), ...extra], { lookUpPackage: unused, installPackage: unused }, { out: (l) => out.push(l), err: (l) => err.push(l) }, root);
  const files = Object.fromEntries(readdirSync(definitionsDir).sort().map((f) => [f, readFileSync(path.join(definitionsDir, f), "utf8")]));
  return { code, out, err, files, definitionsDir };
}

/** The front matter of a written definition (the part before the template body). */
const frontMatter = (text: string | undefined) => text?.split("\n---\n")[0];

describe("npm run add-server -- --from server.json", () => {
  it("an npm package becomes a definition: secrets and required values as references, non-secret defaults kept, optional ones left out", async () => {
    const { code, files } = await importFixture("npm-package.server.json");
    expect(code).toBe(0);
    expect(Object.keys(files)).toEqual(["weather.md"]);
    expect(frontMatter(files["weather.md"])).toBe(`---
name: Weather
summary: Forecasts and weather alerts from the Example Weather API.
homepage: https://weather.example.org
repository: https://github.com/example/weather-mcp
package:
  registry: npm
  name: "@example/weather-mcp"
  version: 1.4.0
args:
  - \${CACHE_DIR}
  - --units
  - metric
env:
  WEATHER_API_KEY: \${WEATHER_API_KEY}
  WEATHER_REGION: eu-west
  WEATHER_SIGNING_SECRET: \${WEATHER_SIGNING_SECRET}
  WEATHER_ACCOUNT: \${WEATHER_ACCOUNT}
tags: []`);
  });

  it("a secret the document spells out in full is never written, only its name", async () => {
    const { files, out } = await importFixture("npm-package.server.json");
    expect(files["weather.md"]).not.toContain("sk_live_do_not_copy_me");
    expect(out).toContain("  weather: ${WEATHER_SIGNING_SECRET} (secret): the crawl needs it set, or a placeholder in its place");
  });

  it("remotes become streamable-http and sse definitions with ${VAR} headers and URL variables", async () => {
    const { code, files } = await importFixture("remotes.server.json");
    expect(code).toBe(0);
    expect(Object.keys(files)).toEqual(["tickets-remote-2.md", "tickets-remote.md"]);
    expect(frontMatter(files["tickets-remote.md"])).toContain(
      "transport: streamable-http\nurl: https://${TENANT}.desk.example.com/mcp\nheaders:\n  Authorization: Bearer ${API_TOKEN}\n  X-Api-Version: 2025-01\n",
    );
    expect(frontMatter(files["tickets-remote-2.md"])).toContain("transport: sse\nurl: https://eu.sse.desk.example.com/sse\nheaders:\n  X-Desk-Key: ${X_DESK_KEY}\n");
  });

  it("PyPI, OCI, NuGet and MCPB packages are reported as unsupported, one line each, and the npm one is still written", async () => {
    const { code, out, files } = await importFixture("mixed.server.json");
    expect(code).toBe(0);
    expect(out.filter((l) => l.startsWith("skipped "))).toEqual([
      "skipped packages[0]: pypi package example-notes-mcp 0.9.1: not supported by this crawler (it installs and starts npm packages only)",
      "skipped packages[1]: oci package ghcr.io/example/notes-mcp:0.9.1: not supported by this crawler (it installs and starts npm packages only)",
      "skipped packages[2]: nuget package Example.Notes.Mcp 0.9.1: not supported by this crawler (it installs and starts npm packages only)",
      "skipped packages[3]: mcpb package https://github.com/example/notes-mcp/releases/download/v0.9.1/notes.mcpb: not supported by this crawler (it installs and starts npm packages only)",
    ]);
    expect(Object.keys(files)).toEqual(["example-notes.md"]);
  });

  it("a document with nothing this crawler runs writes nothing and exits 4", async () => {
    const { code, err, files } = await importFixture("pypi-only.server.json");
    expect(code).toBe(4);
    expect(err[0]).toMatch(/pypi-only\.server\.json has no npm package run over stdio and no remote; nothing was written\.$/);
    expect(files).toEqual({});
  });

  it.each([
    ["not-json.server.json", ["(top level): not JSON: Unexpected end of JSON input"]],
    ["old-schema.server.json", ['$schema: expected "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json", got "https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json"']],
    [
      "missing-fields.server.json",
      [
        "name: a reverse-DNS name with one slash, such as io.github.acme/widgets",
        "packages[0].identifier: required, expected string",
        "packages[0].environmentVariables[0].name: required, expected string",
        'remotes[0].type: expected one of "streamable-http", "sse", got "websocket"',
      ],
    ],
    ["version-range.server.json", ["packages[0].version: an exact version such as 1.2.3 (no ranges, no tags)"]],
  ])("%s is refused with the file and each field, and nothing is written", async (name, problems) => {
    const { code, err, files } = await importFixture(name);
    expect(code).toBe(2);
    expect(err).toEqual([`add-server: ${path.join(fixtures, name)} is not a server.json this importer reads; nothing was written:\n${problems.map((p) => `  ${p}`).join("\n")}`]);
    expect(files).toEqual({});
  });

  it("when one definition already exists, none of the document's definitions is written", async () => {
    const { code, err, files } = await importFixture("remotes.server.json", [], { "tickets-remote-2.md": "kept" });
    expect(code).toBe(2);
    expect(err[0]).toMatch(/nothing was written:\n {2}.*tickets-remote-2\.md already exists: add --force to replace it$/);
    expect(files).toEqual({ "tickets-remote-2.md": "kept" });
  });

  it("every imported definition is refused by the loader until its template is edited, and valid once it is", async () => {
    const { definitionsDir } = await importFixture("remotes.server.json");
    const before = await loadDefinitions(definitionsDir);
    expect(before.definitions).toEqual([]);
    expect(before.errors.map((e) => [path.basename(e.file), e.field, e.kind])).toEqual([
      ["tickets-remote-2.md", "body", "untouched-template"],
      ["tickets-remote.md", "body", "untouched-template"],
    ]);
    for (const file of readdirSync(definitionsDir)) {
      const text = readFileSync(path.join(definitionsDir, file), "utf8");
      writeFileSync(path.join(definitionsDir, file), text.replace(/\n---\n[\s\S]*$/, "\n---\nThe Example Desk server, in our words.\n"));
    }
    const after = await loadDefinitions(definitionsDir);
    expect(after.errors).toEqual([]);
    expect(after.definitions.map((d) => [d.id, d.transport])).toEqual([
      ["tickets-remote-2", "sse"],
      ["tickets-remote", "streamable-http"],
    ]);
  });
});
