import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordProblems, seriousViolations } from "../support/browser.ts";
import { validatePolicy } from "../../src/policy/index.ts";
import { serveFixtureSite, type ServedSite } from "../support/served-site.ts";

let site: ServedSite;
let base: string;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  site = await serveFixtureSite();
  ({ base, browser } = site);
}, 180_000);

afterAll(async () => {
  await site?.close();
});

/** A fresh page (own context: clipboard, storage) that records dialogs, page errors and console errors (CSP refusals among them). */
async function open(path: string, colorScheme: "light" | "dark" = "light", viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ colorScheme, ...(viewport ? { viewport } : {}) });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const page = await context.newPage();
  recordProblems(page, path, problems);
  await page.goto(base + path);
  return page;
}

const close = (page: Page) => page.context().close();

const summary = (page: Page) => page.locator("[data-findings-summary]");
const timelineItems = (page: Page) => page.locator("[data-timeline] > li");

async function setPolicy(page: Page, yaml: string): Promise<void> {
  await page.locator("#policy-text").fill(yaml);
}

const limitPolicy = `version: "1"
tools:
  create_issue:
    rules:
      - name: "hourly issue limit"
        rate_limit: 5/hour
`;

async function callSix(page: Page, policy = limitPolicy): Promise<void> {
  await setPolicy(page, policy);
  await expect.poll(() => summary(page).textContent()).toContain("the proxy would load this policy");
  await page.locator("#sim-tool").fill("create_issue");
  await page.locator("#sim-args").fill("{}");
  await page.locator("#sim-clock").fill("2026-03-01T14:10:00");
  await page.locator("#sim-count").fill("6");
  await page.getByRole("button", { name: "Call", exact: true }).click();
  await expect.poll(() => timelineItems(page).count()).toBe(6);
}

