import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeBuilderState, encodeBuilderState, MAX_BUILDER_FRAGMENT, type BuilderFormState } from "../../src/playground/builder-state.ts";

const fragment = (json: string) => `#b=${deflateRawSync(Buffer.from(json)).toString("base64url")}`;

describe("the builder's choices in the fragment", () => {
  it("come back exactly as they were written, a __proto__ tool among them", async () => {
    const state: BuilderFormState = {
      rows: JSON.parse('{"list_charges":{"action":"deny"},"create_refund":{"count":"7","window":"hour"},"__proto__":{"timeout":"2h"},"bad":{"count":"0"}}'),
      posture: "deny",
      cap: { on: true, count: "50", window: "minute" },
      view: "docker",
    };
    const hash = await encodeBuilderState(state);
    expect(hash).toMatch(/^#b=[A-Za-z0-9_-]+$/);
    const back = await decodeBuilderState(hash);
    expect(back).toEqual(state);
    expect(Object.hasOwn((back as BuilderFormState).rows, "__proto__")).toBe(true);
  });

  it.each(["", "#", "#s=abc", "#policy=x"])("are absent from a fragment that holds none (%j)", async (hash) => {
    expect(await decodeBuilderState(hash)).toBeUndefined();
  });

  it.each([
    ["text that is not base64url", "#b=a$b", "the link's choices are not base64url text"],
    ["bytes that do not inflate", "#b=AAAAAAAAAAAAAAAA_____w", "the link's choices are damaged"],
    ["another version", fragment('{"v":2,"rows":{}}'), "the link's choices are not this builder's"],
    ["rows that are a list", fragment('{"v":1,"rows":[]}'), "the link's choices hold no rows"],
    ["a row value that is a number", fragment('{"v":1,"rows":{"a":{"count":7}}}'), 'the link\'s count for "a" is not one the builder writes'],
    ["a posture of maybe", fragment('{"v":1,"rows":{},"posture":"maybe"}'), "the link's default posture is neither allow nor deny"],
    ["a view of another gateway", fragment('{"v":1,"rows":{},"view":"opa"}'), "the link's view is neither ToolHive's nor Docker's Cedar"],
    ["a cap with no count", fragment('{"v":1,"rows":{},"cap":{"on":true,"window":"day"}}'), "the link's cap on all calls is not one the builder writes"],
    ["an oversized fragment", `#b=${"A".repeat(MAX_BUILDER_FRAGMENT - 1)}`, "the link's choices are 200,001 characters long, more than the 200,000 the builder reads"],
    ["a deflate bomb", fragment(`{"v":1,"rows":{},"x":"${"a".repeat(5_000_000)}"}`), "the link's choices inflate past the size the builder reads"],
  ])("are refused with a reason for %s", async (_what, hash, why) => {
    expect(await decodeBuilderState(hash)).toBe(why);
  });
});
