import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePolicy } from "../../src/policy/index.ts";
import { serveFixtureSite, type ServedSite } from "../support/served-site.ts";
import { recordProblems, seriousViolations } from "../support/browser.ts";

let served: ServedSite | undefined;
let base: string;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  served = await serveFixtureSite({ search: false });
  ({ base, browser } = served);
}, 240_000);

afterAll(async () => {
  await served?.close();
  expect(problems).toEqual([]);
});

/** Opens /scan/ and waits until it says it is ready (its scripts loaded and listening); `requests` collects every request made after that. */
async function open(hash = ""): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  recordProblems(page, "/scan/", problems);
  const requests: string[] = [];
  let ready = false;
  page.on("request", (request) => {
    // The browser fetches the site's icon for its tab when it likes; the page itself asks for nothing.
    if (ready && new URL(request.url()).pathname !== "/favicon.svg") requests.push(`${request.method()} ${request.url()}`);
  });
  await page.goto(`${base}/scan/${hash}`);
  await page.locator("tool-scan[data-ready]").waitFor({ state: "attached" });
  ready = true;
  return { page, requests };
}

const tool = (name: string, description: string, properties: Record<string, object> = { id: { type: "string" } }, required: string[] = ["id"]) => ({
  name,
  description,
  inputSchema: { type: "object", properties, required },
});

const list = {
  tools: [
    tool("list_issues", "Lists the issues of a repository."),
    tool("delete_repository", "Permanently deletes a repository and all of its issues."),
    tool("create_issue", "Creates an issue in a repository.", { title: { type: "string" }, body: { type: "string" } }, ["title"]),
  ],
};

const status = (page: Page) => page.locator("[data-scan-status]");
const rowNames = (page: Page) => page.locator("[data-scan-rows] th code").allTextContents();
const validation = (page: Page) => page.locator("policy-builder [data-validation]");

async function paste(page: Page, text: string): Promise<void> {
  await page.locator("[data-scan-input]").fill(text);
  await page.getByRole("button", { name: "Classify", exact: true }).click();
}

/** Drops a file made in the page (big files are never sent over the test's wire). */
async function dropFile(page: Page, make: string, name = "tools.json"): Promise<void> {
  const transfer = await page.evaluateHandle(({ make, name }) => {
    const data = new DataTransfer();
    data.items.add(new File([(0, eval)(make) as string], name, { type: "application/json" }));
    return data;
  }, { make, name });
  await page.locator("[data-scan-drop]").dispatchEvent("drop", { dataTransfer: transfer });
}

