import { describe, expect, it } from "vitest";
import { escapeHtml, html, SafeHtml } from "../../src/site/html.ts";
import { badgeHtml, policyBlockHtml, textBlocksHtml, toolListHtml } from "../../src/site/markup.ts";

const hostile = `<img src=x onerror="alert(1)">&'`;

describe("html templates", () => {
  it.each([
    ["<script>", "&lt;script&gt;"],
    ['a "quoted" value', "a &quot;quoted&quot; value"],
    ["it's & more", "it&#39;s &amp; more"],
    ["plain text", "plain text"],
  ])("escape %j as %j", (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });

  it("escapes every interpolated string, in text and in attributes", () => {
    expect(html`<a title="${hostile}">${hostile}</a>`.value).toBe(
      '<a title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</a>',
    );
  });

  it("keeps markup made by html, flattens lists and writes nothing for null, undefined and false", () => {
    const items = ["a<", "b"].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe("<ul><li>a&lt;</li><li>b</li></ul>0");
  });

  it("treats a string that looks like markup as text, not as markup", () => {
    const looksSafe = "<b>bold</b>";
    expect(html`${looksSafe}`.value).toBe("&lt;b&gt;bold&lt;/b&gt;");
    expect(html`${new SafeHtml(looksSafe)}`.value).toBe(looksSafe);
  });
});

describe("shared markup", () => {
  it("writes a badge's text next to its colour, linked when asked", () => {
    expect(badgeHtml({ kind: "risk", text: "Critical", href: "/risk/critical/" }).value).toBe('<a class="badge badge-critical" href="/risk/critical/">Critical risk</a>');
    expect(badgeHtml({ kind: "flag", text: hostile }).value).toBe('<span class="badge badge-flag">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</span>');
  });

  it("writes hostile tool and server names in a tool list as text", () => {
    const entry = {
      server: { id: "s", name: hostile },
      tool: { name: hostile, lastChanged: "2026-01-02" },
      path: "/servers/s/tools/x/",
    } as unknown as Parameters<typeof toolListHtml>[0][number];
    const out = toolListHtml([entry], { showChanged: true }).value;
    expect(out).not.toContain("<img");
    expect(out).toContain("<code>&lt;img src=x");
    expect(out).toContain("not classified");
    expect(out).toContain(" changed 2026-01-02");
  });

  it("links only http and https addresses in maintainer Markdown", () => {
    const out = textBlocksHtml([{ kind: "paragraph", text: "[ok](https://x.dev/a?b=1&c=2) [bad](javascript:alert(1)) `<code>`" }], true).value;
    expect(out).toBe('<p><a href="https://x.dev/a?b=1&amp;c=2" rel="nofollow noopener">ok</a> [bad](javascript:alert(1)) <code>&lt;code&gt;</code></p>');
  });

  it("keeps a policy's text exact inside its block, with the copy button pointing at it", () => {
    const out = policyBlockHtml({ id: "p", yaml: 'tools:\n  "</code><script>":\n', variant: "deny" }).value;
    expect(out).toContain('<pre id="p" data-policy-snippet="deny" tabindex="0"><code>tools:\n  &quot;&lt;/code&gt;&lt;script&gt;&quot;:\n</code></pre>');
    expect(out).toContain('<copy-button for="p">');
  });
});
