import { describe, expect, it } from "vitest";
import { hostileName } from "../site/fixture-catalog.ts";
import { snippetPagePath } from "../../src/playground/snippet-link.ts";
import { decodeFragment, encodeState, MAX_FRAGMENT_CHARS, toBase64Url, type PlaygroundState } from "../../src/playground/url-state.ts";

const deflate = async (text: string): Promise<string> => {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return `#s=${toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()))}`;
};

const full: PlaygroundState = {
  policy: 'version: "1"\ntools:\n  "créer_fichier_📁":\n    rules:\n      - name: "hourly cap"\n        rate_limit: 5/hour\n',
  server: "acme-files",
  form: { tool: hostileName, args: '{"q": "\u0000\u2028</script>"}', clock: "2026-03-01T14:00:00", stepSeconds: 0, count: 6, approved: false },
  batches: [
    { tool: "créer_fichier_📁", args: "{}", at: "2026-03-01T14:00:00.000Z", stepSeconds: 0, count: 6, approved: false },
    { tool: '"; alert(1); "\n<b>', args: "not json", at: "2026-03-01T15:00:00.000Z", stepSeconds: 30, count: 1, approved: true },
  ],
};

describe("the playground's URL state", () => {
  it("survives a round trip with unicode and hostile tool names", async () => {
    const hash = await encodeState(full);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(await decodeFragment(hash)).toEqual({ ok: true, state: full });
    expect(await decodeFragment(hash.slice(1))).toEqual({ ok: true, state: full });
  });

  it("keeps a Cedar policy's target choice, and refuses a target it does not know", async () => {
    const state: PlaygroundState = { policy: 'forbid (principal, action == MCP::Action::"invokeTool", resource);\n', cedar: "docker", batches: [] };
    expect(await decodeFragment(await encodeState(state))).toEqual({ ok: true, state });
    const unknown = await encodeState({ ...state, cedar: "opa" as never });
    expect(await decodeFragment(unknown)).toEqual({ ok: false, message: "The link's state could not be read (bad Cedar target); the example policy is shown instead." });
  });

  it("keeps a 1,000-call timeline and a 200-tool policy in a short link", async () => {
    let policy = 'version: "1"\ntools:\n';
    for (let i = 0; i < 200; i++) policy += `  tool_${i}:\n    rules:\n      - name: "hourly cap"\n        rate_limit: 5/hour\n`;
    const state: PlaygroundState = { policy, batches: [{ tool: "tool_1", args: "{}", at: "2026-03-01T14:00:00.000Z", stepSeconds: 1, count: 1000, approved: false }] };
    const hash = await encodeState(state);
    expect(hash.length).toBeLessThan(2_000);
    expect(await decodeFragment(hash)).toEqual({ ok: true, state });
  });

  it("reads the plain #policy= form the tool pages link to", async () => {
    const yaml = 'version: "1"\ntools:\n  a+b:\n    rules: [] # 100% & more\n';
    expect(await decodeFragment(`#policy=${encodeURIComponent(yaml)}`)).toEqual({ ok: true, state: { policy: yaml, batches: [] } });
    expect(await decodeFragment(`#policy=${encodeURIComponent(yaml)}&server=pay-co`)).toEqual({ ok: true, state: { policy: yaml, server: "pay-co", batches: [] } });
  });

  it("reads a tool page's link with its server and tool, leaving the arguments for the playground to fill from the schema", async () => {
    const yaml = 'version: "1"\n';
    const tool = "créer fichier+📁";
    expect(await decodeFragment(`#policy=${encodeURIComponent(yaml)}&server=pay-co&tool=${encodeURIComponent(tool)}`)).toEqual({
      ok: true,
      state: { policy: yaml, server: "pay-co", form: { tool, args: "", clock: "", stepSeconds: 0, count: 1, approved: false }, batches: [] },
    });
    expect(await decodeFragment(`#policy=x&server=..%2Fetc`)).toEqual({ ok: false, message: "The link's server id is not one the catalog could have; the example policy is shown instead." });
  });

  it("reads a tool page's snippet link as the server, the page and the snippet to read from it", async () => {
    expect(await decodeFragment("#snippet=rate_limit&page=pay-co/create-refund")).toEqual({ ok: "snippet", link: { server: "pay-co", slug: "create-refund", variant: "rate_limit" } });
    const link = await decodeFragment("#snippet=deny&page=github/push-files");
    if (link.ok !== "snippet") throw new Error("expected a snippet link");
    expect(snippetPagePath(link.link)).toBe("/servers/github/tools/push-files/");
  });

  it.each([
    ["a path that climbs out", "#snippet=deny&page=../../etc/passwd"],
    ["an encoded slash in the slug", "#snippet=deny&page=pay-co/a%2F..%2Fb"],
    ["a third path part", "#snippet=deny&page=pay-co/refund/extra"],
    ["no page", "#snippet=deny"],
    ["a variant that is no word", "#snippet=deny%22%5D&page=pay-co/refund"],
    ["an absolute URL", "#snippet=deny&page=https://evil.example/x"],
  ])("refuses a snippet link with %s, with a message", async (_label, hash) => {
    const decoded = await decodeFragment(hash);
    expect(decoded.ok).toBe(false);
    expect(decoded.ok === false && decoded.message).toMatch(/cannot look up/);
  });

  it.each([["", "empty"], ["#", "empty"], ["#other=1", "empty"]])("treats the fragment %j as holding nothing", async (hash) => {
    expect(await decodeFragment(hash)).toEqual({ ok: "empty" });
  });

  it.each([
    ["text that is not base64url", "#s=abc$%", "not base64url text"],
    ["bytes that do not inflate", "#s=AAAAAAAAAAAAAAAA_____w", "the compressed data is damaged"],
    ["a cut-off link", "CUT", "the compressed data is damaged"],
  ])("refuses %s with a message", async (_what, hash, why) => {
    const fragment = hash === "CUT" ? (await encodeState(full)).slice(0, 41) : hash;
    const result = await decodeFragment(fragment);
    expect(result).toEqual({ ok: false, message: `The link's state could not be read (${why}); the example policy is shown instead.` });
  });

  it.each([
    ["JSON that is not an object", "[1,2]", "not an object"],
    ["another version", '{"v":2,"policy":"","batches":[]}', "unknown version 2"],
    ["a missing policy", '{"v":1,"batches":[]}', "no policy text"],
    ["a server id that is not a slug", '{"v":1,"policy":"","server":"../x","batches":[]}', "bad server id"],
    ["a call with a bad time", '{"v":1,"policy":"","batches":[{"tool":"a","args":"{}","at":"soon","stepSeconds":0,"count":1,"approved":false}]}', "bad call time"],
    ["a call repeated a million times", '{"v":1,"policy":"","batches":[{"tool":"a","args":"{}","at":"2026-01-01T00:00:00Z","stepSeconds":0,"count":1000000,"approved":false}]}', "bad call numbers"],
    ["a call in the year 275760, the last day a JavaScript date has", '{"v":1,"policy":"","batches":[{"tool":"a","args":"{}","at":"+275760-09-13T00:00:00Z","stepSeconds":86400,"count":2,"approved":false}]}', "bad call time: every simulated call must fall between 1970-01-01 and 9999-12-31 UTC"],
    ["a batch whose last call steps past the year 9999", '{"v":1,"policy":"","batches":[{"tool":"a","args":"{}","at":"9999-12-31T23:59:00Z","stepSeconds":60,"count":2,"approved":false}]}', "bad call time: every simulated call must fall between 1970-01-01 and 9999-12-31 UTC"],
    ["a call before 1970", '{"v":1,"policy":"","batches":[{"tool":"a","args":"{}","at":"1969-12-31T23:59:59Z","stepSeconds":0,"count":1,"approved":false}]}', "bad call time: every simulated call must fall between 1970-01-01 and 9999-12-31 UTC"],
    ["text that is not JSON", "{v:1", "not JSON"],
  ])("refuses %s inside a well-compressed link", async (_what, json, why) => {
    expect(await decodeFragment(await deflate(json))).toEqual({ ok: false, message: `The link's state could not be read (${why}); the example policy is shown instead.` });
  });

  it("refuses an oversized fragment before reading it", async () => {
    const result = await decodeFragment(`#s=${"A".repeat(MAX_FRAGMENT_CHARS - 1)}`);
    expect(result).toEqual({ ok: false, message: "The link's state is 200,001 characters long, more than the 200,000 the playground reads; the example policy is shown instead." });
  });

  it("stops inflating a deflate bomb at the size cap", async () => {
    const bomb = await deflate(`{"v":1,"policy":"${"a".repeat(20_000_000)}","batches":[]}`);
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const started = performance.now();
    expect(await decodeFragment(bomb)).toEqual({ ok: false, message: "The link's state could not be read (it inflates to more than 1,200,000 characters); the example policy is shown instead." });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses a plain policy that is not valid percent-encoding", async () => {
    expect(await decodeFragment("#policy=%E0%A4%A")).toEqual({ ok: false, message: "The link's policy is not valid percent-encoded text; the example policy is shown instead." });
  });
});
