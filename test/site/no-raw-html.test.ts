import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { attributeText, inlineSegments, markdownBlocks, textBlocks } from "../../src/site/text-blocks.ts";
import { serializeJsonLd } from "../../src/site/json-ld.ts";

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(astro|ts|mjs|js)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

describe("untrusted text on the site", () => {
  it("is never written as raw HTML by pages, components or client scripts", async () => {
    const offenders: string[] = [];
    for (const dir of ["src/pages", "src/components", "src/layouts", "src/site", "src/playground"]) {
      for (const file of await sourceFiles(dir)) {
        const text = await readFile(file, "utf8");
        if (/set:html|innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(text)) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("is written raw only by the two audited components, Html (markup from html`...`) and JsonScript", async () => {
    const writers: string[] = [];
    for (const dir of ["src/pages", "src/components", "src/layouts", "src/site", "src/playground"]) {
      for (const file of await sourceFiles(dir)) {
        if (/markHTMLString|unescapeHTML|new SafeHtml\(/.test(await readFile(file, "utf8"))) writers.push(file);
      }
    }
    expect(writers.sort()).toEqual(["src/components/Html.astro", "src/components/JsonScript.astro", "src/site/html.ts"]);
  });

  it.each([
    ["</script><script>alert(1)</script>", '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"'],
    ["a & b \u2028", '"a \\u0026 b \\u2028"'],
  ])("JSON-LD writes %j with no markup characters", (input, output) => {
    expect(serializeJsonLd(input)).toBe(output);
    expect(JSON.parse(serializeJsonLd(input))).toBe(input);
  });

  it("splits a description into paragraphs and lists", () => {
    expect(textBlocks("Reads a file.\n\nOptions:\n- one\n- two\n  continued\n\n1. first\n2. second")).toEqual([
      { kind: "paragraph", text: "Reads a file." },
      { kind: "paragraph", text: "Options:" },
      { kind: "list", ordered: false, items: ["one", "two continued"] },
      { kind: "list", ordered: true, items: ["first", "second"] },
    ]);
  });

  it("reads maintainer Markdown headings and code fences as text blocks", () => {
    expect(markdownBlocks("## Setup\n\n```\n<b>x</b>\n```\ntext")).toEqual([
      { kind: "heading", level: 3, text: "Setup" },
      { kind: "code", text: "<b>x</b>" },
      { kind: "paragraph", text: "text" },
    ]);
  });

  it("links only http and https addresses in Markdown", () => {
    expect(inlineSegments("[a](https://x.dev/p) [b](javascript:alert(1)) `c`")).toEqual([
      { kind: "link", text: "a", href: "https://x.dev/p" },
      { kind: "text", text: " [b](javascript:alert(1)) " },
      { kind: "code", text: "c" },
    ]);
  });

  it("keeps angle brackets out of attributes", () => {
    expect(attributeText("<img src=x>")).toBe("‹img src=x›");
  });
});
