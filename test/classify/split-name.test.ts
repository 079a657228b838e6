import { describe, expect, it } from "vitest";
import { splitName } from "../../src/classify/index.ts";

describe("splitName", () => {
  it.each([
    ["CreateCodeConnection", ["create", "code", "connection"]],
    ["create_code_connection", ["create", "code", "connection"]],
    ["create-code-connection", ["create", "code", "connection"]],
    ["repo.create", ["repo", "create"]],
    ["getHTTPResponse", ["get", "http", "response"]],
    ["browser_take_screenshot", ["browser", "take", "screenshot"]],
    ["github__create_issue", ["github", "create", "issue"]],
    ["API-post-search", ["api", "post", "search"]],
    ["azmcp-keyvault-secret-get", ["azmcp", "keyvault", "secret", "get"]],
    ["s3Upload", ["s3", "upload"]],
    ["list charges", ["list", "charges"]],
    ["tools/list_files", ["tools", "list", "files"]],
    ["ÜberTool_öffnen", ["über", "tool", "öffnen"]],
    ["iOS Simulator", ["ios", "simulator"]],
    ["iCloud-mail", ["icloud", "mail"]],
    ["iOSBuild", ["ios", "build"]],
    ["eBay_search", ["ebay", "search"]],
    ["", []],
    ["___", []],
  ])("splits %j into %j", (name, words) => {
    expect(splitName(name)).toEqual(words);
  });

  it("reads at most 200 characters of a huge name", () => {
    expect(splitName(`get_${"x".repeat(1_000_000)}`)).toEqual(["get", "x".repeat(196)]);
  });
});
