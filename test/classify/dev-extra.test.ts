import { describe, expect, it } from "vitest";
import { devExtraRows } from "./dev-extra.ts";
import { labelledTools } from "./labelled-tools.ts";
import { serversInSet } from "./out-of-sample.ts";

describe("the dev-extra labelled set", () => {
  const rows = devExtraRows();

  it("labels at least 300 tools of at least 15 servers, each with a reason", () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.server)).size).toBeGreaterThanOrEqual(15);
    for (const row of rows) expect(row.label.reason.trim().length).toBeGreaterThan(10);
  });

  it("shares no server with the out-of-sample set or the in-sample table", () => {
    const elsewhere = new Set([...serversInSet(), ...labelledTools.map((t) => t.server)]);
    expect([...new Set(rows.map((r) => r.server))].filter((s) => elsewhere.has(s))).toEqual([]);
  });
});
