import { describe, expect, it } from "vitest";
import { readBuildLog } from "../../scripts/astro-build-log.ts";

const log = `12:00:01 [vite] \u001b[32m✓ built in 3.89s\u001b[39m
12:00:04 [vite] ✓ built in 950ms
 generating static routes
12:00:04 ▶ src/pages/index.astro
12:00:04   └─ /index.html (+12ms)
12:00:05 λ src/pages/servers/[id]/[file].ts
12:00:05   ├─ /servers/a/a.policy.yaml (+3ms)
12:00:07   └─ /servers/b/b.policy.yaml (+1.5s)
12:00:09 ▶ src/pages/index.astro
12:00:09   └─ /again/index.html (+4ms)
12:00:12 ✓ Completed in 8.01s.
12:00:13 [build] 3 page(s) built in 12.2s
`;

describe("reading an astro build log", () => {
  it("counts each route's files and the seconds from its heading to the next, and lists Vite's bundling steps", () => {
    expect(readBuildLog(log)).toEqual({
      bundlingMilliseconds: [3890, 950],
      routes: [
        { route: "src/pages/index.astro", files: 2, seconds: 1 + 3 },
        { route: "src/pages/servers/[id]/[file].ts", files: 2, seconds: 4 },
      ],
    });
  });

  it("finds nothing in a log with no build in it", () => {
    expect(readBuildLog("error: something failed\n")).toEqual({ bundlingMilliseconds: [], routes: [] });
  });
});
