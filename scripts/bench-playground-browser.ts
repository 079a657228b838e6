/**
 * The playground's editor in Chromium, measured on a built site: after a
 * refused 5 MB paste, the longest frame (requestAnimationFrame gaps over
 * two seconds); after opening a 1,500-line policy from a link, whether the
 * page's height settles and how long it took. Part of bench:playground.
 */
import type { Server } from "node:http";
import { launchChromium } from "../test/support/browser.ts";
import { serveDirectory } from "./serve-site.ts";

/** A frame longer than this after the refusal is a stall a user feels. */
export const FRAME_BUDGET_MS = 100;

export interface EditorFigures {
  /** The refusal message shown, or undefined when the paste was let through. */
  pasteRefused: string | undefined;
  /** Longest gap between animation frames in the 2 s after the refusal. */
  longestFrameAfterPasteMs: number;
  /** Time from load until the page's height last changed (sampled every frame for 3 s); undefined if it still changed at the end. */
  longPolicySettledMs: number | undefined;
  longPolicyHeights: { editor: number; page: number };
}

// Page code is passed as text: tsx would wrap named functions in a helper the page does not have.
const longestFrameScript = (ms: number) => `new Promise((resolve) => {
  let last = performance.now();
  let longest = 0;
  const end = last + ${ms};
  const tick = (now) => {
    longest = Math.max(longest, now - last);
    last = now;
    if (now < end) requestAnimationFrame(tick);
    else resolve(longest);
  };
  requestAnimationFrame(tick);
})`;

/** When the editor's and the page's heights last changed, sampled every frame for 3 s. */
const settleScript = `new Promise((resolve) => {
  const start = performance.now();
  let previous = "";
  let changedAt = 0;
  let editor = 0;
  let height = 0;
  const tick = () => {
    const now = performance.now();
    editor = document.querySelector("#policy-text").getBoundingClientRect().height;
    height = document.documentElement.scrollHeight;
    const key = editor + " " + height;
    if (key !== previous) changedAt = now - start;
    previous = key;
    if (now - start < 3000) requestAnimationFrame(tick);
    else resolve({ at: changedAt < 2900 ? changedAt : undefined, editor, page: height });
  };
  requestAnimationFrame(tick);
})`;

export async function measureEditor(dist: string): Promise<EditorFigures> {
  const { server, url } = await serveDirectory(dist, 0);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
    const page = await context.newPage();
    await page.goto(`${url}/playground/`);
    await page.locator("[data-findings-summary]", { hasText: "No problems" }).waitFor();
    await page.evaluate('navigator.clipboard.writeText("k: v\\n".repeat(1048576))');
    await page.locator("#policy-text").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    const message = page.locator("[data-paste-message]");
    await message.waitFor({ state: "visible", timeout: 10_000 }).catch(() => undefined);
    const pasteRefused = (await message.isVisible()) ? ((await message.textContent()) ?? "") : undefined;
    const longestFrameAfterPasteMs = (await page.evaluate(longestFrameScript(2_000))) as number;

    const long = 'version: "1"\ntools:\n' + Array.from({ length: 749 }, (_, i) => `  tool_${i}:\n    rules: []`).join("\n") + "\n";
    const linked = await context.newPage();
    await linked.goto(`${url}/playground/#policy=${encodeURIComponent(long)}`);
    const settled = (await linked.evaluate(settleScript)) as { at: number | undefined; editor: number; page: number };
    return { pasteRefused, longestFrameAfterPasteMs, longPolicySettledMs: settled.at, longPolicyHeights: { editor: settled.editor, page: settled.page } };
  } finally {
    await browser.close();
    await new Promise((resolve) => (server as Server).close(resolve));
  }
}
