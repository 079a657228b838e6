import { describe, expect, it } from "vitest";
import { devExtraRows } from "./dev-extra.ts";
import { labelledTools } from "./labelled-tools.ts";
import { serversInSet } from "./out-of-sample.ts";

describe("the dev-extra labelled sets", () => {
  const rows = devExtraRows();
  const second = devExtraRows("dev-extra-2");

  it("labels at least 300 tools of at least 15 servers, each with a reason", () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.server)).size).toBeGreaterThanOrEqual(15);
    for (const row of rows) expect(row.label.reason.trim().length).toBeGreaterThan(10);
  });

  it("labels at least 500 tools of at least 30 servers in the second set, each with a reason", () => {
    expect(second.length).toBeGreaterThanOrEqual(500);
    expect(new Set(second.map((r) => r.server)).size).toBeGreaterThanOrEqual(30);
    for (const row of second) expect(row.label.reason.trim().length).toBeGreaterThan(10);
  });

  it("share no server with the out-of-sample set, the in-sample table or each other", () => {
    const elsewhere = new Set([...serversInSet(), ...labelledTools.map((t) => t.server)]);
    expect([...new Set(rows.map((r) => r.server))].filter((s) => elsewhere.has(s))).toEqual([]);
    const first = new Set(rows.map((r) => r.server));
    expect([...new Set(second.map((r) => r.server))].filter((s) => elsewhere.has(s) || first.has(s))).toEqual([]);
  });
});
