import { describe, expect, it } from "vitest";
import { classifyTool } from "../../src/classify/index.ts";
import { labelledTools } from "./labelled-tools.ts";

function rationaleOf(server: string, name: string): string {
  const row = labelledTools.find((r) => r.server === server && r.tool.name === name);
  if (!row) throw new Error(`no labelled row ${server}/${name}`);
  return classifyTool(row.tool, { serverName: row.server, tags: row.tags ?? [] }).rationale;
}

describe("rationales name the deciding evidence", () => {
  it("for the pinned tool with no description and no parameters", () => {
    expect(rationaleOf("unknown", "CreateCodeConnection")).toMatchInlineSnapshot(`"The name's verb 'create' marks it Write; there is no description, so the verdict rests on the name. Changes like this are reversible or additive and stay inside the user's own systems: Medium. No parameters."`);
  });
  it("for a deletion of a list of names the caller gives (bounded: High)", () => {
    expect(rationaleOf("memory", "delete_entities")).toMatchInlineSnapshot(`"The name's verb 'delete', the description's verb 'delete' and the server's destructiveHint mark it Destructive. Removing one item, or items the caller names one by one, is High. 1 of 1 parameter required."`);
  });
  it("for a container deletion", () => {
    expect(rationaleOf("mongodb", "drop-database")).toMatchInlineSnapshot(`"The name's verb 'drop', the description's verb 'removes' and the server's destructiveHint mark it Destructive. It removes a whole database, with everything in it: Critical. 1 of 1 parameter required."`);
  });
  it("for reading financial data", () => {
    expect(rationaleOf("stripe", "list_charges")).toMatchInlineSnapshot(`"The name's verb 'list', the description's verb 'fetches' and the paging parameter 'limit' mark it Read. It changes nothing and reads nothing sensitive: Low. 2 optional parameters."`);
  });
  it("for a refund (Financial beats Write)", () => {
    expect(rationaleOf("stripe", "create_refund")).toMatchInlineSnapshot(`"The name's words 'create' and 'refund', the description's verb 'refund' and the amount parameter 'amount' mark it Financial. Moving money is Critical. 1 of 2 parameters required."`);
  });
  it("for a read-only SQL tool", () => {
    expect(rationaleOf("postgres", "query")).toMatchInlineSnapshot(`"The name's verb 'query', the parameter 'sql' (a query language) and the description's verb 'run' mark it Read, because the description says its query language is read-only. It changes nothing and reads nothing sensitive: Low. 1 optional parameter."`);
  });
  it("for arbitrary SQL applied as a migration (name, description and parameter agree)", () => {
    expect(rationaleOf("supabase", "apply_migration")).toMatchInlineSnapshot(`"The name's words 'apply' and 'migration', the description's words 'applies' and 'migration' and the parameter 'query' (a query language) mark it Execute. Running code, commands or queries is High. 3 of 3 parameters required."`);
  });
  it("for a host shell", () => {
    expect(rationaleOf("shell", "run_shell_command")).toMatchInlineSnapshot(`"The name's verb 'run', the description's verb 'executes' and the parameter 'command' (a command) mark it Execute. It runs shell commands or unrestricted code on the host ('shell'): Critical. 1 of 2 parameters required."`);
  });
  it("for a file overwrite", () => {
    expect(rationaleOf("filesystem", "write_file")).toMatchInlineSnapshot(`"The name's verb 'write', the description's verb 'create' and the content parameter 'content' mark it Write. It overwrites or moves existing data ('overwrite'): High. 2 of 2 parameters required."`);
  });
  it("for a sensitive read", () => {
    expect(rationaleOf("everything", "get-env")).toMatchInlineSnapshot(`"The name's verb 'get', the description's verb 'returns' and the server's readOnlyHint mark it Read. What it reads is sensitive ('env'): Medium. No parameters."`);
  });
  it("for an annotation conflict that moves the risk", () => {
    expect(rationaleOf("monitoring", "list_alerts")).toMatchInlineSnapshot(`"The name's verb 'list' and the description's verb 'list' mark it Read. It changes nothing and reads nothing sensitive: Low. Its annotations (readOnlyHint: false, destructiveHint: true) contradict the name's verb 'list', so the category follows what it does and the risk moves one level toward the annotation: Medium. 1 optional parameter."`);
  });
  it("for hidden instructions", () => {
    expect(rationaleOf("poisoned", "get_fact_of_the_day")).toMatchInlineSnapshot(`"The name's verb 'get' and the description's verb 'get' mark it Read. It changes nothing and reads nothing sensitive: Low. Its description holds text aimed at the model (<IMPORTANT>), which raises the risk to High. No parameters."`);
  });
  it("for a write that stays in the agent's own browser session", () => {
    expect(rationaleOf("playwright", "browser_close")).toMatchInlineSnapshot(`"The name's verb 'close' and the description's verb 'close' mark it Write. Its effect stays in the agent's own browser or session and ends with it ('close'): Low. Its annotations (readOnlyHint: true, openWorldHint: true) contradict the name's verb 'close', so the category follows what it does. No parameters."`);
  });

  it("names the more alarming reading it set aside, and is then no more than moderately confident", () => {
    const verdict = classifyTool({ name: "cancel_email", description: "Cancel a scheduled email that has not yet been sent.", inputSchema: { type: "object", properties: { id: { type: "string" } } } }, {});
    expect({ category: verdict.category, risk: verdict.risk, confidence: verdict.confidence }).toEqual({ category: "Write", risk: "Medium", confidence: "moderate" });
    expect(verdict.rationale).toMatchInlineSnapshot(`"The description ('scheduled') marks it Write, over the name's verb 'cancel' (Destructive). Changes like this are reversible or additive and stay inside the user's own systems: Medium. 1 optional parameter."`);
  });

  it.each(labelledTools.map((r) => [`${r.server}/${r.tool.name.slice(0, 40)}`, r] as const))("%s has two to four sentences", (_label, row) => {
    const rationale = classifyTool(row.tool, { serverName: row.server, tags: row.tags ?? [] }).rationale;
    const sentences = rationale.split(/(?<=[.!?])\s+(?=[A-Z0-9])/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(rationale).not.toMatch(/\b00\b|undefined|NaN/);
  });
});
