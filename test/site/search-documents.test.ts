import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeSearchIndex } from "../../scripts/search-index.ts";
import { writeCatalogServer } from "../../src/catalog/catalog-files.ts";
import { buildCatalogIndex } from "../../src/site/catalog-index.ts";
import { allPagePaths } from "../../src/site/machine-files.ts";
import { searchDocuments, wellFormed } from "../../src/site/search-documents.ts";
import { fixtureServer, fixtureServers, hostileName, invisibleName } from "./fixture-catalog.ts";

const index = buildCatalogIndex(fixtureServers.map(fixtureServer));
const documents = [...searchDocuments(index)];
const documentAt = (url: string) => documents.find((d) => d.url === url)!.html;
const bodyOf = (page: string) => /<body>(.*)<\/body>/s.exec(page)![1]!;
const pathOf = (name: string) => index.tools.find((t) => t.tool.name === name)!.path;

describe("search documents", () => {
  it("give every server page, listed tool and removed tool still shown one document at its page's path, and no other page", () => {
    const searchable = allPagePaths(index).filter((p) => /^\/servers\/[^/]+\/(tools\/[^/]+\/)?$/.test(p));
    expect(documents.map((d) => d.url).sort()).toEqual(searchable.sort());
    expect(documents.map((d) => d.url)).toContain("/servers/acme-files/tools/old-export/");
  });

  it("hold a tool's name as the heading, then its server, category and risk as meta and filters, then its description", () => {
    expect(bodyOf(documentAt("/servers/pay-co/tools/create-refund/"))).toBe(
      '<span data-pagefind-meta="kind:tool"></span><h1>create_refund</h1>' +
        '<p>Tool of <span data-pagefind-meta="server" data-pagefind-filter="server">PayCo</span>.</p>' +
        '<p><span data-pagefind-meta="category" data-pagefind-filter="category">Financial</span>, <span data-pagefind-meta="risk" data-pagefind-filter="risk">Critical</span> risk.</p>' +
        "<p>Refund a charge, fully or partly.</p>",
    );
    expect(documentAt("/servers/acme-files/tools/sync-notes/")).toContain("<p>hidden-instructions</p>");
    expect(documentAt(pathOf('"quotes"'))).toContain("<p>Quoted &#39;tool&#39; &quot;name&quot;</p>");
  });

  it("leave out what the page shows but nobody searches for: parameters, annotations, snippets, dates", () => {
    const refund = documentAt("/servers/pay-co/tools/create-refund/");
    for (const word of ["cents", "amount", "cautious", "policy", "2026"]) expect(refund).not.toContain(word);
  });

  it("keep every server string as text: names, descriptions and server names are escaped", () => {
    const hostile = documentAt(pathOf(hostileName));
    expect(hostile).not.toMatch(/<img|<script|<\/script/);
    expect(hostile).toContain("<h1>&lt;img src=x onerror=alert(1)&gt;</h1>");
    expect(hostile).toContain("Acme Files &lt;script&gt;alert(&#39;server&#39;)&lt;/script&gt;");
  });

  it("show a name's invisible characters as the page's heading does, and say an unclassified or removed tool is so", () => {
    expect(documentAt(pathOf(invisibleName))).toContain("<h1>read&lt;U+202E&gt;elif</h1>");
    const pending = documentAt("/servers/acme-files/tools/pending-tool/");
    expect(pending).toContain("<p>Not classified.</p>");
    expect(pending).not.toContain("data-pagefind-filter=\"category\"");
    expect(documentAt("/servers/acme-files/tools/old-export/")).toContain("stopped listing this tool on 2026-03-01");
  });

  it("make a server's document from its name and summary, with no filters, so category and risk filters show only tools", () => {
    expect(bodyOf(documentAt("/servers/pay-co/"))).toBe('<span data-pagefind-meta="kind:server"></span><h1>PayCo</h1><p>Payments: refunds and charges.</p>');
  });

  it("replace an unpaired surrogate with U+FFFD and keep a pair", () => {
    expect(wellFormed("a\uD83Db")).toBe("a\uFFFDb");
    expect(wellFormed("a\uDCA9")).toBe("a\uFFFD");
    expect(wellFormed("file \uD83D\uDCC1")).toBe("file \uD83D\uDCC1");
  });
});

describe("the search index step", () => {
  it("indexes a catalog whose tool sends an unpaired surrogate (pagefind refuses such a page and stops)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "search-index-"));
    try {
      const base = fixtureServer(fixtureServers[1]!);
      const server = { ...base, tools: base.tools.map((t, i) => (i === 0 ? { ...t, definition: { ...t.definition, description: "Refund \uD83D a charge." } } : t)) };
      await writeCatalogServer(path.join(dir, "catalog"), server);
      const { documents: written } = await writeSearchIndex(path.join(dir, "catalog"), path.join(dir, "pagefind"));
      expect(written).toBe(1 + server.tools.length);
      const entry = JSON.parse(await readFile(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8"));
      expect(entry.languages.en.page_count).toBe(written);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