describe("the /scan/ page in chromium", () => {
  it("classifies a pasted tools/list result, highest risk first, with no request after loading; the builder's first use fetches only the engine's script, and its YAML is valid", async () => {
    const { page, requests } = await open();
    await paste(page, JSON.stringify(list));
    await expect.poll(() => status(page).textContent()).toMatch(/^3 tools classified in this page: 1 Critical, /);
    expect(await rowNames(page)).toEqual(["delete_repository", "create_issue", "list_issues"]);
    const first = page.locator("[data-scan-rows] tr").first();
    expect(await first.locator("td").nth(0).textContent()).toContain("Critical risk");
    expect(await first.locator("details li").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-scan-rows] tr").nth(1).locator("td").nth(3).textContent()).toBe("1 of 2 parameters required");
    await expect.poll(() => page.locator("policy-builder [data-output]").textContent()).toContain("delete_repository:");
    // The classifier came with the page; the policy engine is not fetched for a builder nobody has used.
    expect(await validation(page).textContent()).toBe("Not checked yet: the policy is checked against the proxy's rules once you use the builder.");
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download scanned-server.policy.yaml" }).click();
    const file = await (await download).path();
    await expect.poll(() => validation(page).textContent()).toBe("Valid: the proxy loads this policy (0 errors, 0 warnings).");
    const yaml = await readFile(file, "utf8");
    const checked = validatePolicy(yaml, { tools: list.tools.map((t) => t.name) });
    expect(checked.findings).toEqual([]);
    expect(yaml).toContain("delete_repository:");
    // The one request: the engine worker's script, from the site itself, carrying nothing from the page.
    expect(requests).toEqual([expect.stringMatching(new RegExp(`^GET ${base.replace(/[.]/g, "\\.")}/_astro/engine-worker-[\\w-]+\\.js$`))]);
    await page.context().close();
  });

  it("mounts the very builder markup of a server's policy page: the same controls, landmarks and data attributes", async () => {
    /** Every element of the builder outside its rows and data block: tag, id, class and the attributes the component reads. */
    const skeleton = (page: Page) =>
      page.locator("policy-builder").evaluate((root) =>
        [...root.querySelectorAll("*")]
          .filter((e) => !e.closest("tbody, script, optgroup") && e.tagName !== "SCRIPT")
          .map((e) => {
            const attributes = e.getAttributeNames().filter((n) => (n.startsWith("data-") || n.startsWith("aria-") || ["role", "type", "name", "for", "tabindex"].includes(n)) && !["aria-busy", "data-errors", "data-warnings"].includes(n));
            return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${[...e.classList].map((c) => `.${c}`).join("")}[${attributes.sort().map((n) => (n.startsWith("data-") ? n : `${n}=${e.getAttribute(n)}`)).join(" ")}]`;
          }),
      );
    const { page } = await open();
    await paste(page, JSON.stringify(list));
    await expect.poll(() => page.locator("policy-builder tbody tr").count()).toBe(3);
    const context = await browser.newContext();
    const server = await context.newPage();
    recordProblems(server, "/servers/pay-co/policy/", problems);
    await server.goto(`${base}/servers/pay-co/policy/`);
    const onServerPage = await skeleton(server);
    expect(onServerPage).toContain("a.pb-skip[]");
    expect(onServerPage).toContain("pre#builder-yaml[aria-label=Generated policy YAML data-output role=region tabindex=0]");
    expect(await skeleton(page)).toEqual(onServerPage);
    // One stylesheet styles both: the builder's layout is a grid on /scan/ as on the server page.
    expect(await page.locator(".pb-layout").evaluate((e) => getComputedStyle(e).display)).toBe("grid");
    await context.close();
    await page.context().close();
  });

  it("gives each tool of the real filesystem server the verdict npm run scan gives it, in the same order, from its scan --json output", async () => {
    const server = path.resolve("node_modules/@modelcontextprotocol/server-filesystem/dist/index.js");
    const { stdout } = await promisify(execFile)(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/scan.ts", "--json", "--", process.execPath, server, os.tmpdir()], { maxBuffer: 16 * 1024 * 1024 });
    const report = JSON.parse(stdout) as { verdicts: Array<{ name: string; category: string; risk: string; confidence: string }> };
    expect(report.verdicts.length).toBeGreaterThan(10);
    const { page, requests } = await open();
    await paste(page, stdout);
    await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`^${report.verdicts.length} tools classified`));
    const shown = await page.locator("[data-scan-rows] tr").evaluateAll((rows) =>
      rows.map((row) => {
        const verdict = row.querySelector("td")?.textContent ?? "";
        return {
          name: row.querySelector("th code")?.textContent ?? "",
          category: /\b(Read|Write|Execute|Destructive|Financial)\b/.exec(verdict)?.[1],
          risk: /\b(Low|Medium|High|Critical) risk\b/.exec(verdict)?.[1],
          confidence: /\b(high|moderate|low) confidence\b/.exec(verdict)?.[1],
        };
      }),
    );
    expect(shown).toEqual(report.verdicts.map(({ name, category, risk, confidence }) => ({ name, category, risk, confidence })));
    expect(requests).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("reads a dropped file of scan --json output, names its server in the file name and flags tools in words", async () => {
    const { page, requests } = await open();
    const report = { server: { name: "Acme Internal", version: "2.0.0" }, tools: [tool("run_shell", "Runs a shell command on the host."), { name: "mystery", inputSchema: { type: "object" } }], verdicts: [] };
    await dropFile(page, JSON.stringify(JSON.stringify(report)));
    await expect.poll(() => status(page).textContent()).toMatch(/^2 tools classified/);
    expect(await page.locator("[data-scan-rows]").textContent()).toContain("no description");
    await expect.poll(() => page.locator("policy-builder h2").textContent()).toBe("acme-internal.policy.yaml");
    expect(requests).toEqual([]);
    await page.context().close();
  });

  it.each([
    ["not JSON", "{tools: [", /^Not JSON \(.*\)\. Expected a tools\/list result/],
    ["not a tool list", '{"result": 3}', /^Not a tool list: the JSON is an object without a "tools" array\. Expected/],
    ["a list of no tools", '[{"title": "x"}, 4]', /^Not a tool list: none of its 2 items is a tool \(item 0: name: Required\)/],
  ])("says what is wrong with %s", async (_, text, message) => {
    const { page } = await open();
    await paste(page, text);
    await expect.poll(() => page.locator("[data-scan-error]").textContent()).toMatch(message);
    expect(await page.locator("[data-scan-results]").isHidden()).toBe(true);
    await page.context().close();
  });

  it("refuses a file over the limit, naming the limit, without reading it", async () => {
    const { page } = await open();
    await dropFile(page, '"x".repeat(32_000_001)', "huge.json");
    await expect.poll(() => page.locator("[data-scan-error]").textContent()).toBe("Too large: huge.json is 32,000,001 bytes, more than the 32,000,000 this page reads.");
    await page.context().close();
  });

  it("shows markup in names as text, and stays responsive with 20,000 tools and 2 MB descriptions", async () => {
    const { page, requests } = await open();
    const hostile = `JSON.stringify({ tools: Array.from({ length: 20000 }, (_, i) => ({
      name: i === 0 ? '<img src=x onerror="window.pwned=1">' : i === 1 ? '</code><script>window.pwned=2</script>' : 'tool_' + i,
      description: i < 3 ? 'Deletes everything. '.repeat(100000) : 'Reads record ' + i + '.',
      inputSchema: { type: 'object', properties: { id: { type: 'string' } } },
    })) })`;
    await dropFile(page, hostile);
    // While the list is read and classified the page still answers a click and typing.
    await page.locator("[data-scan-input]").click();
    await page.keyboard.type("typing while it works");
    expect(await page.locator("[data-scan-input]").inputValue()).toBe("typing while it works");
    await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/^20,000 tools classified in this page/);
    expect(await page.locator("[data-scan-rows] tr").count()).toBe(100);
    const names = await rowNames(page);
    expect(names).toContain('<img src=x onerror="window.pwned=1">');
    expect(await page.locator("[data-scan-rows] img, [data-scan-rows] script").count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await page.getByRole("button", { name: /^Show 100 more \(19,900 not shown\)$/ }).click();
    expect(await page.locator("[data-scan-rows] tr").count()).toBe(200);
    expect(await page.locator("[data-builder-note]").textContent()).toContain("The policy builder takes up to 1,000 tools, and this list has 20,000");
    await expect.poll(() => page.locator("[data-link-status]").textContent()).toMatch(/^This list is too large to keep in the page's link: it is [\d,]+ characters, more than the 1,200,000/);
    expect(requests).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("keeps the list and the builder's choices in the link, and a fresh page opens them as they were", async () => {
    const { page } = await open();
    await paste(page, JSON.stringify(list));
    const row = page.locator("policy-builder tr", { has: page.locator("code", { hasText: "list_issues" }) });
    await row.locator("[data-action]").selectOption("deny");
    await expect.poll(() => validation(page).textContent()).toContain("Valid");
    await page.locator("policy-builder input[value='deny']").check();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=/);
    await expect.poll(() => page.locator("policy-builder [data-output]").textContent()).toMatch(/list_issues:\n\s+rules:\n\s+- name: blocked/);
    await expect.poll(async () => (await page.evaluate(() => location.hash)).length).toBeGreaterThan(10);
    await page.waitForTimeout(400);
    const hash = await page.evaluate(() => location.hash);
    const yaml = await page.locator("policy-builder [data-output]").textContent();

    const { page: fresh } = await open(hash);
    await expect.poll(() => status(fresh).textContent()).toMatch(/^3 tools classified/);
    await expect.poll(() => fresh.locator("policy-builder [data-output]").textContent()).toBe(yaml);
    expect(await fresh.locator("policy-builder tr", { has: fresh.locator("code", { hasText: "list_issues" }) }).locator("[data-action]").inputValue()).toBe("deny");
    expect(await fresh.locator("policy-builder input[value='deny']").isChecked()).toBe(true);
    await page.context().close();
    await fresh.context().close();
  });

  it("says so when a link's state cannot be read", async () => {
    const { page } = await open("#s=not*base64");
    await expect.poll(() => page.locator("[data-scan-error]").textContent()).toBe("The link's state could not be read (not base64url text); paste the tool list again.");
    await page.context().close();
  });

  it("has no serious or critical axe violations with results and the builder shown", async () => {
    const { page } = await open();
    await paste(page, JSON.stringify(list));
    await expect.poll(() => validation(page).textContent()).toMatch(/^Not checked yet/);
    expect(await seriousViolations(page, base)).toEqual([]);
    await page.locator("policy-builder input[value='deny']").focus();
    await expect.poll(() => validation(page).textContent()).toContain("Valid");
    expect(await seriousViolations(page, base)).toEqual([]);
    await page.context().close();
  });
});
