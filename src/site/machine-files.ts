import { categories, risks } from "../classify/verdict-schema.ts";
import type { CatalogIndex } from "./catalog-index.ts";
import { plural } from "./catalog-counts.ts";
import { categoryPath, cedarFilePath, policyBuilderPath, policyFilePath, riskPath, serverPath, toolPath } from "./urls.ts";

/** Pages that exist whatever the catalog holds (besides server, tool, category and risk pages). */
export const fixedPaths = ["/", "/servers/", "/categories/", "/risk/", "/methodology/", "/search/"] as const;

/** Every HTML page, for the sitemap. */
export function allPagePaths(index: CatalogIndex): string[] {
  return [
    ...fixedPaths,
    ...categories.map(categoryPath),
    ...risks.map(riskPath),
    ...index.servers.map((s) => serverPath(s.id)),
    ...index.tools.map((t) => t.path),
    ...index.removed.map((t) => t.path),
    "/playground/",
    "/scan/",
    ...index.servers.filter((s) => s.tools.length > 0).map((s) => policyBuilderPath(s.id)),
  ];
}

const xmlEscape = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

export function sitemapXml(index: CatalogIndex, site: URL): string {
  const urls = allPagePaths(index).map((p) => `  <url><loc>${xmlEscape(new URL(p, site).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export function robotsTxt(site: URL): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL("/sitemap.xml", site).href}\n`;
}

/** One line of untrusted text for a Markdown list: no line breaks, no link syntax surprises. */
const line = (text: string): string => text.replace(/\s+/g, " ").replace(/[[\]]/g, (c) => `\\${c}`).trim();

/** llms.txt: the same counts as the home page, then every server and its tools. */
export function llmsTxt(index: CatalogIndex, site: URL): string {
  const { counts } = index;
  const url = (p: string) => new URL(p, site).href;
  const out: string[] = [
    "# MCP Tool Catalog",
    "",
    `> ${plural(counts.servers, "MCP server")} crawled, ${plural(counts.tools, "tool")} listed by the servers themselves, each classified by category and risk with the evidence shown, and policies that agree on every page, for the Intercept proxy, ToolHive and Docker's MCP gateway.`,
    "",
    `Categories: ${categories.map((c) => `${c} ${counts.byCategory[c]}`).join(", ")}.`,
    `Risk: ${risks.map((r) => `${r} ${counts.byRisk[r]}`).join(", ")}.`,
    counts.classified < counts.tools ? `Not classified yet: ${counts.tools - counts.classified}.` : "",
    "",
    "## Docs",
    "",
    `- [Methodology](${url("/methodology/")}): how categories, risks and policies are decided`,
    `- [Whole catalog as JSON](${url("/catalog.json")})`,
    "",
    "## Servers",
    "",
  ];
  for (const server of index.servers) {
    const serverCounts = index.serverCounts.get(server.id);
    const files = server.tools.length > 0 ? `; policy: ${url(policyFilePath(server.id))}; ToolHive: ${url(cedarFilePath(server.id, "toolhive"))}; Docker MCP gateway: ${url(cedarFilePath(server.id, "docker"))}` : "";
    out.push(`- [${line(server.name)}](${url(serverPath(server.id))}): ${line(server.summary)} (${plural(serverCounts?.tools ?? 0, "tool")}${files})`);
  }
  for (const server of index.servers) {
    if (server.tools.length === 0) continue;
    out.push("", `## ${line(server.name)}`, "");
    for (const tool of server.tools) {
      const v = tool.verdict;
      out.push(`- [${line(tool.name)}](${url(toolPath(server.id, tool.slug))}): ${v ? `${v.category}, ${v.risk} risk` : "not classified"}`);
    }
  }
  return out.filter((l, i, all) => !(l === "" && all[i - 1] === "")).join("\n") + "\n";
}

/** The whole catalog for machines: the server files as validated, plus the headline counts. */
export function catalogJson(index: CatalogIndex): string {
  return JSON.stringify({ format: 1, counts: index.counts, servers: index.servers });
}
