import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFixtureSite, type ServedSite } from "../support/served-site.ts";

let site: ServedSite;
let base: string;

beforeAll(async () => {
  site = await serveFixtureSite();
  base = site.base;
}, 180_000);

afterAll(async () => {
  await site?.close();
});

/** The playground with a catalog server chosen, once it checks names against that server. */
async function playgroundWithServer(serverId: string) {
  const page = await site.browser.newPage();
  await page.goto(`${base}/playground/`);
  await page.locator("#policy-server").selectOption(serverId);
  await expect.poll(() => page.locator("[data-server-status]").textContent()).toContain("Checking tool names against");
  return page;
}

const policy = `version: "1"
tools:
  create_issue:
    rules:
      - name: "hourly issue limit"
        rate_limit: 1/hour
`;

describe("the playground's timeline in chromium", () => {
  it("explains an allowed call and a denied one in words: the rule, the condition's value, the counter and the outcome", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${base}/playground/`);
    await page.locator("#policy-text").fill(policy);
    await expect.poll(() => page.locator("[data-findings-summary]").textContent()).toContain("the proxy would load this policy");
    await page.locator("#sim-tool").fill("create_issue");
    await page.locator("#sim-args").fill("{}");
    await page.locator("#sim-clock").fill("2026-03-01T14:10:00");
    await page.locator("#sim-count").fill("2");
    await page.getByRole("button", { name: "Call", exact: true }).click();
    const items = page.locator("[data-timeline] > li");
    await expect.poll(() => items.count()).toBe(2);
    const why = (n: number) => items.nth(n).locator("ol.call-why > li").allTextContents();
    const allowed = await why(0);
    expect(allowed).toContain("state.create_issue._rate_hour lte 1: saw 0; holds.");
    expect(allowed).toContain("Counter create_issue._rate_hour (hour window, by 1): count 0 → 1 of limit 1, resets at 2026-03-01 15:00:00 UTC.");
    expect(allowed.at(-1)).toBe("Allowed: no rule denied the call and every counter it touches had room.");
    const denied = await why(1);
    expect(denied.at(-1)).toMatch(/^Denied by rule "hourly issue limit" \(tools\."create_issue" rules\[0\]\)/);
    await items.nth(1).getByRole("button", { name: "line 5" }).click();
    const cursor = await page.locator("#policy-text").evaluate((el) => {
      const text = el as HTMLTextAreaElement;
      return { focused: document.activeElement === text, line: text.value.slice(0, text.selectionStart).split("\n").length };
    });
    expect(cursor).toEqual({ focused: true, line: 5 });
    // The status line a screen reader announces carries the explanation's counter and conclusion too.
    const status = await page.locator("[data-sim-status]").textContent();
    expect(status).toContain(`Why: `);
    expect(status).toContain(denied.at(-1));
    await page.close();
  });

  it("loads a sample policy from the menu into the editor and selects its server", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${base}/playground/`);
    const sample = page.locator("#policy-sample");
    const serverId = await sample.inputValue();
    expect(serverId).not.toBe("");
    const expected = await (await fetch(`${base}/servers/${serverId}/${serverId}.policy.yaml`)).text();
    await page.getByRole("button", { name: "Load sample" }).click();
    await expect.poll(() => page.locator("#policy-text").inputValue()).toBe(expected);
    expect(await page.locator("#policy-server").inputValue()).toBe(serverId);
    await expect.poll(() => page.locator("[data-findings-summary]").textContent()).toContain("the proxy would load this policy");
    await page.close();
  });

  it("warns at its line about an argument the chosen server's tool does not take, naming the closest one", async () => {
    const page = await playgroundWithServer("acme-files");
    await page.locator("#policy-text").fill(`version: "1"
tools:
  write_file:
    rules:
      - name: "tmp only"
        conditions:
          - path: args.pth
            op: regex
            value: "^/tmp/"
`);
    await expect.poll(() => page.locator("[data-findings] li").allTextContents()).toEqual([expect.stringMatching(/7.*"write_file" takes no argument "pth".*did you mean `path`\?/s)]);
    await page.close();
  });

  it("warns at its line when a condition's operator can never pass on the argument's declared type, and underlines it", async () => {
    const page = await playgroundWithServer("acme-files");
    await page.locator("#policy-text").fill(`version: "1"
tools:
  write_file:
    rules:
      - name: "no backups"
        conditions:
          - path: args.backup
            op: regex
            value: "^true$"
`);
    await expect
      .poll(() => page.locator("[data-findings] li").allTextContents())
      .toEqual([expect.stringMatching(/Line 7, column \d+:.*args\.backup is boolean in "write_file"'s input schema, and regex matches strings only/s)]);
    await expect.poll(() => page.locator('.pg-highlight [data-line="7"] [data-underline="warning"]').count()).toBe(1);
    await page.close();
  });
});
