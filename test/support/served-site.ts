/**
 * The fixture site built, served on a free port and opened in Chromium: what
 * every browser suite starts with, and takes down again in afterAll.
 */
import { rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { serveDirectory } from "../../scripts/serve-site.ts";
import { buildFixtureSite, type BuiltFixture } from "../site/built-site.ts";
import { launchChromium } from "./browser.ts";

export interface ServedSite {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  base: string;
  browser: Browser;
  /** The fixture catalog the site was built from. */
  servers: BuiltFixture["servers"];
  close(): Promise<void>;
}

export async function serveFixtureSite(options: Parameters<typeof buildFixtureSite>[0] = { search: false }): Promise<ServedSite> {
  const site = await buildFixtureSite(options);
  let server: Server | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await rm(site.dir, { recursive: true, force: true });
  };
  try {
    const served = await serveDirectory(site.outDir, 0);
    server = served.server;
    browser = await launchChromium();
    return { base: served.url, browser, servers: site.servers, close };
  } catch (error) {
    await close();
    throw error;
  }
}
