import { describe, expect, it } from "vitest";
import { initialRows } from "../../src/playground/builder-policy.ts";
import { builderMarkupHtml } from "../../src/site/builder-markup.ts";

const rows = initialRows([
  { name: "<img src=x onerror=alert(1)>", parameters: [], verdict: { category: "Destructive", risk: "Critical", flags: [] } },
  { name: "list_items", parameters: [], verdict: { category: "Read", risk: "Low", flags: [] } },
]);

describe("builderMarkupHtml", () => {
  it("writes tool names, the caption, the file name and the YAML as text, never as markup", () => {
    const markup = builderMarkupHtml({ rows, caption: 'Tools of <b>"Acme"</b>', fileName: "<script>x</script>.policy.yaml", yaml: "tools:\n  </code><script>alert(1)</script>: {}\n" }).value;
    expect(markup).not.toMatch(/<(img|script|b)[\s>]/);
    expect(markup).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(markup).toContain("<caption>Tools of &lt;b&gt;&quot;Acme&quot;&lt;/b&gt;</caption>");
    expect(markup).toContain("<code>tools:\n  &lt;/code&gt;&lt;script&gt;");
  });

  it("offers bulk targets only for the categories and risks the rows have, lowest risk first", () => {
    const markup = builderMarkupHtml({ rows, caption: "c", fileName: "f.policy.yaml" }).value;
    expect([...markup.matchAll(/<option value="(category|risk):([A-Za-z]+)"/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(["category:Destructive", "category:Read", "risk:Low", "risk:Critical"]);
  });

  it.each([
    [undefined, { deny: false, capOn: false, window: "minute" }],
    [{ default: "deny" as const, cap: { count: 7, window: "hour" as const } }, { deny: true, capOn: true, window: "hour" }],
  ])("starts the whole-server settings from %j", (settings, expected) => {
    const markup = builderMarkupHtml({ rows, caption: "c", fileName: "f.policy.yaml", settings }).value;
    expect(/value="deny" checked/.test(markup)).toBe(expected.deny);
    expect(/data-global-on checked/.test(markup)).toBe(expected.capOn);
    expect(/data-global-count disabled/.test(markup)).toBe(!expected.capOn);
    const capWindow = /<select id="pb-global-window"[^>]*>(.*?)<\/select>/s.exec(markup)?.[1] ?? "";
    expect(/<option value="(\w+)" selected>/.exec(capWindow)?.[1]).toBe(expected.window);
  });
});
