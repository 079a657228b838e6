import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cedarToolSnippet, recommendRule, validatePolicy, type CedarTarget } from "../../src/policy/index.ts";
import { engineLabels, engines, type Engine } from "../../src/site/snippet-engines.ts";
import { validationProblems } from "../policy/cedar-engine.ts";
import { allViolations, recordProblems } from "../support/browser.ts";
import { serveFixtureSite, type ServedSite } from "../support/served-site.ts";

let served: ServedSite | undefined;
let base: string;
let browser: Browser;
const problems: string[] = [];
const refundPath = "/servers/pay-co/tools/create-refund/";

beforeAll(async () => {
  served = await serveFixtureSite({ search: false });
  ({ base, browser } = served);
}, 240_000);

afterAll(async () => {
  await served?.close();
  expect(problems).toEqual([]);
});

async function open(javaScriptEnabled = true, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, colorScheme });
  if (javaScriptEnabled) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const page = await context.newPage();
  recordProblems(page, refundPath, problems);
  await page.goto(base + refundPath);
  return page;
}

/** The engines whose panel a reader can see. */
const shownEngines = (page: Page) => page.locator(".engine-panel").evaluateAll((panels) => panels.filter((p) => (p as HTMLElement).offsetParent !== null).map((p) => (p as HTMLElement).dataset.engine));

const choose = (page: Page, engine: Engine) => page.getByRole("radio", { name: engineLabels[engine], exact: true }).check();

/** What the page must show for a Cedar gateway: the recommended decision for the fixture's create_refund. */
function expectedCedar(target: CedarTarget) {
  const tool = served!.servers.find((s) => s.id === "pay-co")!.tools.find((t) => t.name === "create_refund")!;
  return cedarToolSnippet(recommendRule({ ...tool, verdict: tool.verdict! }), target);
}

describe("a tool page's gateway switch in chromium", () => {
  it("shows Intercept's five snippets first, and no Cedar", async () => {
    const page = await open();
    expect(await shownEngines(page)).toEqual(["intercept"]);
    expect(await page.locator("pre[data-policy-snippet]:visible").count()).toBe(5);
    expect(await page.locator("pre[data-cedar-snippet]:visible").count()).toBe(0);
    await page.context().close();
  });

  it.each(["toolhive", "docker"] as const)("choosing %s shows only its Cedar policy, which the engine validates, with what it cannot enforce beside it", async (target) => {
    const page = await open();
    await choose(page, target);
    expect(await shownEngines(page)).toEqual([target]);
    const expected = expectedCedar(target);
    const shown = await page.locator(`#snippet-${target}`).textContent();
    expect(shown).toBe(expected.text);
    expect(validationProblems(target, shown!).errors).toEqual([]);
    const notes = await page.locator(`.engine-panel[data-engine="${target}"] [data-unexpressed] li`).allTextContents();
    expect(notes).toEqual(expected.unexpressed);
    expect(notes.join("\n")).toMatch(/not enforced/);
    for (const note of notes) expect(shown).toContain(`// Not expressed: ${note}`);
    await page.context().close();
  });

  it("copies the chosen gateway's text, and the other gateways' copy buttons cannot be reached", async () => {
    const page = await open();
    for (const target of ["docker", "toolhive"] as const) {
      await choose(page, target);
      const panel = page.locator(`.engine-panel[data-engine="${target}"]`);
      await panel.getByRole("button", { name: "Copy policy" }).click();
      await expect.poll(() => panel.locator("[data-status]").textContent()).toBe("Copied");
      expect(await page.evaluate("navigator.clipboard.readText()")).toBe(expectedCedar(target).text);
      expect(await page.getByRole("button", { name: "Copy policy" }).count()).toBe(1);
    }
    await choose(page, "intercept");
    await page.locator('copy-button[for="snippet-require_approval"] button').click();
    await expect.poll(() => page.locator('copy-button[for="snippet-require_approval"] [data-status]').textContent()).toBe("Copied");
    const copied = (await page.evaluate("navigator.clipboard.readText()")) as string;
    expect(copied).toBe(await page.locator("#snippet-require_approval").textContent());
    expect(validatePolicy(copied).findings).toEqual([]);
    await page.context().close();
  });

  it("with JavaScript off, every gateway's snippet can still be chosen and read", async () => {
    const page = await open(false);
    for (const engine of [...engines].reverse()) {
      await choose(page, engine);
      expect(await shownEngines(page)).toEqual([engine]);
      const block = page.locator(`.engine-panel[data-engine="${engine}"] pre`).first();
      expect(await block.isVisible()).toBe(true);
      expect((await block.innerText()).length).toBeGreaterThan(100);
    }
    await page.context().close();
  });

  it("opens the next tool page on the gateway the reader chose", async () => {
    const page = await open();
    await choose(page, "toolhive");
    await page.goto(`${base}/servers/pay-co/tools/delete-customer/`);
    expect(await shownEngines(page)).toEqual(["toolhive"]);
    await page.context().close();
    // A new reader starts on Intercept.
    const fresh = await open();
    expect(await shownEngines(fresh)).toEqual(["intercept"]);
    await fresh.context().close();
  });

  it.each(engines.flatMap((engine) => (["light", "dark"] as const).map((scheme) => [engine, scheme] as const)))("axe finds nothing on the tool page with %s chosen, in %s mode", async (engine, scheme) => {
    const page = await open(true, scheme);
    await choose(page, engine);
    expect(await allViolations(page, base)).toEqual([]);
    await page.context().close();
  });
});
