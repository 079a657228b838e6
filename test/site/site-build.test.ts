import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeParameterCounts } from "../../src/classify/index.ts";
import { categories, risks } from "../../src/classify/verdict-schema.ts";
import { readSnippetLink, snippetPagePath } from "../../src/playground/snippet-link.ts";
import { parse as parseYaml } from "yaml";
import { cedarTargets, cedarToolSnippet, recommendRule, validatePolicy } from "../../src/policy/index.ts";
import { validationProblems } from "../policy/cedar-engine.ts";
import { fixedPaths } from "../../src/site/machine-files.ts";
import { buildFixtureSite, decodeHtml, elementTexts, filesUnder, readText, type BuiltFixture } from "./built-site.ts";
import { downServerError, hostileName, invisibleName } from "./fixture-catalog.ts";

let site: BuiltFixture;
/** Pages this part of the site renders (the playground, policy builder and scan pages are tested by their own suites). */
let pages: Map<string, string>;
const othersPages = /^\/playground\/|^\/scan\/|^\/servers\/[^/]+\/policy\//;
const page = (urlPath: string): string => {
  const html = pages.get(urlPath);
  if (html === undefined) throw new Error(`no page at ${urlPath}`);
  return html;
};
const toolPages = () => site.servers.flatMap((s) => s.tools.map((tool) => ({ server: s, tool, html: page(`/servers/${s.id}/tools/${tool.slug}/`) })));

beforeAll(async () => {
  site = await buildFixtureSite({ search: false });
  pages = new Map();
  for (const file of await filesUnder(site.outDir, ".html")) {
    const relative = path.relative(site.outDir, file).split(path.sep).join("/");
    const urlPath = relative === "404.html" ? "/404" : `/${relative.replace(/index\.html$/, "")}`;
    if (!othersPages.test(urlPath)) pages.set(urlPath, await readText(file));
  }
}, 180_000);

