/**
 * The /scan/ page's JavaScript as Chromium fetches it from a built site, in
 * three steps: loading the page, pasting a tool list, first using the
 * policy builder. Read from the requests the browser makes rather than from
 * the scripts' imports, so a chunk or worker fetched late is counted at the
 * step that fetches it. Part of bench:playground.
 */
import type { Server } from "node:http";
import { launchChromium } from "../test/support/browser.ts";
import { serveDirectory } from "./serve-site.ts";

export interface ScanPageLoads {
  /** Paths of the scripts fetched while the page loads. */
  upFront: string[];
  /** Fetched by pasting a tool list and seeing its verdicts and the builder. */
  paste: string[];
  /** Fetched when the builder is first used (its policy checked). */
  builder: string[];
}

const listToPaste = JSON.stringify({
  tools: [
    { name: "list_issues", description: "Lists the issues of a repository.", inputSchema: { type: "object", properties: { repo: { type: "string" } }, required: ["repo"] } },
    { name: "delete_repository", description: "Permanently deletes a repository.", inputSchema: { type: "object", properties: { repo: { type: "string" } }, required: ["repo"] } },
  ],
});

/** Time for a late fetch (a lazy chunk, a worker) to start after a step's visible result. */
const SETTLE_MS = 1_000;

export async function measureScanPage(dist: string): Promise<ScanPageLoads> {
  const { server, url } = await serveDirectory(dist, 0);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    let fetched: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith(".js") || path.endsWith(".mjs")) fetched.push(path);
    });
    const step = async (run: () => Promise<void>) => {
      fetched = [];
      await run();
      await page.waitForTimeout(SETTLE_MS);
      return [...new Set(fetched)];
    };
    const upFront = await step(async () => {
      await page.goto(`${url}/scan/`, { waitUntil: "load" });
      await page.locator("tool-scan[data-ready]").waitFor({ state: "attached" });
    });
    const paste = await step(async () => {
      await page.locator("[data-scan-input]").fill(listToPaste);
      await page.getByRole("button", { name: "Classify", exact: true }).click();
      await page.locator("[data-scan-status]", { hasText: "2 tools classified" }).waitFor();
      await page.locator("policy-builder [data-output]", { hasText: "delete_repository" }).waitFor();
    });
    const builder = await step(async () => {
      await page.locator("policy-builder input[value='deny']").focus();
      await page.locator("policy-builder [data-validation]", { hasText: "Valid" }).waitFor({ timeout: 30_000 });
    });
    return { upFront, paste, builder };
  } finally {
    await browser.close();
    await new Promise((resolve) => (server as Server).close(resolve));
  }
}
