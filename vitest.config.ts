import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests poll for what a page shows after its engine worker answers: on a loaded two-core
    // machine the first answer can take several seconds (it is a wait for a state, not a timing check).
    expect: { poll: { timeout: 10_000 } },
    // Crawler tests spawn real server processes; two cores cannot run many at once.
    maxWorkers: 2,
  },
});
