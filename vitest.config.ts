import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Crawler tests spawn real server processes; two cores cannot run many at once.
    maxWorkers: 2,
  },
});
