import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordProblems, seriousViolations } from "../support/browser.ts";
import { validatePolicy } from "../../src/policy/index.ts";
import { serveFixtureSite, type ServedSite } from "../support/served-site.ts";
import { hostileName } from "./fixture-catalog.ts";

let site: ServedSite;
let base: string;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  site = await serveFixtureSite({ search: true });
  ({ base, browser } = site);
  context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
}, 180_000);

afterAll(async () => {
  await site?.close();
});

/** A page that records dialogs, page errors and CSP refusals as problems. */
async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  recordProblems(page, path, problems);
  await page.goto(base + path);
  return page;
}

describe("the fixture site in chromium", () => {
  it("takes a visitor from the home page to a server and on to a tool", async () => {
    const page = await open("/");
    await page.getByRole("link", { name: "Servers", exact: true }).first().click();
    await page.waitForURL(/\/servers\/$/);
    await page.getByRole("link", { name: "PayCo" }).click();
    await page.waitForURL(/\/servers\/pay-co\/$/);
    await page.getByRole("link", { name: "create_refund" }).click();
    await page.waitForURL(/\/servers\/pay-co\/tools\/create-refund\/$/);
    expect(await page.locator("h1").textContent()).toBe("create_refund");
    expect(await page.locator(".badges").first().textContent()).toContain("Financial");
    await page.close();
  });

  it("copies a policy snippet to the clipboard exactly as shown", async () => {
    const page = await open("/servers/pay-co/tools/create-refund/");
    await page.locator('copy-button[for="snippet-deny"] button').click();
    await expect.poll(() => page.locator('copy-button[for="snippet-deny"] [data-status]').textContent()).toBe("Copied");
    const copied = await page.evaluate("navigator.clipboard.readText()") as string;
    expect(copied).toBe(await page.locator("#snippet-deny").textContent());
    expect(copied).toContain("action: deny");
    expect(validatePolicy(copied).findings).toEqual([]);
    await page.close();
  });

  it("renders the tool named <img src=x onerror=alert(1)> as text and fires no dialog", async () => {
    const before = problems.length;
    const page = await open("/servers/acme-files/tools/img-src-x-onerror-alert-1/");
    expect(await page.locator("h1").textContent()).toBe(hostileName);
    expect(await page.locator("main img").count()).toBe(0);
    await page.goto(`${base}/servers/acme-files/`);
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.locator("table").first().textContent()).toContain(hostileName);
    await page.waitForTimeout(200);
    expect(problems.slice(before)).toEqual([]);
    await page.close();
  });

  it("finds a tool by name from the search box in the header", async () => {
    const page = await open("/methodology/");
    const input = page.locator("#header-search-input");
    await input.focus();
    await input.fill("delete_repository");
    const result = page.locator("header [data-results] a", { hasText: "delete_repository" });
    await result.first().waitFor();
    await expect.poll(() => page.locator("header [data-results] li").first().textContent()).toMatch(/Destructive.*Critical/);
    await result.first().click();
    await page.waitForURL(/\/tools\/delete-repository\/$/);
    await page.close();
  });

  it("finds the hostile tool by search and shows its name as text", async () => {
    const before = problems.length;
    const page = await open("/search/");
    await page.locator("#page-search-input").fill("onerror");
    const result = page.locator("main [data-results] a.result-title", { hasText: hostileName });
    await result.first().waitFor();
    expect(await page.locator("main [data-results] img").count()).toBe(0);
    expect(problems.slice(before)).toEqual([]);
    await page.close();
  });

  // Other tools' descriptions and names share these words ("file", "delete", "charge"): the page named so must still lead.
  it.each([
    ["read_file", "/servers/acme-files/tools/read-file/"],
    ["write_file", "/servers/acme-files/tools/write-file/"],
    ["delete_customer", "/servers/pay-co/tools/delete-customer/"],
    ["list_charges", "/servers/pay-co/tools/list-charges/"],
    ["run_command", "/servers/acme-files/tools/run-command/"],
  ])("a search for the tool name %s puts that tool's page first", async (name, path) => {
    const page = await open("/search/");
    await page.locator("#page-search-input").fill(name);
    const first = page.locator("main [data-results] li").first().locator("a.result-title");
    await first.waitFor();
    expect(new URL((await first.getAttribute("href"))!, base).pathname).toBe(path);
    expect(await first.textContent()).toBe(name);
    await page.close();
  });

  // "cents" is only in create_refund's parameter table, "cautious" only in every page's annotations note.
  it.each(["cents", "cautious"])("a word found only in parts search leaves out (%s) finds nothing", async (word) => {
    const page = await open("/search/");
    await page.locator("#page-search-input").fill(word);
    await expect.poll(() => page.locator("main [data-status]").textContent()).toBe("0 results");
    await page.close();
  });

  it("filters search results by category and by risk", async () => {
    const page = await open("/search/");
    await page.locator("#page-search-input").focus();
    await page.locator('select[data-filter="category"]').first().selectOption("Financial");
    const results = page.locator("main [data-results] li");
    await results.first().waitFor();
    const texts = await results.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain("Financial");
    expect(texts.join(" ")).toContain("create_refund");

    await page.locator('select[data-filter="category"]').first().selectOption("");
    await page.locator('select[data-filter="risk"]').first().selectOption("Critical");
    await expect.poll(async () => (await results.allTextContents()).join(" ")).toContain("run_command");
    for (const text of await results.allTextContents()) expect(text).toContain("Critical");
    await page.close();
  });

  it("filters and sorts the servers table without reloading", async () => {
    const page = await open("/servers/");
    await page.locator("input[data-filter-text]").fill("payco");
    await expect.poll(() => page.locator("server-table tbody tr:visible").count()).toBe(1);
    await page.locator("input[data-filter-text]").fill("");
    await page.locator('button[data-sort="tools"]').click();
    const first = await page.locator("server-table tbody tr").first().getAttribute("data-tools");
    const last = await page.locator("server-table tbody tr").last().getAttribute("data-tools");
    expect(Number(first)).toBeGreaterThanOrEqual(Number(last));
    await page.close();
  });

  it("filters the servers table by tag, and shows every server again for any tag", async () => {
    const page = await open("/servers/");
    const rows = page.locator("server-table tbody tr");
    const total = await rows.count();
    await page.locator("select[data-filter-tag]").selectOption("payments");
    await expect.poll(() => page.locator("server-table tbody tr:visible").count()).toBe(1);
    expect(await page.locator("server-table tbody tr:visible a").first().textContent()).toMatch(/pay/i);
    await page.locator("select[data-filter-tag]").selectOption("");
    await expect.poll(() => page.locator("server-table tbody tr:visible").count()).toBe(total);
    await page.close();
  });

  it.each([
    ["the home page", "/"],
    ["a server page", "/servers/acme-files/"],
    ["a tool page", "/servers/acme-files/tools/write-file/"],
    ["the servers index", "/servers/"],
    ["a tool page in dark mode", "/servers/pay-co/tools/create-refund/", "dark"],
    ["the home page in dark mode", "/", "dark"],
    ["the methodology page, with its overrides table", "/methodology/"],
    ["an overridden tool page in dark mode", "/servers/pay-co/tools/list-charges/", "dark"],
  ])("axe finds no serious or critical issue on %s", async (_, path, scheme = "light") => {
    const page = await open(path);
    await page.emulateMedia({ colorScheme: scheme as "light" | "dark" });
    expect(await seriousViolations(page, base)).toEqual([]);
    await page.close();
  });

  it("loads no script the Content-Security-Policy refuses", () => {
    expect(problems.filter((p) => /Content Security Policy|Refused/i.test(p))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