describe("the built fixture site", () => {
  it("has one page per tool plus the server, browse and fixed pages", () => {
    const tools = site.servers.reduce((n, s) => n + s.tools.length + (s.removedTools?.length ?? 0), 0);
    const expected = tools + site.servers.length + categories.length + risks.length + fixedPaths.length + 1; // + 404
    expect(pages.size).toBe(expected);
    for (const p of fixedPaths) expect(pages.has(p), p).toBe(true);
  });

  it("gives every tool a unique slug and page, even for names that slug alike", () => {
    for (const server of site.servers) {
      const slugs = server.tools.map((t) => t.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
    const acme = site.servers.find((s) => s.id === "acme-files")!;
    const lookalikes = acme.tools.filter((t) => t.name === "get-item" || t.name === "get_item");
    expect(lookalikes.map((t) => t.slug)[0]).not.toBe(lookalikes.map((t) => t.slug)[1]);
    expect(toolPages()).toHaveLength(acme.tools.length + 3);
  });

  it("states parameter counts in words on every tool page, never zero-padded", () => {
    for (const { tool, html } of toolPages()) {
      const [line] = elementTexts(html, "p", "data-parameter-counts");
      const counts = { total: tool.parameters.length, required: tool.parameters.filter((p) => p.required).length };
      expect(line?.text, tool.name).toBe(describeParameterCounts(tool.verdict?.parameters ?? counts));
    }
    for (const [url, html] of pages) expect(html, url).not.toMatch(/\b0\d+ (?:of|optional|parameters?|required)\b|Parameters\s*00/);
  });

  it.each([
    ["read_file", "1 of 2 parameters required."],
    ["write_file", "2 of 5 parameters required."],
    ["../../etc/passwd", "No parameters."],
    ['"quotes"', "5 optional parameters."],
  ])("shows %s with the line %s", (name, line) => {
    const entry = toolPages().find((t) => t.tool.name === name)!;
    expect(elementTexts(entry.html, "p", "data-parameter-counts")[0]?.text).toBe(line);
  });

  it("gives every classified tool page a FAQPage JSON-LD of 5 to 7 questions that parses", () => {
    for (const { tool, html } of toolPages()) {
      const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      if (!tool.verdict) {
        expect(scripts, tool.name).toHaveLength(0);
        continue;
      }
      expect(scripts, tool.name).toHaveLength(1);
      expect(scripts[0]).not.toMatch(/[<>]/);
      const data = JSON.parse(scripts[0]!) as { "@type": string; mainEntity: { name: string; acceptedAnswer: { text: string } }[] };
      expect(data["@type"]).toBe("FAQPage");
      expect(data.mainEntity.length).toBeGreaterThanOrEqual(5);
      expect(data.mainEntity.length).toBeLessThanOrEqual(7);
      if (tool.name === hostileName) expect(data.mainEntity[0]!.name).toBe(`What does ${hostileName} do?`);
    }
  });

  it("makes every policy snippet a complete policy the validator accepts without a warning", () => {
    let checked = 0;
    for (const [url, html] of pages) {
      for (const snippet of elementTexts(html, "pre", "data-policy-snippet")) {
        const result = validatePolicy(snippet.text);
        expect(result.findings, `${url} ${snippet.attribute}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("shows five snippets on a classified tool page (four when the name holds a dot), exactly one recommended", () => {
    for (const { tool, html } of toolPages()) {
      const snippets = elementTexts(html, "pre", "data-policy-snippet");
      if (!tool.verdict) {
        expect(snippets, tool.name).toHaveLength(0);
        expect(html).toContain("not classified");
        continue;
      }
      expect(snippets.length, tool.name).toBe(tool.name.includes(".") ? 4 : 5);
      expect(html.match(/\(recommended\)/g), tool.name).toHaveLength(1);
    }
  });

  it("links every snippet on a tool page to the playground by a reference the playground reads back from the same page", () => {
    let checked = 0;
    for (const { server, tool, html } of toolPages()) {
      const variants = elementTexts(html, "pre", "data-policy-snippet").map((s) => s.attribute);
      const links = [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*data-playground-link/g)].map((m) => {
        const href = decodeHtml(m[1]!);
        expect(href.startsWith("/playground/#"), href).toBe(true);
        const link = readSnippetLink(new URLSearchParams(href.slice("/playground/#".length)));
        if (link === undefined || typeof link === "string") throw new Error(`${tool.name}: ${href} is no snippet link`);
        expect(snippetPagePath(link)).toBe(`/servers/${server.id}/tools/${tool.slug}/`);
        return link.variant;
      });
      expect(links, tool.name).toEqual(variants);
      // The playground takes the tool's exact name from the page, invisible characters and all.
      const named = /<code data-tool-name="([^"]*)"/.exec(html);
      if (variants.length > 0) expect(decodeHtml(named?.[1] ?? ""), tool.name).toBe(tool.name);
      checked += links.length;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("serves each server's ToolHive and Docker files beside its policy file, linked from its page, stating what they cannot enforce", async () => {
    for (const server of site.servers.filter((s) => s.tools.length > 0)) {
      const serverPage = page(`/servers/${server.id}/`);
      const toolhive = await readFile(path.join(site.outDir, "servers", server.id, `${server.id}.toolhive.yaml`), "utf8");
      const docker = await readFile(path.join(site.outDir, "servers", server.id, `${server.id}.docker.cedar`), "utf8");
      expect(serverPage).toContain(`href="/servers/${server.id}/${server.id}.toolhive.yaml" data-cedar-file="toolhive"`);
      expect(serverPage).toContain(`href="/servers/${server.id}/${server.id}.docker.cedar" data-cedar-file="docker"`);
      const config = parseYaml(toolhive) as { version: string; type: string; cedar: { policies: string[]; entities_json: string } };
      expect(config.type).toBe("cedarv1");
      expect(validationProblems("toolhive", config.cedar.policies.join("\n")).errors, server.id).toEqual([]);
      expect(validationProblems("docker", docker).errors, server.id).toEqual([]);
      // The Intercept file's default is allow: so is each Cedar file's, as a catch-all permit.
      expect(docker).toContain('@id("default allow")');
      // Every cap on a tool that may run is stated as not enforced (a denied or hidden tool's cap never applies).
      const capped = server.tools.filter((t) => {
        const rule = t.verdict && recommendRule({ ...t, verdict: t.verdict });
        return rule?.limit && (rule.action === "allow" || rule.action === "require_approval");
      }).length;
      for (const file of [toolhive, docker]) expect(file.match(/Not expressed: .*the cap of .* is not enforced/g)?.length ?? 0, server.id).toBeGreaterThanOrEqual(capped);
    }
  });

  it("gives each classified tool page the recommended decision as Cedar for ToolHive and Docker, beside what each cannot enforce", () => {
    let checked = 0;
    for (const { server, tool, html } of toolPages()) {
      if (!tool.verdict) {
        expect(html, tool.name).not.toContain("data-cedar-snippet");
        continue;
      }
      const recommendation = recommendRule({ ...tool, verdict: tool.verdict });
      for (const target of cedarTargets) {
        const expected = cedarToolSnippet(recommendation, target);
        const panel = html.slice(html.indexOf(`<div class="engine-panel" data-engine="${target}">`));
        expect(elementTexts(panel, "pre", "data-cedar-snippet")[0], tool.name).toEqual({ attribute: target, text: expected.text });
        const list = /^[^]*?<ul data-unexpressed>([^]*?)<\/ul>/.exec(panel.slice(0, panel.indexOf("<pre")))?.[1] ?? "";
        expect([...list.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => decodeHtml(m[1]!)), tool.name).toEqual(expected.unexpressed);
        expect(panel).toContain(`href="/servers/${server.id}/${server.id}.${target === "toolhive" ? "toolhive.yaml" : "docker.cedar"}"`);
        checked++;
      }
      expect(html.match(/<input type="radio" name="engine"/g), tool.name).toHaveLength(3);
      expect(html, tool.name).toContain('id="engine-intercept" value="intercept" checked');
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("serves each server's policy file with the same text as its page", async () => {
    for (const server of site.servers.filter((s) => s.tools.length > 0)) {
      const file = await readFile(path.join(site.outDir, "servers", server.id, `${server.id}.policy.yaml`), "utf8");
      const [shown] = elementTexts(page(`/servers/${server.id}/`), "pre", "data-policy-snippet");
      expect(shown?.text).toBe(file);
      expect(validatePolicy(file).findings).toEqual([]);
    }
  });

  it("escapes hostile names, descriptions and Markdown everywhere", () => {
    for (const [url, html] of pages) {
      expect(html, url).not.toContain("<img src=x");
      expect(html, url).not.toMatch(/<script>alert|<b>markup|<b>q<\/b>|href="javascript:/i);
    }
    const hostile = toolPages().find((t) => t.tool.name === hostileName)!;
    expect(hostile.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("carries the Content-Security-Policy meta on every page and no inline script but JSON-LD", () => {
    for (const [url, html] of pages) {
      expect(html, url).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';`);
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
        expect(tag, url).toMatch(/^<script type="module" src="\/_astro\/[^"]+\.js">$|^<script type="application\/ld\+json">$/);
      }
      expect(html, url).not.toMatch(/\sstyle="|\son[a-z]+="/);
    }
  });

  it("states the same counts on the home page, in llms.txt and in catalog.json", async () => {
    const catalog = JSON.parse(await readFile(path.join(site.outDir, "catalog.json"), "utf8")) as { counts: Record<string, unknown> & { byCategory: Record<string, number>; byRisk: Record<string, number> } };
    const llms = await readFile(path.join(site.outDir, "llms.txt"), "utf8");
    const home = page("/");
    const count = (key: string) => Number(elementTexts(home, "strong", `data-count="${key}"`)[0]?.text);
    expect(count("servers")).toBe(site.servers.length);
    expect(count("tools")).toBe(catalog.counts.tools);
    for (const c of categories) {
      expect(count(`category-${c}`)).toBe(catalog.counts.byCategory[c]);
      expect(llms).toContain(`${c} ${catalog.counts.byCategory[c]}`);
    }
    for (const r of risks) expect(count(`risk-${r}`)).toBe(catalog.counts.byRisk[r]);
    expect(llms).toContain(`${site.servers.length} MCP servers crawled, ${catalog.counts.tools} tools`);
    // Each server with tools links its three files; a server with none links no file.
    for (const server of site.servers) {
      const entry = llms.split("\n").find((l) => l.includes(`/servers/${server.id}/)`))!;
      for (const file of [".policy.yaml", ".toolhive.yaml", ".docker.cedar"]) expect(entry.includes(`/servers/${server.id}/${server.id}${file}`), `${server.id} ${file}`).toBe(server.tools.length > 0);
    }
  });

  it("lists every page in the sitemap", async () => {
    const sitemap = await readFile(path.join(site.outDir, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    for (const p of pages.keys()) if (p !== "/404") expect(locs, p).toContain(p);
    for (const loc of locs) expect(existsSync(path.join(site.outDir, loc, "index.html")), loc).toBe(true);
  });

  it("shows how a server was launched with environment variable names only", () => {
    const html = page("/servers/acme-files/");
    expect(html).toContain("acme-files --root ${ACME_ROOT}");
    expect(html).toContain("<code>ACME_TOKEN</code>");
    expect(page("/servers/pay-co/")).toContain("<code>Authorization</code>");
    expect(page("/servers/down-server/")).toContain("SERVER_EXITED");
  });

  it("shows a failed server's hint and its stderr tail as text", () => {
    const html = page("/servers/down-server/");
    expect(elementTexts(html, "dd", "data-crawl-hint")[0]?.text).toBe(downServerError.hint);
    expect(elementTexts(html, "pre", "data-stderr-tail")[0]?.text).toBe(downServerError.stderrTail);
    expect(html).toContain("dist/&lt;script&gt;alert(1)&lt;/script&gt;.js");
  });

  it("lists every tool of a server in its table, linked, with badges, confidence and the parameter line", () => {
    for (const server of site.servers.filter((s) => s.tools.length > 0)) {
      const html = page(`/servers/${server.id}/`);
      const table = /<caption[^>]*>Tools of [^<]*<\/caption>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
      const rows = [...table.matchAll(/<tr><td>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
      expect(rows, server.id).toHaveLength(server.tools.length);
      server.tools.forEach((tool, i) => {
        expect(rows[i], tool.name).toContain(`href="/servers/${server.id}/tools/${tool.slug}/"`);
        if (!tool.verdict) return expect(rows[i]).toContain("not classified");
        const cells = [...rows[i]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => decodeHtml(m[1]!.replace(/<[^>]+>/g, "")));
        expect(cells, tool.name).toEqual([
          tool.verdict.category,
          `${tool.verdict.risk} risk`,
          tool.verdict.confidence,
          describeParameterCounts(tool.verdict.parameters),
          tool.verdict.flags.length ? tool.verdict.flags.join(", ") : "none",
        ]);
      });
    }
  });

  it("lists every maintainer override on the methodology page, with both verdicts and the escaped note", () => {
    const overridden = site.servers.flatMap((s) => s.tools.filter((t) => t.verdict?.override).map((t) => ({ server: s, tool: t })));
    expect(overridden.length).toBeGreaterThan(0);
    const html = page("/methodology/");
    const table = /<table data-overrides>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
    const rows = [...table.matchAll(/<tr>\s*<td>([\s\S]*?)<\/tr>/g)].map((m) => decodeHtml(m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")));
    expect(rows).toHaveLength(overridden.length);
    for (const { server, tool } of overridden) {
      expect(table).toContain(`href="/servers/${server.id}/tools/${tool.slug}/"`);
      const row = rows.find((r) => r.includes(`${tool.name} on ${server.name}`));
      expect(row, tool.name).toContain(`${tool.verdict!.override!.classifier.category}, ${tool.verdict!.override!.classifier.risk} risk`);
      expect(row).toContain(`${tool.verdict!.category} ${tool.verdict!.risk} risk`);
      expect(row).toContain(tool.verdict!.override!.note);
    }
    expect(table).toContain("&lt;b&gt;PII&lt;/b&gt;");
  });

  it("explains each gateway on the methodology page, with every action as the renderers write it and links to each engine's documentation", () => {
    const html = page("/methodology/");
    const section = html.slice(html.indexOf('<h2 id="gateways">'));
    for (const href of [
      "https://docs.stacklok.com/toolhive/reference/authz-policy-reference",
      "https://docs.stacklok.com/toolhive/concepts/cedar-policies",
      "https://docs.docker.com/ai/sandboxes/governance/reference/mcp-policy/",
      "https://docs.docker.com/ai/sandboxes/governance/access-controls/mcp/",
      "https://github.com/PolicyLayer/Intercept",
    ]) expect(section).toContain(`href="${href}"`);
    const rows = [...section.matchAll(/<tr>\s*<th scope="row"><code>([a-z_]+)<\/code><\/th>([\s\S]*?)<\/tr>/g)].map((m) => ({ action: m[1], cells: elementTexts(m[2]!, "pre", "tabindex").map((c) => c.text) }));
    expect(rows.map((r) => r.action)).toEqual(["allow", "require_approval", "deny", "hide"]);
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r.cells]));
    expect(byAction.require_approval![1]).toMatch(/^@id\("no approval step example_tool"\)\nforbid \(principal, action == Action::"call_tool"/);
    expect(byAction.require_approval![2]).toContain('@requireApproval("A person approves each call to example_tool.")');
    expect(byAction.hide![0]).toContain("hide:\n  - example_tool");
    expect(section).toContain("Not enforced: example_tool: ToolHive cannot hold a call for a person to approve");
    expect(section).toMatch(/Not enforced: example_tool: hiding becomes a forbid; Docker(&#39;|')s gateway does not filter tools\/list/);
    expect(validationProblems("docker", byAction.deny![2]!).errors).toEqual([]);
  });

  it("shows a maintainer override with the classifier's own verdict", () => {
    const html = page("/servers/pay-co/tools/list-charges/");
    expect(html).toContain("Maintainer override");
    const faq = html.slice(html.indexOf('<section class="faq"'), html.indexOf("</section>", html.indexOf('<section class="faq"')));
    expect(faq.split("Charges include customer emails").length - 1).toBe(1);
    expect(html).toContain("Charges include customer emails &lt;b&gt;PII&lt;/b&gt;.");
  });

  it("keeps the page of a tool the server stopped listing, says so, and leaves it out of the counts", async () => {
    const html = page("/servers/acme-files/tools/old-export/");
    expect(html).toContain("stopped listing this tool on 2026-03-01");
    expect(page("/servers/acme-files/")).toContain("not listed since 2026-03-01");
    const catalog = JSON.parse(await readFile(path.join(site.outDir, "catalog.json"), "utf8")) as { counts: { tools: number } };
    expect(catalog.counts.tools).toBe(site.servers.reduce((n, s) => n + s.tools.length, 0));
  });

  it("shows a definition change made without a version bump", () => {
    const html = page("/servers/acme-files/tools/read-file/");
    expect(html).toContain("no version bump");
    expect(html).toContain("Read the &lt;complete&gt; contents");
  });

  it("shows invisible characters of a name as code points, and says what the crawler cut and the whole definition's hash", () => {
    const invisible = toolPages().find((t) => t.tool.name === invisibleName)!;
    // The heading's attribute keeps the exact name for the playground to call; what people read shows the code point.
    expect(invisible.html).toContain('<h1><code data-tool-name="read\u202Eelif">read&lt;U+202E&gt;elif</code></h1>');
    // Machine-readable text (the policy YAML, the proxy's own messages) keeps the name verbatim; what people read shows the code point.
    expect(invisible.html).toContain("<title>read&lt;U+202E&gt;elif on ");
    expect(invisible.html).not.toMatch(/<(?:h1|title|th|label)\b[^>]*>[^<]*\u202E/);
    expect(invisible.tool.verdict!.flags).toContain("hidden-instructions");
    const cut = page("/servers/acme-files/tools/huge-report/");
    expect(cut).toMatch(/data-cut>The server sent more than the catalog keeps: a description of 2000000 characters: the first 20000 kept\. The whole definition as sent has sha256 <code>(ab){32}<\/code>/);
  });

  it("keeps every tool page within 30,000 bytes, the oversized ones too, and says what it left out to fit", () => {
    for (const { tool, html } of toolPages()) expect(Buffer.byteLength(html), tool.name).toBeLessThanOrEqual(30_000);
    const huge = page("/servers/acme-files/tools/huge-report/");
    const [note] = elementTexts(huge, "p", "data-shown-in-part");
    expect(note?.text).toMatch(/^Shown in part to keep this page under 30 KB: the first \d+ of 20720 characters kept\./);
    expect(elementTexts(huge, "p", "data-shown-in-part")[1]?.text).toMatch(/^To keep this page under 30 KB, (the parameters are not listed|only the first \d+ of 60 parameters are listed|parameter descriptions are (shortened|left out)); catalog\.json has them all\.$/);
    expect(huge).toContain('data-cedar-snippet="docker"');
    // A page that fits shows its description whole.
    expect(elementTexts(page("/servers/acme-files/tools/read-file/"), "p", "data-shown-in-part")).toEqual([]);
  });
});
