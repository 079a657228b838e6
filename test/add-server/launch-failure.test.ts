import { describe, expect, it } from "vitest";
import { placeholderFor, readLaunchNeeds } from "../../src/add-server/launch-failure.ts";
import { crawlerSetVariables } from "../../src/crawl/prepare-target.ts";

describe("readLaunchNeeds", () => {
  it.each([
    ["Error: FOO_API_KEY is required", ["FOO_API_KEY"]],
    ["Missing FOO_TOKEN", ["FOO_TOKEN"]],
    ["Missing required environment variables: A_KEY, B_TOKEN and C_URL", ["A_KEY", "B_TOKEN", "C_URL"]],
    ["Please set GITHUB_TOKEN before starting", ["GITHUB_TOKEN"]],
    ["TypeError: Cannot read properties of undefined (reading process.env.SLACK_BOT_TOKEN)", ["SLACK_BOT_TOKEN"]],
    ["The TOKEN environment variable must be set", ["TOKEN"]],
    ["Error: DB_URL must be provided\n    at main (file:///x/index.js:3:9)", ["DB_URL"]],
    ["LINEAR_API_KEY environment variable is required\nLINEAR_API_KEY is required", ["LINEAR_API_KEY"]],
  ])("%j names %j", (stderr, variables) => {
    expect(readLaunchNeeds(stderr, crawlerSetVariables).variables).toEqual(variables);
  });

  it.each([
    ["a capitalised word outside an environment-variable phrase", "MCP server is required to run"],
    ["a Node error code", "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod': missing"],
    ["a variable the crawler sets itself", "Error: HOME is not set and PATH environment variable is empty"],
    ["a line that only announces the server", "Widgets MCP Server running on stdio"],
  ])("%s is not taken for a variable", (_, stderr) => {
    expect(readLaunchNeeds(stderr, crawlerSetVariables).variables).toEqual([]);
  });

  it.each([
    ["Usage: widgets-server <workspace-dir>", ["workspace-dir"]],
    ["Error: Usage: db-mcp <database-url> <schema> [--port N]", ["database-url", "schema"]],
    ["Usage: mcp-server-filesystem [allowed-directory] [additional-directories...]", ["allowed-directory"]],
    ["usage: tool [options]", []],
    ["no usage line here", []],
  ])("the usage line %j asks for %j", (stderr, args) => {
    expect(readLaunchNeeds(stderr).args).toEqual(args);
  });
});

describe("placeholderFor", () => {
  it.each([
    ["FOO_URL", "http://127.0.0.1:9"],
    ["DB_HOST", "http://127.0.0.1:9"],
    ["database-url", "http://127.0.0.1:9"],
    ["LOG_DIR", "${CATALOG_SANDBOX}"],
    ["WORKSPACE_PATH", "${CATALOG_SANDBOX}"],
    ["allowed-directory", "${CATALOG_SANDBOX}"],
    ["MEMORY_FILE_PATH", "${CATALOG_SANDBOX}/memory-file-path"],
    ["FOO_API_KEY", "placeholder"],
    ["schema", "placeholder"],
  ])("%s gets %s", (name, value) => {
    expect(placeholderFor(name)).toBe(value);
  });
});
