/**
 * Issue #15, items 10 to 12, in Chromium: the playground's own limits are
 * named as its own, links and reloads keep or explain their state, and
 * the keyboard gets the site's focus ring and short paths.
 */
import { deflateRawSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverPolicyYaml } from "../../src/site/server-policy.ts";
import { recordProblems } from "../support/browser.ts";
import { serveFixtureSite, type ServedSite } from "../support/served-site.ts";

let served: ServedSite | undefined;
let base: string;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  served = await serveFixtureSite({ search: false });
  ({ base, browser } = served);
}, 180_000);

afterAll(async () => {
  await served?.close();
});

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  recordProblems(page, path, problems);
  await page.goto(base + path);
  return page;
}

const close = (page: Page) => page.context().close();
const summary = (page: Page) => page.locator("[data-findings-summary]");
const stateLink = (state: object) => `/playground/#s=${deflateRawSync(Buffer.from(JSON.stringify({ v: 1, ...state }))).toString("base64url")}`;

async function setText(page: Page, text: string): Promise<void> {
  await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event("input"));
  }, text);
}

describe("the playground names its own limits as its own (item 10)", () => {
  it.each([
    ["a 10,001-tool policy", `version: "1"\ntools:\n${Array.from({ length: 10_001 }, (_, i) => `  t${i}:\n    rules: []\n`).join("")}`],
    ["a value nested 300 levels deep", `version: "1"\ndescription: ${"[".repeat(300)}${"]".repeat(300)}\n`],
  ])("says %s is past the playground's own limit, never that the proxy refuses it", async (_what, text) => {
    const page = await open("/playground/");
    await expect.poll(() => summary(page).textContent()).toContain("No problems");
    await setText(page, text);
    await expect.poll(() => summary(page).textContent(), { timeout: 15_000 }).toContain("past one of this playground's own limits (not the proxy's");
    expect(await summary(page).textContent()).not.toContain("the proxy would refuse");
    expect(await page.locator("[data-findings]").textContent()).toContain("this checker's own limit, not the proxy's");
    await close(page);
  });
});

