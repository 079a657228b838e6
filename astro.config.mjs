// @ts-check
import { defineConfig } from "astro/config";

// Tests and the benchmark build fixture catalogs into their own folders.
const outDir = process.env.SITE_OUT_DIR || "./dist";
const cacheDir = process.env.SITE_CACHE_DIR || "./node_modules/.astro";

export default defineConfig({
  site: process.env.SITE_URL || "http://localhost:4321",
  output: "static",
  outDir,
  cacheDir,
  trailingSlash: "ignore",
  build: {
    format: "directory",
    // Render the next pages while the last ones are written: at 10,000 tools a build
    // waits on the disk as long as it renders (bench:build gives its bare site the same).
    concurrency: 4,
    // External CSS only: the Content-Security-Policy allows styles from 'self'.
    inlineStylesheets: "never",
  },
  vite: {
    // Never inline scripts: script-src 'self' refuses inline code.
    build: { assetsInlineLimit: 0 },
    // Module workers: the Cedar worker imports the engine dynamically, which the default (iife) cannot split.
    worker: { format: "es" },
  },
  devToolbar: { enabled: false },
});
