import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFixtureSite, type ServedSite } from "../support/served-site.ts";

let site: ServedSite;

beforeAll(async () => {
  site = await serveFixtureSite();
}, 180_000);

afterAll(async () => {
  await site?.close();
});

async function openPlayground(): Promise<Page> {
  const page = await site.browser.newPage();
  await page.goto(`${site.base}/playground/`);
  return page;
}

/** Sets the editor's text as typing would, without typing 9,000 lines key by key. */
async function setPolicy(page: Page, text: string): Promise<void> {
  await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event("input"));
  }, text);
}

/** The painted rows: line number and text, top to bottom. */
const paintedRows = (page: Page) =>
  page.locator(".pg-highlight .pg-highlight-line").evaluateAll((rows) => rows.map((row) => ({ line: Number((row as HTMLElement).dataset.line), text: row.textContent ?? "" })));

const policyWithBadLimit = 'version: "1"\ntools:\n  create_issue:\n    rules:\n      - name: "limit"\n        rate_limit: 30/fortnight\n';

describe("the playground's code editor in chromium", () => {
  it("colours keys and strings and hides the text area's own text under the colours", async () => {
    const page = await openPlayground();
    await setPolicy(page, 'version: "1"\ndescription: "demo" # why\ntools: {}\n');
    await expect.poll(() => page.locator(".pg-highlight .tok-key").allTextContents()).toEqual(["version", "description", "tools"]);
    expect(await page.locator(".pg-highlight .tok-string").allTextContents()).toEqual(['"1"', '"demo"']);
    expect(await page.locator(".pg-highlight .tok-comment").allTextContents()).toEqual(["# why"]);
    const color = await page.locator("#policy-text").evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe("rgba(0, 0, 0, 0)");
    await page.close();
  });

  it("underlines the value the validator names, at its line and column", async () => {
    const page = await openPlayground();
    await setPolicy(page, policyWithBadLimit);
    const finding = page.locator("[data-findings] li.finding-error .finding-place").first();
    await expect.poll(() => finding.textContent(), { timeout: 15_000 }).toMatch(/^Line \d+, column \d+:$/);
    const [, line, column] = /^Line (\d+), column (\d+):$/.exec((await finding.textContent())!)!;
    const underlined = page.locator('.pg-highlight [data-underline="error"]');
    await expect.poll(() => underlined.count()).toBeGreaterThan(0);
    const placed = await underlined.first().evaluate((span) => ({ line: Number((span.parentElement as HTMLElement).dataset.line), text: span.textContent }));
    expect(placed.line).toBe(Number(line));
    // The column points into the underlined token.
    const lineText = policyWithBadLimit.split("\n")[Number(line) - 1]!;
    const start = lineText.indexOf("30/fortnight") + 1;
    expect(Number(column)).toBeGreaterThanOrEqual(start);
    expect(Number(column)).toBeLessThan(start + "30/fortnight".length);
    expect(placed.text).toBe("30/fortnight");
    await page.close();
  });

  it("paints only the rows in view of a 9,000-line policy, level with the text area's own lines", async () => {
    const lines = ['version: "1"', "tools:"];
    while (lines.length < 9_020) lines.push(`# note ${lines.length + 1}`);
    const page = await openPlayground();
    await setPolicy(page, lines.join("\n"));
    await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement) => {
      const pitch = parseFloat(getComputedStyle(el).lineHeight);
      el.scrollTop = 8_995 * pitch;
    });
    await expect.poll(async () => (await paintedRows(page)).some((row) => row.line === 9_000)).toBe(true);
    const rows = await paintedRows(page);
    expect(rows.length).toBeLessThan(100);
    // Every painted row holds exactly its line of the text.
    for (const row of rows) expect(row.text).toBe(lines[row.line - 1]);
    const drift = await page.evaluate(() => {
      const text = document.querySelector<HTMLTextAreaElement>("#policy-text")!;
      const style = getComputedStyle(text);
      const pitch = (text.scrollHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / text.value.split("\n").length;
      const expected = text.getBoundingClientRect().top + text.clientTop + parseFloat(style.paddingTop) + 8_999 * pitch - text.scrollTop;
      const painted = document.querySelector('.pg-highlight [data-line="9000"]')!.getBoundingClientRect().top;
      const gutter = document.querySelector('[data-gutter] [data-line="9000"]')!.getBoundingClientRect().top;
      return { painted: Math.abs(painted - expected), gutter: Math.abs(painted - gutter) };
    });
    expect(drift.painted).toBeLessThan(1.5);
    expect(drift.gutter).toBeLessThan(1.5);
    await page.close();
  });

  it("follows the text sideways when a long line is scrolled", async () => {
    const page = await openPlayground();
    await setPolicy(page, `version: "1"\ndescription: "${"x".repeat(400)}END"\ntools: {}\n`);
    await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement) => {
      el.scrollLeft = 300;
      el.dispatchEvent(new Event("scroll"));
    });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const text = document.querySelector<HTMLTextAreaElement>("#policy-text")!;
          const rows = document.querySelector<HTMLElement>(".pg-highlight-rows")!;
          return new DOMMatrix(getComputedStyle(rows).transform).m41 + text.scrollLeft - parseFloat(getComputedStyle(text).paddingLeft);
        }),
      )
      .toBeCloseTo(0, 0);
    await page.close();
  });

  it("shows the text area's own text when a line in view is too long to paint", async () => {
    const page = await openPlayground();
    await setPolicy(page, `version: "1"\ndescription: "${"y".repeat(20_000)}"\n`);
    await expect.poll(() => page.locator("[data-code]").getAttribute("class")).not.toContain("highlighting");
    expect(await page.locator("#policy-text").evaluate((el) => getComputedStyle(el).color)).not.toBe("rgba(0, 0, 0, 0)");
    expect(await page.locator(".pg-highlight .pg-highlight-line").count()).toBe(0);
    // Without the long line, the colours come back.
    await setPolicy(page, `version: "1"\ntools: {}\n`);
    await expect.poll(() => page.locator("[data-code]").getAttribute("class")).toContain("highlighting");
    await page.close();
  });

  it("colours Cedar once the language is switched", async () => {
    const page = await openPlayground();
    await page.getByLabel("Cedar", { exact: false }).first().check();
    await setPolicy(page, 'permit(principal, action == Action::"call_tool", resource);');
    await expect.poll(() => page.locator(".pg-highlight .tok-keyword").allTextContents()).toEqual(["permit", "principal", "action", "resource"]);
    expect(await page.locator(".pg-highlight .tok-entity").allTextContents()).toEqual(["Action::"]);
    await page.close();
  });
});
