/**
 * Issue #17, part 3 (playground) and part 4, in Chromium: a pasted Cedar
 * policy is checked by the real engine with its own messages at their
 * lines, and the engine (a 4 MB wasm) is fetched from the site only once
 * the Cedar mode is opened.
 */
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordProblems, seriousViolations } from "../support/browser.ts";
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
  expect(problems).toEqual([]);
});

/** The page, and every request it (and its workers) made, in order. */
async function open(path: string): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext();
  const requests: string[] = [];
  context.on("request", (request: Request) => requests.push(request.url()));
  const page = await context.newPage();
  recordProblems(page, path, problems);
  await page.goto(base + path);
  return { page, requests };
}

const summary = (page: Page) => page.locator("[data-findings-summary]");
const findings = (page: Page) => page.locator("[data-findings]");

async function setText(page: Page, text: string): Promise<void> {
  await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event("input"));
  }, text);
}

async function openCedar(page: Page): Promise<void> {
  await page.getByLabel("Cedar, for ToolHive or Docker's MCP gateway").check();
  await expect.poll(() => summary(page).textContent(), { timeout: 30_000 }).toContain("Cedar engine");
}

describe("the playground's Cedar mode", () => {
  it("fetches the Cedar engine only once the Cedar mode is opened, and only from the site", async () => {
    const { page, requests } = await open("/playground/");
    await expect.poll(() => summary(page).textContent()).toBe("No problems: the proxy would load this policy.");
    await page.waitForTimeout(500);
    expect(requests.filter((url) => /cedar|\.wasm/i.test(url))).toEqual([]);
    expect(await page.locator("#cedar-target").isVisible()).toBe(false);

    await openCedar(page);
    await expect.poll(() => summary(page).textContent()).toBe("No problems: the Cedar engine parses this policy and validates it against ToolHive's schema.");
    expect(requests.filter((url) => /\.wasm$/.test(url))).toEqual([expect.stringMatching(new RegExp(`^${base}/_astro/cedar_wasm_bg-[\\w-]+\\.wasm$`))]);
    expect(requests.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    expect(await page.locator("[data-cedar-status]").textContent()).toBe("Validated against ToolHive's schema: the policy uses its names.");
    // The simulator runs Intercept policies only; it is hidden, not left to mislead.
    expect(await page.locator("#sim-tool").isVisible()).toBe(false);
    expect(await page.locator("#policy-server").isVisible()).toBe(false);
    await page.context().close();
  });

  it("reports a valid Docker policy valid, with the target it read from the policy", async () => {
    const { page } = await open("/playground/");
    await openCedar(page);
    await setText(page, '@id("approval")\n@requireApproval("A person approves each refund.")\npermit (principal, action == MCP::Action::"invokeTool", resource)\nwhen { resource.name == "create_refund" };\n');
    await expect.poll(() => summary(page).textContent()).toBe("No problems: the Cedar engine parses this policy and validates it against Docker's MCP gateway's schema.");
    expect(await page.locator("[data-cedar-status]").textContent()).toBe("Validated against Docker's MCP gateway's schema: the policy uses its names.");
    expect(await findings(page).locator("li").count()).toBe(0);
    await page.context().close();
  });

  it("shows the engine's parse error at its line and column, marked in the gutter, and moves the cursor there", async () => {
    const { page } = await open("/playground/");
    await openCedar(page);
    const text = '// Tool names may be in any script: créer_fichier 📁\n@id("deny")\nforbid (principal, action == Action::"call_tool", resource)\nwhen { resource.name == };\n';
    await setText(page, text);
    await expect.poll(() => summary(page).textContent()).toBe("1 error: the Cedar engine rejects this policy for ToolHive.");
    const item = findings(page).locator("li").first();
    expect(await item.textContent()).toMatch(/^Line 4, column 25: Error failed to parse policies from string: unexpected token `}` \(expected .*\)$/);
    await expect.poll(() => page.locator("[data-gutter]").getAttribute("data-marked")).toBe("4");
    await item.getByRole("button").click();
    const caret = await page.locator("#policy-text").evaluate((el: HTMLTextAreaElement) => el.selectionStart);
    expect(text[caret]).toBe("}");
    await page.context().close();
  });

  it("shows a schema error at its line with the engine's hint, against the target the user chose", async () => {
    const { page } = await open("/playground/");
    await openCedar(page);
    await page.getByLabel("Validate against").selectOption("docker");
    await setText(page, '@id("ok")\npermit (principal, action == MCP::Action::"invokeTool", resource);\n\npermit (principal, action == MCP::Action::"invokeTol", resource);\n');
    await expect.poll(() => summary(page).textContent()).toMatch(/^1 error(, \d+ warnings?)?: the Cedar engine rejects this policy for Docker's MCP gateway\.$/);
    const error = findings(page).locator("li.finding-error");
    expect(await error.textContent()).toContain('Line 4, column 30: Error for policy `policy1`, unrecognized action `MCP::Action::"invokeTol"` Hint: did you mean `MCP::Action::"invokeTool"`?');
    expect(await page.locator("[data-cedar-status]").textContent()).toBe("Validated against Docker's MCP gateway's schema, as chosen.");
    await page.context().close();
  });

  it("reads a pasted ToolHive config and shows an error inside one of its policies at its line in the file", async () => {
    const { page } = await open("/playground/");
    await openCedar(page);
    const config = 'version: "1.0"\ntype: cedarv1\ncedar:\n  policies:\n    - "permit (principal, action == Action::\\"call_tool\\", resource == Tool::\\"a\\");"\n    - "forbid (principal, action == Action::\\"cal_tool\\", resource);"\n  entities_json: "[]"\n';
    await setText(page, config);
    await expect.poll(() => summary(page).textContent()).toMatch(/^1 error(, \d+ warnings?)?: the Cedar engine rejects this policy for ToolHive\.$/);
    expect(await page.locator("[data-cedar-status]").textContent()).toBe("Read as a ToolHive config file: its cedar.policies validated against ToolHive's schema.");
    expect(await findings(page).locator("li.finding-error").textContent()).toMatch(/^Line 6, column 37: Error for policy `policy1`, unrecognized action `Action::"cal_tool"`.*cedar\.policies\[1\]$/);
    await expect.poll(() => page.locator("[data-gutter]").getAttribute("data-marked")).toMatch(/(^| )6( |$)/);
    await page.context().close();
  });

  it("shows markup in a policy's names as text, never as markup", async () => {
    const { page } = await open("/playground/");
    await openCedar(page);
    await setText(page, 'permit (principal, action == Action::"<img src=x onerror=alert(1)>", resource);\n');
    await expect.poll(() => findings(page).textContent()).toContain('unrecognized action `Action::"<img src=x onerror=alert(1)>"`');
    expect(await page.locator("main img, [data-findings] img").count()).toBe(0);
    await page.context().close();
  });

  it("keeps the Cedar text and target in the share link across a reload, and the YAML when switching back", async () => {
    const { page } = await open("/playground/");
    await openCedar(page);
    await page.getByLabel("Validate against").selectOption("docker");
    const cedar = 'forbid (principal, action == MCP::Action::"invokeTool", resource) when { resource.name == "delete_file" };\n';
    await setText(page, cedar);
    await expect.poll(() => summary(page).textContent()).toContain("No problems: the Cedar engine");
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s=/);
    await page.waitForTimeout(600);
    await page.reload();
    await expect.poll(() => page.locator("#policy-text").inputValue()).toBe(cedar);
    expect(await page.getByLabel("Validate against").inputValue()).toBe("docker");
    await expect.poll(() => summary(page).textContent()).toBe("No problems: the Cedar engine parses this policy and validates it against Docker's MCP gateway's schema.");
    await page.getByLabel("Intercept YAML").check();
    await expect.poll(() => summary(page).textContent()).toBe("No problems: the proxy would load this policy.");
    expect(await page.locator("#policy-text").inputValue()).toContain('version: "1"');
    await page.context().close();
  });

  it("gives axe nothing to report, of any impact, with Cedar errors on show", async () => {
    const { page } = await open("/playground/");
    await openCedar(page);
    await setText(page, "permit (principal, action, resource) when { 1 + };\n");
    await expect.poll(() => summary(page).textContent()).toContain("the Cedar engine rejects this policy");
    expect(await seriousViolations(page, base)).toEqual([]);
    // seriousViolations loaded axe; this asks it again for every impact, minor ones included.
    const all = await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => v.id + " (" + v.impact + ")"))`);
    expect(all).toEqual([]);
    await page.context().close();
  });
});

describe("the policy builder's Cedar views", () => {
  const validation = (page: Page) => page.locator("[data-validation]");
  const output = (page: Page) => page.locator("[data-output] code");

  it("writes the choices made as ToolHive and Docker Cedar, checked by the engine fetched only then", async () => {
    const { page, requests } = await open("/servers/pay-co/policy/");
    await expect.poll(() => validation(page).textContent(), { timeout: 15_000 }).toContain("Valid: the proxy loads this policy");
    await page.getByLabel("Action for list_charges").selectOption("deny");
    await expect.poll(() => validation(page).textContent()).toContain("Valid: the proxy loads this policy");
    expect(requests.filter((url) => /cedar|\.wasm/i.test(url))).toEqual([]);

    await page.getByLabel("ToolHive (Cedar)").check();
    await expect.poll(() => validation(page).textContent(), { timeout: 30_000 }).toBe("Valid: the Cedar engine parses these policies and validates them against ToolHive's schema (0 errors, 0 warnings).");
    expect(await output(page).textContent()).toContain('    - "@id(\\"deny list_charges\\") forbid (principal, action == Action::\\"call_tool\\", resource == Tool::\\"list_charges\\");"\n');
    expect(await output(page).textContent()).toContain("# ToolHive Cedar authorization config (generated from the choices made in the catalog's policy builder).");
    expect(await page.locator("#pb-output-heading").textContent()).toBe("pay-co.toolhive.yaml");
    expect(await page.locator("[data-cedar-notes]").textContent()).toContain("Not expressed in ToolHive (also said in the file):");
    expect(requests.filter((url) => /\.wasm$/.test(url))).toHaveLength(1);
    expect(requests.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);

    // A change while a Cedar view is open is written and checked again.
    await page.getByLabel("Action for delete_customer").selectOption("require_approval");
    await expect.poll(() => output(page).textContent()).toContain("no approval step delete_customer");
    await expect.poll(() => validation(page).textContent()).toContain("Valid: the Cedar engine");

    await page.getByLabel("Docker's MCP gateway (Cedar)").check();
    await expect.poll(() => validation(page).textContent()).toBe("Valid: the Cedar engine parses these policies and validates them against Docker's MCP gateway's schema (0 errors, 0 warnings).");
    // The view is one of the choices a reload keeps.
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#b=/);
    await page.waitForTimeout(300);
    await page.reload();
    await expect.poll(() => validation(page).textContent(), { timeout: 30_000 }).toBe("Valid: the Cedar engine parses these policies and validates them against Docker's MCP gateway's schema (0 errors, 0 warnings).");
    expect(await page.getByLabel("Docker's MCP gateway (Cedar)").isChecked()).toBe(true);
    expect(await page.locator("#pb-output-heading").textContent()).toBe("pay-co.docker.cedar");
    const docker = (await output(page).textContent()) ?? "";
    expect(docker).toContain('@requireApproval("A person approves each call to delete_customer.")');
    expect(docker).toMatch(/@id\("deny list_charges"\)\nforbid \(principal, action == MCP::Action::"invokeTool", resource\) when \{ resource\.name == "list_charges" \};/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download pay-co.docker.cedar" }).click()]);
    expect(download.suggestedFilename()).toBe("pay-co.docker.cedar");
    expect(await seriousViolations(page, base)).toEqual([]);

    // The playground link opens these policies in its Cedar mode, for Docker.
    const href = await page.locator("[data-playground-link]").getAttribute("href");
    await page.goto(base + href);
    await expect.poll(() => summary(page).textContent(), { timeout: 30_000 }).toBe("No problems: the Cedar engine parses this policy and validates it against Docker's MCP gateway's schema.");
    expect(await page.locator("#policy-text").inputValue()).toContain('resource.name == "list_charges"');
    await page.context().close();
  });
});
