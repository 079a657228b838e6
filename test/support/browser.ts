import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's chromium by default; CHROMIUM_PATH points at another build (GitHub's runners ship Google Chrome). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts headless Chromium, or fails with what to install: a browser is never downloaded. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: the browser tests need Debian's chromium (apt-get update && apt-get install -y chromium) or CHROMIUM_PATH. No browser is downloaded.`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    // Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Records dialogs (dismissed), page errors and console errors (CSP refusals among them) as problems. */
export function recordProblems(page: Page, label: string, problems: string[]): void {
  page.on("dialog", (dialog) => {
    problems.push(`dialog on ${label}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => problems.push(`error on ${label}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console on ${label}: ${message.text()}`);
  });
}

const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Serious and critical axe violations; axe is served from the site's own origin so the page's CSP stays on. */
export async function seriousViolations(page: Page, base: string): Promise<string[]> {
  return violations(page, base, ["serious", "critical"]);
}

/** Every axe violation, whatever its impact. */
export async function allViolations(page: Page, base: string): Promise<string[]> {
  return violations(page, base, ["minor", "moderate", "serious", "critical"]);
}

async function violations(page: Page, base: string, impacts: readonly string[]): Promise<string[]> {
  const body = await axeSource;
  await page.route(`${base}/__axe.js`, (route) => route.fulfill({ body, contentType: "text/javascript" }));
  await page.addScriptTag({ url: `${base}/__axe.js` });
  return page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
    r.violations.filter((v) => ${JSON.stringify(impacts)}.includes(v.impact)).map((v) => v.id + " (" + v.impact + "): " + v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")))`);
}