describe("the policy playground in chromium", () => {
  it("reports an error typed on line 7 at line 7, moves the cursor there, and clears it once fixed", async () => {
    const page = await open("/playground/");
    await expect.poll(() => summary(page).textContent()).toContain("No problems");
    const broken = limitPolicy.replace('version: "1"\n', 'version: "1"\ndescription: "line 2"\n').replace("rate_limit: 5/hour", "rate_limit: 5/hours");
    expect(broken.split("\n")[6]).toContain("5/hours");
    await setPolicy(page, broken);
    await expect.poll(() => summary(page).textContent()).toBe("1 error: the proxy would refuse this policy.");
    const finding = page.locator("[data-findings] button").first();
    expect(await finding.textContent()).toContain("Line 7, column");
    expect(await finding.textContent()).toContain('rate_limit window must be "minute", "hour", or "day", got "hours"');
    expect(await page.locator("[data-gutter]").getAttribute("data-marked")).toBe("7");
    expect(await page.locator('[data-gutter] [data-line="7"]').getAttribute("class")).toContain("mark-error");

    await finding.click();
    const caret = await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement) => ({ focused: document.activeElement === el, line: el.value.slice(0, el.selectionStart).split("\n").length }));
    expect(caret).toEqual({ focused: true, line: 7 });

    await setPolicy(page, limitPolicy);
    await expect.poll(() => summary(page).textContent()).toBe("No problems: the proxy would load this policy.");
    expect(await page.locator("[data-findings] li").count()).toBe(0);
    expect(await page.locator("[data-gutter]").getAttribute("data-marked")).toBe("");
    await close(page);
  });

  it("denies the sixth call against 5/hour with the proxy's message, and allows it again in the next UTC hour", async () => {
    const page = await open("/playground/");
    await callSix(page);
    const outcomes = await timelineItems(page).evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.outcome));
    expect(outcomes).toEqual(["allowed", "allowed", "allowed", "allowed", "allowed", "denied"]);
    const sixth = timelineItems(page).nth(5);
    expect(await sixth.locator(".call-outcome").textContent()).toBe("Denied");
    expect(await sixth.locator(".agent-text").textContent()).toBe("[INTERCEPT POLICY DENIED] Rate limit of 5 per hour reached. Try again later.");
    expect(await sixth.textContent()).toContain('"hourly issue limit" (rules[0] of create_issue)');
    expect(await timelineItems(page).nth(4).textContent()).toContain("create_issue._rate_hour = 5 (hour from 2026-03-01 14:00:00 UTC)");
    expect(await page.locator("[data-sim-status]").textContent()).toContain("6 calls simulated. Last: Call 6 (create_issue) at 2026-03-01 14:10:00 UTC: Denied by rule \"hourly issue limit\".");

    await page.locator("#sim-clock").fill("2026-03-01T15:00:00");
    await page.locator("#sim-count").fill("1");
    await page.getByRole("button", { name: "Call", exact: true }).click();
    await expect.poll(() => timelineItems(page).count()).toBe(7);
    const seventh = timelineItems(page).nth(6);
    expect(await seventh.getAttribute("data-outcome")).toBe("allowed");
    expect(await seventh.textContent()).toContain("create_issue._rate_hour = 1 (hour from 2026-03-01 15:00:00 UTC)");
    await close(page);
  });

  it("opens a shared link in a fresh page with the same policy, server, form and timeline", async () => {
    const page = await open("/playground/");
    await page.locator("#policy-server").selectOption("pay-co");
    await expect.poll(() => page.locator("[data-server-status]").textContent()).toContain("3 tools of PayCo");
    await callSix(page);
    await page.locator("#sim-approved").check();
    await page.getByRole("button", { name: "Copy share link" }).click();
    await expect.poll(() => page.locator("[data-share-status]").textContent()).toContain("Link copied");
    const link = await page.evaluate("navigator.clipboard.readText()") as string;
    expect(link).toMatch(/\/playground\/#s=[A-Za-z0-9_-]+$/);
    expect(link).toBe(page.url());

    const snapshot = async (p: Page) => ({
      policy: await p.locator("#policy-text").inputValue(),
      server: await p.locator("#policy-server").inputValue(),
      tool: await p.locator("#sim-tool").inputValue(),
      clock: await p.locator("#sim-clock").inputValue(),
      count: await p.locator("#sim-count").inputValue(),
      approved: await p.locator("#sim-approved").isChecked(),
      timeline: await timelineItems(p).allTextContents(),
      findings: await p.locator("[data-findings]").textContent(),
    });
    const fresh = await open(link.slice(base.length));
    await expect.poll(() => timelineItems(fresh).count()).toBe(6);
    await expect.poll(() => fresh.locator("[data-findings] li").count()).toBe(1);
    const [before, after] = [await snapshot(page), await snapshot(fresh)];
    expect(after).toEqual(before);
    expect(after.findings).toContain('the server exposes no tool named "create_issue"');
    await close(page);
    await close(fresh);
  });

  it("checks names against a server, fills the tool picker and builds arguments from the input schema", async () => {
    const page = await open("/playground/");
    await page.locator("#policy-server").selectOption("pay-co");
    await expect.poll(() => page.locator("[data-findings]").textContent()).toContain('the server exposes no tool named "create_issue"');
    const options = await page.locator("#sim-tools option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(["create_refund", "list_charges", "delete_customer"]));
    await page.locator("#sim-args").fill("");
    await page.locator("#sim-tool").fill("create_refund");
    await page.locator("#sim-tool").dispatchEvent("change");
    expect(JSON.parse(await page.locator("#sim-args").inputValue())).toEqual({ charge: "", amount: 0, reason: "" });
    await close(page);
  });

  it("reads the plain #policy= link of the tool pages", async () => {
    const yaml = 'version: "1"\ntools:\n  "créer_fichier_📁":\n    rules: []\n';
    const page = await open(`/playground/#policy=${encodeURIComponent(yaml)}`);
    await expect.poll(() => page.locator("#policy-text").inputValue()).toBe(yaml);
    await expect.poll(() => summary(page).textContent()).toContain("No problems");
    await close(page);
  });

  it("says what is wrong with a damaged link and opens the example instead", async () => {
    const page = await open("/playground/#s=AAAA____");
    await expect.poll(() => page.locator("[data-load-message]").textContent()).toContain("The link's state could not be read");
    expect(await page.locator("#policy-text").inputValue()).toContain("hourly issue limit");
    await close(page);
  });

  it("shows the engine's message for an alias bomb, an oversized paste and a duplicate key at the end of a large one", async () => {
    const page = await open("/playground/");
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`;
    await setPolicy(page, bomb);
    await expect.poll(() => page.locator("[data-findings]").textContent()).toContain("aliases repeating aliases");

    await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement) => {
      el.value = "k: v\n".repeat(200_001);
      el.dispatchEvent(new Event("input"));
    });
    await expect.poll(() => page.locator("[data-findings]").textContent(), { timeout: 15_000 }).toContain("more than the 1,000,000 a policy may have (this checker's own limit, not the proxy's)");
    // A large paste is read in full: the duplicate at its end is found and marked in the gutter.
    await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement) => {
      el.value = Array.from({ length: 6_000 }, (_, i) => `key_${i}: value\n`).join("") + "dup: 1\ndup: 2\n";
      el.dispatchEvent(new Event("input"));
    });
    await expect.poll(() => page.locator("[data-findings]").textContent(), { timeout: 20_000 }).toContain("duplicate key dup");
    expect(await page.locator("[data-gutter]").getAttribute("data-marked")).toContain("6002");
    await close(page);
  });

  it.each(["/playground/", "/servers/pay-co/policy/"])("keeps %s responsive by reading policies only in the worker: no script the page itself runs holds the YAML parser", async (path) => {
    const page = await open(path);
    await expect.poll(() => page.workers().length).toBe(1);
    const workerUrl = page.workers()[0]!.url();
    const pageScripts: string[] = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".js")));
    const own = pageScripts.filter((url) => url !== workerUrl);
    expect(own.length).toBeGreaterThan(0);
    // A token name of the yaml package's lexer; minification keeps string literals.
    const parserMarker = "block-scalar-header";
    const text = async (url: string) => (await page.request.get(url)).text();
    for (const url of own) expect(await text(url), url).not.toContain(parserMarker);
    expect(await text(workerUrl)).toContain(parserMarker);
    await close(page);
  });

  it("keeps the editor's height still after opening a 1,500-line policy from a link", async () => {
    const long = 'version: "1"\ntools:\n' + Array.from({ length: 749 }, (_, i) => `  tool_${i}:\n    rules: []`).join("\n") + "\n";
    expect(long.split("\n").length).toBeGreaterThan(1_500);
    const page = await open(`/playground/#policy=${encodeURIComponent(long)}`);
    await expect.poll(() => summary(page).textContent(), { timeout: 15_000 }).toContain("the proxy would load this policy");
    const heights = () => page.evaluate(() => ({ editor: document.querySelector("#policy-text")!.getBoundingClientRect().height, page: document.documentElement.scrollHeight }));
    const first = await heights();
    await page.waitForTimeout(1_500);
    const later = await heights();
    expect(later).toEqual(first);
    // The editor keeps its own size: a policy scrolls inside it rather than stretching it.
    expect(first.editor).toBeLessThan(600);
    await close(page);
  });

  it("draws the mark for line 9,000 of a 9,020-line policy beside line 9,000 of the text", async () => {
    const lines = ['version: "1"', "tools:"];
    while (lines.length < 8_999) lines.push(`# note ${lines.length + 1}`);
    lines.push("  broken: 5");
    while (lines.length < 9_020) lines.push(`# note ${lines.length + 1}`);
    const page = await open("/playground/");
    await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement, text: string) => {
      el.value = text;
      el.dispatchEvent(new Event("input"));
    }, lines.join("\n"));
    const finding = page.locator("[data-findings] button").first();
    await expect.poll(() => finding.textContent(), { timeout: 15_000 }).toContain("Line 9000, column");
    await finding.click();
    const mark = page.locator('[data-gutter] [data-line="9000"]');
    await expect.poll(() => mark.getAttribute("class")).toContain("mark-error");
    // Where line 9,000 of the text is: the text area's own line pitch, read from its scroll height.
    const place = await page.evaluate(() => {
      const text = document.querySelector<HTMLTextAreaElement>("#policy-text")!;
      const style = getComputedStyle(text);
      const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      const pitch = (text.scrollHeight - padding) / text.value.split("\n").length;
      const top = text.getBoundingClientRect().top + text.clientTop + parseFloat(style.paddingTop) + 8_999 * pitch - text.scrollTop;
      const row = document.querySelector('[data-gutter] [data-line="9000"]')!.getBoundingClientRect().top;
      return { drift: Math.abs(row - top) };
    });
    expect(place.drift).toBeLessThan(2);
    await close(page);
  });

  it("numbers the last lines after a 200,000-line paste scrolled to its end", async () => {
    const page = await open("/playground/");
    await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement) => {
      el.value = "# x\n".repeat(199_999) + "# end";
      el.dispatchEvent(new Event("input"));
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new Event("scroll"));
    });
    await expect.poll(() => page.locator('[data-gutter] [data-line="200000"]').count()).toBe(1);
    const visible = await page.evaluate(() => {
      const gutter = document.querySelector("[data-gutter]")!.getBoundingClientRect();
      const row = document.querySelector('[data-gutter] [data-line="200000"]')!.getBoundingClientRect();
      return row.top >= gutter.top && row.bottom <= gutter.bottom;
    });
    expect(visible).toBe(true);
    await close(page);
  });

  it("refuses a 5 MB paste before it reaches the editor, naming the limit and the size", async () => {
    const page = await open("/playground/");
    await expect.poll(() => summary(page).textContent()).toContain("No problems");
    const before = await page.locator("#policy-text").inputValue();
    await page.evaluate(() => navigator.clipboard.writeText("k: v\n".repeat(1_048_576)));
    await page.locator("#policy-text").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    const message = page.locator("[data-paste-message]");
    await expect.poll(() => message.isVisible()).toBe(true);
    expect(await message.textContent()).toBe(
      "Paste refused: 5,242,880 characters is more than the 1,000,000 this playground accepts (its own limit, not the proxy's; a policy has a few thousand). The editor is unchanged.",
    );
    expect(await page.locator("#policy-text").inputValue()).toBe(before);
    // A paste that fits goes through and clears the message.
    await page.evaluate(() => navigator.clipboard.writeText('version: "1"\n'));
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    await expect.poll(() => page.locator("#policy-text").inputValue()).toBe('version: "1"\n');
    expect(await message.isVisible()).toBe(false);
    await close(page);
  });

  it.each(["light", "dark"] as const)("gives denied calls a stripe as visible as allowed and approval in %s mode", async (scheme) => {
    const page = await open("/playground/", scheme);
    await callSix(page, limitPolicy.replace("tools:\n", 'tools:\n  merge:\n    rules:\n      - name: "review"\n        action: require_approval\n'));
    await page.locator("#sim-tool").fill("merge");
    await page.locator("#sim-count").fill("1");
    await page.getByRole("button", { name: "Call", exact: true }).click();
    await expect.poll(() => timelineItems(page).count()).toBe(7);
    const contrast = await page.evaluate(() => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (css: string) => {
        const [r, g, b] = rgb(css).map((v) => v / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const ratio = (a: string, b: string) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      const background = getComputedStyle(document.body).backgroundColor;
      const stripe = (outcome: string) => getComputedStyle(document.querySelector(`[data-timeline] [data-outcome="${outcome}"]`)!).borderLeftColor;
      return Object.fromEntries(["allowed", "denied", "approval_required"].map((o) => [o, Math.round(ratio(stripe(o), background) * 10) / 10]));
    });
    for (const [outcome, ratio] of Object.entries(contrast)) expect(ratio, `${outcome} in ${scheme}: ${JSON.stringify(contrast)}`).toBeGreaterThanOrEqual(3);
    await close(page);
  });

  it("says it cannot simulate a rule whose regex the browser cannot run as RE2 does, and gives the reason instead of a decision", async () => {
    const page = await open("/playground/");
    await setPolicy(page, 'version: "1"\ntools:\n  push_files:\n    rules:\n      - name: "feature branches"\n        conditions:\n          - path: args.branch\n            op: regex\n            value: "^(?i:feat)/"\n');
    await expect.poll(() => summary(page).textContent()).toContain("the proxy would load this policy");
    await page.locator("#sim-tool").fill("push_files");
    await page.locator("#sim-args").fill('{"branch": "FEAT/x"}');
    await page.locator("#sim-clock").fill("2026-03-01T14:10:00");
    await page.getByRole("button", { name: "Call", exact: true }).click();
    await expect.poll(() => timelineItems(page).count()).toBe(1);
    const item = timelineItems(page).first();
    expect(await item.getAttribute("data-outcome")).toBe("cannot_simulate");
    expect(await item.locator(".call-outcome").textContent()).toBe("Cannot simulate this rule");
    const text = (await item.textContent()) ?? "";
    expect(text).toContain('"feature branches" (rules[0] of push_files)');
    expect(text).toContain("this simulator cannot evaluate it: flags are only supported at the very start of the pattern");
    expect(text).not.toMatch(/Denied|Allowed|INTERCEPT/);
    expect(await page.locator("[data-sim-status]").textContent()).toContain("not decided");
    await close(page);
  });

  it("opens every snippet of a tool page with the tool's server chosen and a call of that tool prefilled", async () => {
    const refund = site.servers.find((s) => s.id === "pay-co")!.tools.find((t) => t.name === "create_refund")!;
    const toolPage = await open(`/servers/pay-co/tools/${refund.slug}/`);
    const links = toolPage.locator("a[data-playground-link]");
    const snippets = await toolPage.locator("pre[data-policy-snippet]").allTextContents();
    expect(await links.count()).toBe(snippets.length);
    expect(snippets.length).toBe(5);
    for (const [i, snippet] of snippets.entries()) {
      const page = await open((await links.nth(i).getAttribute("href"))!);
      await expect.poll(() => page.locator("#sim-args").inputValue()).not.toBe("");
      expect(await page.locator("#policy-text").inputValue()).toBe(snippet);
      expect(await page.locator("#policy-server").inputValue()).toBe("pay-co");
      expect(await page.locator("#sim-tool").inputValue()).toBe("create_refund");
      expect(JSON.parse(await page.locator("#sim-args").inputValue())).toEqual({ charge: "", amount: 0, reason: "" });
      await close(page);
    }
    await close(toolPage);
  });

  it.each(["light", "dark"] as const)("passes axe in %s mode with no serious or critical issue, with findings and a timeline shown", async (scheme) => {
    const page = await open("/playground/", scheme);
    await callSix(page);
    await setPolicy(page, limitPolicy + "bogus: 1\n");
    await expect.poll(() => page.locator("[data-findings] li").count()).toBe(1);
    expect(await seriousViolations(page, base)).toEqual([]);
    await close(page);
  });
});