describe("links and reloads keep their state or say why not (item 11)", () => {
  it("refuses a link whose call time is past the year 9999 with the range, not 'Invalid time value'", async () => {
    const link = stateLink({ policy: 'version: "1"\n', batches: [{ tool: "a", args: "{}", at: "+275760-09-13T00:00:00.000Z", stepSeconds: 86_400, count: 2, approved: false }] });
    const page = await open(link);
    await expect.poll(() => page.locator("[data-load-message]").textContent()).toContain("bad call time: every simulated call must fall between 1970-01-01 and 9999-12-31 UTC");
    await expect.poll(() => summary(page).textContent()).toContain("No problems");
    expect(await page.locator("body").textContent()).not.toContain("Invalid time value");
    await close(page);
  });

  it("refuses a call whose steps run past the year 9999 at the clock field", async () => {
    const page = await open("/playground/");
    await expect.poll(() => summary(page).textContent()).toContain("No problems");
    await page.locator("#sim-clock").fill("9999-12-31T23:59:00");
    await page.locator("#sim-step").fill("60");
    await page.locator("#sim-count").fill("2");
    await page.getByRole("button", { name: "Call", exact: true }).click();
    await expect.poll(() => page.locator("[data-sim-status]").textContent()).toBe("Not called: every simulated call must fall between 1970-01-01 and 9999-12-31 UTC.");
    expect(await page.locator("#sim-clock").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("[data-timeline] > li").count()).toBe(0);
    await close(page);
  });

  it("says when a valid 267 KB policy no longer fits the address bar, and offers it as a file", async () => {
    let seed = 7;
    const noise = Array.from({ length: 267_000 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % 62]).join("");
    const policy = `version: "1"\ndescription: "${noise}"\n`;
    const page = await open("/playground/");
    await expect.poll(() => summary(page).textContent()).toContain("No problems");
    await setText(page, policy);
    await expect.poll(() => summary(page).textContent(), { timeout: 15_000 }).toBe("No problems: the proxy would load this policy.");
    const notice = page.locator("[data-link-message]");
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/This policy is too large for a link: its link would be [\d,]+ characters, more than the 200,000 the playground reads, so the address bar no longer holds it and a reload would lose it\. Download it to keep it\./);
    expect(new URL(page.url()).hash).toBe("");
    const [download] = await Promise.all([page.waitForEvent("download"), notice.getByRole("button", { name: "Download policy.yaml" }).click()]);
    expect(download.suggestedFilename()).toBe("policy.yaml");
    // Small again: the link comes back and the notice goes.
    await setText(page, 'version: "1"\n');
    await expect.poll(() => notice.isVisible()).toBe(false);
    expect(page.url()).toMatch(/#s=/);
    await close(page);
  });

  it("keeps the builder's choices across a reload, a bad limit still marked", async () => {
    const page = await open("/servers/pay-co/policy/");
    const yaml = () => page.locator("[data-output] code").textContent();
    await expect.poll(() => page.locator("[data-validation]").textContent(), { timeout: 15_000 }).toContain("Valid");
    await page.getByLabel("Action for list_charges").selectOption("deny");
    await page.getByLabel("Calls allowed for create_refund").fill("7");
    await page.getByLabel("deny", { exact: true }).check();
    await page.getByLabel(/Cap all calls together/).check();
    await page.getByLabel("Calls allowed across all tools").fill("50");
    await expect.poll(yaml).toContain("rate_limit: 50/minute");
    const before = await yaml();
    expect(before).toContain("rate_limit: 7/");
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#b=/);
    await page.reload();
    await expect.poll(yaml).toBe(before);
    expect(await page.getByLabel("Action for list_charges").inputValue()).toBe("deny");
    expect(await page.getByLabel("Calls allowed for create_refund").inputValue()).toBe("7");
    expect(await page.getByLabel("deny", { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Calls allowed across all tools").inputValue()).toBe("50");

    await page.getByLabel("Calls allowed for create_refund").fill("0");
    await expect.poll(() => page.getByLabel("Calls allowed for create_refund").getAttribute("aria-invalid")).toBe("true");
    await page.waitForTimeout(300);
    await page.reload();
    await expect.poll(() => page.getByLabel("Calls allowed for create_refund").getAttribute("aria-invalid")).toBe("true");
    // The YAML shown is marked stale, and holds every choice that still reads.
    expect(await page.locator("[data-output]").getAttribute("data-stale")).toBe("");
    expect(await yaml()).toContain("default: deny");
    expect(await yaml()).toContain("rate_limit: 50/minute");
    await close(page);
  });
});

describe("keyboard and links (item 12)", () => {
  it.each([
    ["/playground/", "#policy-text"],
    ["/playground/", "#sim-args"],
  ])("draws the site's 3 px focus ring around %s %s, unclipped", async (path, selector) => {
    const page = await open(path);
    await page.locator(selector).focus();
    const ring = await page.locator(selector).evaluate((el) => {
      const style = getComputedStyle(el);
      const probe = document.createElement("span");
      probe.style.color = "var(--focus)";
      document.body.append(probe);
      const focus = getComputedStyle(probe).color;
      probe.remove();
      const inside = parseFloat(style.outlineOffset) <= -parseFloat(style.outlineWidth);
      let clipped = false;
      for (let parent = el.parentElement; parent && !inside; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflow !== "visible") clipped = true;
      }
      return { style: style.outlineStyle, width: style.outlineWidth, sameColour: style.outlineColor === focus, clipped };
    });
    expect(ring).toEqual({ style: "solid", width: "3px", sameColour: true, clipped: false });
    await close(page);
  });

  it("reaches the builder's Copy button in a few Tab presses through a skip link, each row stopping only at its controls", async () => {
    const page = await open("/servers/acme-files/policy/");
    await expect.poll(() => page.locator("[data-validation]").textContent(), { timeout: 15_000 }).toContain("0 errors");
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    // From the start of the main content (the site's own skip link lands there): the header's search box would load the search index, which this fixture site does not build.
    await page.locator("#main").focus();
    let presses = 0;
    while (presses < 30 && !(await focused()).startsWith("Skip the table")) {
      await page.keyboard.press("Tab");
      presses++;
    }
    expect(await focused()).toContain("Skip the table");
    await page.keyboard.press("Enter");
    while (presses < 40 && (await focused()) !== "Copy policy") {
      await page.keyboard.press("Tab");
      presses++;
    }
    expect(await focused()).toBe("Copy policy");
    expect(presses).toBeLessThanOrEqual(8);
    const stops = await page.locator("tbody tr").evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")].filter((el) => !(el as HTMLInputElement).disabled && (el as HTMLElement).tabIndex >= 0).length));
    expect(Math.max(...stops)).toBeLessThanOrEqual(4);
    await close(page);
  });

  it("gives the builder's YAML block a name it may carry: a region called Generated policy YAML", async () => {
    const page = await open("/servers/pay-co/policy/");
    expect(await page.getByRole("region", { name: "Generated policy YAML" }).count()).toBe(1);
    await close(page);
  });

  it("links the playground from the header, the home page and a server page, which opens with its policy and server", async () => {
    const home = await open("/");
    expect(await home.locator("header nav").getByRole("link", { name: "Playground" }).getAttribute("href")).toBe("/playground/");
    expect(await home.locator("main a[href='/playground/']").count()).toBeGreaterThan(0);
    await close(home);
    const serverPage = await open("/servers/pay-co/");
    const href = await serverPage.locator("main a[data-playground-link]").getAttribute("href");
    expect(href).toMatch(/^\/playground\/#s=/);
    await close(serverPage);
    const page = await open(href!);
    const expected = serverPolicyYaml(served!.servers.find((s) => s.id === "pay-co")!);
    await expect.poll(() => page.locator("#policy-text").inputValue()).toBe(expected);
    await expect.poll(() => page.locator("#policy-server").inputValue()).toBe("pay-co");
    await expect.poll(() => summary(page).textContent()).toBe("No problems: the proxy would load this policy.");
    await close(page);
  });
});

describe("these pages", () => {
  it("ran with no dialog, script error or CSP refusal", () => {
    expect(problems).toEqual([]);
  });
});