describe("the server policy builder in chromium", () => {
  const yamlOf = (page: Page) => page.locator("[data-output] code").textContent().then((t) => t ?? "");
  const validation = (page: Page) => page.locator("[data-validation]");
  /** The status once the worker has answered for the YAML now shown (it is busy until then). */
  const settledValidation = async (page: Page) => {
    await expect.poll(() => validation(page).getAttribute("aria-busy")).toBe("false");
    return validation(page).textContent();
  };

  it("switches one tool to deny, and the YAML changes and still validates", async () => {
    const page = await open("/servers/pay-co/policy/");
    await expect.poll(() => validation(page).textContent()).toBe("Valid: the proxy loads this policy (0 errors, 0 warnings).");
    const before = await yamlOf(page);
    await page.getByLabel("Action for list_charges").selectOption("deny");
    await expect.poll(() => yamlOf(page)).not.toBe(before);
    const after = await yamlOf(page);
    expect(validatePolicy(after, { tools: ["create_refund", "delete_customer", "list_charges"] }).findings).toEqual([]);
    expect(validatePolicy(after).policy.tools?.list_charges?.rules).toEqual([{ name: "blocked", action: "deny", on_deny: "Blocked by policy: agents may not call this tool." }]);
    expect(await settledValidation(page)).toBe("Valid: the proxy loads this policy (0 errors, 0 warnings).");
    expect(await page.getByLabel("Calls allowed for list_charges").isDisabled()).toBe(true);
    await close(page);
  });

  it("requires approval for a whole category at once and keeps the policy valid", async () => {
    const page = await open("/servers/acme-files/policy/");
    await page.locator("[data-bulk-action]").selectOption("require_approval");
    await page.locator("[data-bulk-target]").selectOption("category:Read");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => page.locator("[data-bulk-status]").textContent()).toMatch(/^Require approval applied to \d+ of \d+ Read tools/);
    const readRows = await page.locator("tr[data-index]").evaluateAll((rows) =>
      rows.filter((r) => r.querySelector(".badge-read")).map((r) => (r.querySelector("[data-action]") as HTMLSelectElement).value));
    expect(readRows.length).toBeGreaterThan(2);
    expect(new Set(readRows)).toEqual(new Set(["require_approval"]));
    const yaml = await yamlOf(page);
    const names = site.servers.find((s) => s.id === "acme-files")!.tools.map((t) => t.name);
    expect(validatePolicy(yaml, { tools: names }).findings).toEqual([]);
    expect(validatePolicy(yaml).policy.tools?.read_file?.rules?.map((r) => r.action ?? "evaluate")).toEqual(["evaluate", "require_approval"]);
    expect(await settledValidation(page)).toContain("0 errors, 0 warnings");
    await close(page);
  });

  it("sets the default posture and a global cap, and opens the result in the playground", async () => {
    const page = await open("/servers/pay-co/policy/");
    await page.getByLabel("deny", { exact: true }).check();
    await page.getByLabel(/Cap all calls together/).check();
    await page.getByLabel("Calls allowed across all tools").fill("50");
    await expect.poll(() => yamlOf(page)).toContain("rate_limit: 50/minute");
    const yaml = await yamlOf(page);
    expect(yaml).toContain("default: deny");
    await expect.poll(() => page.locator("[data-playground-link]").getAttribute("href")).toMatch(/^\/playground\/#s=/);
    await page.locator("[data-playground-link]").click();
    await page.waitForURL(/\/playground\/#s=/);
    await expect.poll(() => page.locator("#policy-text").inputValue()).toBe(yaml);
    expect(await page.locator("#policy-server").inputValue()).toBe("pay-co");
    await expect.poll(() => summary(page).textContent()).toBe("No problems: the proxy would load this policy.");
    await close(page);
  });

  it.each(["0", "-5", "1.5", "", "99999999"])("marks a limit of %j invalid at its field and keeps the YAML from claiming it", async (bad) => {
    const page = await open("/servers/pay-co/policy/");
    await expect.poll(() => validation(page).textContent()).toContain("Valid");
    const field = page.getByLabel("Calls allowed for list_charges");
    expect(await field.isDisabled()).toBe(false);
    const before = await yamlOf(page);
    await field.fill(bad);
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    const messageId = (await field.getAttribute("aria-describedby"))!;
    expect(await page.locator(`[id="${messageId}"]`).textContent()).toContain("is not a whole number from 1 to 1,000,000.");
    expect(await validation(page).textContent()).toMatch(/^Not updated: a field needs fixing, and the YAML below is the last valid one\. Limit of list_charges: /);
    expect(await page.locator("[data-copy]").isDisabled()).toBe(true);
    expect(await page.locator("[data-download]").isDisabled()).toBe(true);
    expect(await page.locator("[data-playground-link]").isVisible()).toBe(false);
    expect(await page.locator("[data-output]").getAttribute("data-stale")).toBe("");
    expect(await yamlOf(page)).toBe(before);

    await field.fill("7");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe(null);
    await expect.poll(() => yamlOf(page)).toContain("rate_limit: 7/");
    expect(await settledValidation(page)).toBe("Valid: the proxy loads this policy (0 errors, 0 warnings).");
    expect(await page.locator("[data-copy]").isDisabled()).toBe(false);
    await close(page);
  });

  it("marks a bad global cap invalid instead of writing 120", async () => {
    const page = await open("/servers/pay-co/policy/");
    await page.getByLabel(/Cap all calls together/).check();
    const cap = page.getByLabel("Calls allowed across all tools");
    await expect.poll(() => yamlOf(page)).toContain("rate_limit: 120/minute");
    const before = await yamlOf(page);
    await cap.fill("0");
    await expect.poll(() => cap.getAttribute("aria-invalid")).toBe("true");
    expect(await validation(page).textContent()).toContain("Cap on all calls: \"0\" is not a whole number from 1 to 1,000,000.");
    // The last valid YAML stays, marked stale and not offered for copying.
    expect(await yamlOf(page)).toBe(before);
    expect(await page.locator("[data-output]").getAttribute("data-stale")).toBe("");
    expect(await page.locator("[data-copy]").isDisabled()).toBe(true);
    await cap.fill("50");
    await expect.poll(() => yamlOf(page)).toContain("rate_limit: 50/minute");
    expect(await cap.getAttribute("aria-invalid")).toBe(null);
    await close(page);
  });

  it.each(["/servers/pay-co/policy/", "/servers/acme-files/policy/"])("fits %s in a 390 px wide window without scrolling the page sideways", async (path) => {
    const page = await open(path, "light", { width: 390, height: 844 });
    await expect.poll(() => validation(page).textContent()).toContain("0 errors");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await close(page);
  });

  it.each([
    ["/servers/pay-co/policy/", "light"],
    ["/servers/acme-files/policy/", "light"],
    ["/servers/acme-files/policy/", "dark"],
  ] as const)("passes axe on %s in %s mode with no serious or critical issue", async (path, scheme) => {
    const page = await open(path, scheme);
    await expect.poll(() => validation(page).textContent()).toContain("0 errors");
    expect(await seriousViolations(page, base)).toEqual([]);
    await close(page);
  });
});

describe("both pages", () => {
  it("ran with no dialog, script error or CSP refusal", () => {
    expect(problems).toEqual([]);
  });
});
