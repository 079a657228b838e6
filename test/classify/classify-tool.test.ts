import { describe, expect, it } from "vitest";
import type { ToolDefinition } from "../../src/catalog/tool-definition-schema.ts";
import { classifyTool, effectiveAnnotations, verdictSchema } from "../../src/classify/index.ts";

const tool = (definition: Partial<ToolDefinition> & { name: string }): ToolDefinition => ({ inputSchema: { type: "object" }, ...definition });

describe("classifyTool", () => {
  it("gives the pinned verdict for CreateCodeConnection with no description and no parameters", () => {
    const verdict = classifyTool({ name: "CreateCodeConnection", inputSchema: { type: "object" } }, {});
    expect(verdict).toMatchObject({
      category: "Write",
      risk: "Medium",
      confidence: "low",
      flags: ["no-description"],
      parameters: { total: 0, required: 0 },
    });
    expect(verdict.rationale).toContain("No parameters");
  });

  it.each([
    [{ type: "object", properties: { a: {}, b: {}, c: {} }, required: ["a", "b"] }, { total: 3, required: 2 }],
    [{ type: "object", properties: { a: {} }, required: ["a", "a", "ghost"] }, { total: 1, required: 1 }],
    [{ type: "object", properties: { a: {} }, required: "a" }, { total: 1, required: 0 }],
    [{ type: "object", required: ["a"] }, { total: 0, required: 0 }],
    [{ type: "object", properties: ["a", "b"] }, { total: 0, required: 0 }],
    [{ type: "object", properties: { toString: {}, __proto__x: {} }, required: ["toString", "hasOwnProperty"] }, { total: 2, required: 1 }],
  ])("counts parameters exactly for %j", (inputSchema, parameters) => {
    expect(classifyTool(tool({ name: "get_thing", description: "Get a thing.", inputSchema }), {}).parameters).toEqual(parameters);
  });

  it.each([
    ["no input schema at all", undefined],
    ["a string schema", "object"],
    ["a list schema", [1, 2]],
    ["a schema of type string", { type: "string" }],
    ["properties that are not schemas", { type: "object", properties: { a: 5, b: "x" } }],
    ["a required list that is not a list", { type: "object", properties: { a: {} }, required: { a: true } }],
    ["a required name that does not exist", { type: "object", properties: {}, required: ["path"] }],
  ])("flags a broken schema: %s", (_label, inputSchema) => {
    const verdict = classifyTool({ name: "get_thing", description: "Get a thing.", inputSchema } as unknown as ToolDefinition, {});
    expect(verdict.flags).toContain("broken-schema");
    expect(verdictSchema.safeParse(verdict).success).toBe(true);
  });

  it("lets an override win and records what the classifier said", () => {
    const verdict = classifyTool(tool({ name: "sync", description: "Synchronise the mirror." }), {
      overrides: { sync: { category: "Destructive", risk: "Critical", note: "Sync deletes remote files that are missing locally." } },
    });
    expect(verdict.category).toBe("Destructive");
    expect(verdict.risk).toBe("Critical");
    expect(verdict.override).toEqual({ classifier: { category: "Write", risk: "Medium" }, note: "Sync deletes remote files that are missing locally." });
    expect(verdict.signals.at(-1)).toMatchObject({ source: "override" });
    expect(verdict.rationale).toMatch(/^A maintainer's override sets Destructive \/ Critical: Sync deletes remote files/);
  });

  it("flags an annotation conflict against the published verdict, not the overridden one", () => {
    const demo = tool({ name: "trigger_demo", description: "Demonstrates progress updates.", annotations: { readOnlyHint: true } });
    expect(classifyTool(demo, {}).flags).toEqual(["annotation-conflict"]);
    const agreed = classifyTool(demo, { overrides: { trigger_demo: { category: "Read", risk: "Low", note: "It only reports progress." } } });
    expect(agreed).toMatchObject({ category: "Read", flags: [] });
    expect(agreed.rationale).toContain("It only reports progress. What the classifier read: The name's verb 'trigger' marks it Execute.");
    const reader = tool({ name: "get_page", description: "Get a page.", annotations: { readOnlyHint: true } });
    expect(classifyTool(reader, { overrides: { get_page: { category: "Write", note: "It also saves the page." } } }).flags).toEqual(["annotation-conflict"]);
  });

  it("keeps the classifier's category when an override sets only the risk", () => {
    const verdict = classifyTool(tool({ name: "list_users", description: "List users." }), { overrides: { list_users: { risk: "Medium", note: "Personal data." } } });
    expect([verdict.category, verdict.risk]).toEqual(["Read", "Medium"]);
  });

  it("ignores overrides for other tools", () => {
    const verdict = classifyTool(tool({ name: "list_users", description: "List users." }), { overrides: { other: { risk: "High", note: "x" } } });
    expect(verdict.override).toBeUndefined();
  });

  it("weighs money words more on a payments server", () => {
    const definition = tool({ name: "create_order", description: "Create an order for the cart." });
    expect(classifyTool(definition, {}).category).toBe("Write");
    expect(classifyTool(definition, { tags: ["payments"] }).category).toBe("Financial");
  });

  it("drops namespace prefixes and the server's own name from the front", () => {
    const verdict = classifyTool(tool({ name: "mcp_slack_list_channels", description: "List channels." }), { serverName: "slack" });
    expect(verdict.signals.slice(0, 2)).toEqual([
      { source: "name", evidence: "prefix 'mcp slack'", effect: "a namespace, ignored" },
      { source: "name", evidence: "verb 'list'", effect: "suggests Read" },
    ]);
  });

  it("treats absent hints as the spec's defaults, never as false and never as a conflict", () => {
    expect(effectiveAnnotations(undefined)).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
    expect(effectiveAnnotations({ readOnlyHint: true, destructiveHint: "yes" })).toEqual({ readOnlyHint: true, destructiveHint: true, idempotentHint: false, openWorldHint: true });
    const verdict = classifyTool(tool({ name: "get_report", description: "Get a report." }), {});
    expect(verdict.flags).not.toContain("annotation-conflict");
  });

  it("sees no conflict in destructiveHint on an update", () => {
    const verdict = classifyTool(tool({ name: "update_page", description: "Update a page.", annotations: { readOnlyHint: false, destructiveHint: true } }), {});
    expect(verdict.flags).toEqual([]);
    expect(verdict.confidence).toBe("high");
  });

  it("never reads a boolean as the content, page or code a call acts on", () => {
    const properties = { fullPage: { type: "boolean" }, includeCode: { type: "boolean" }, showContent: { type: "boolean" }, id: { type: "string" } };
    const verdict = classifyTool(tool({ name: "get_report", description: "Get a report.", inputSchema: { type: "object", properties } }), {});
    expect(verdict).toMatchObject({ category: "Read", risk: "Low" });
    expect(verdict.rationale).not.toMatch(/paging|content parameter|code/);
  });

  it.each([
    ["force", "save_settings", "Save the settings to the store."],
    ["overwrite", "upload_file", "Upload a file to the bucket."],
  ])("raises a write to High for its switch %s", (switchName, name, description) => {
    const inputSchema = { type: "object", properties: { [switchName]: { type: "boolean" }, target: { type: "string" } } };
    const verdict = classifyTool(tool({ name, description, inputSchema }), {});
    expect(verdict).toMatchObject({ category: "Write", risk: "High" });
    expect(verdict.rationale).toContain(`Its switch '${switchName}' deletes or replaces existing data: High.`);
  });

  it.each([
    ["dropTarget", "update_collection", "Update a collection's settings."],
    ["delete_local_data", "update_node", "Update a node's schedule."],
    ["truncate", "import_rows", "Import rows into the table."],
  ])("makes a write Destructive for its switch %s, which removes data before writing", (switchName, name, description) => {
    const inputSchema = { type: "object", properties: { [switchName]: { type: "boolean" }, target: { type: "string" } } };
    const verdict = classifyTool(tool({ name, description, inputSchema }), {});
    expect(verdict.category).toBe("Destructive");
    expect(verdict.signals).toContainEqual({ source: "parameters", evidence: `switch '${switchName}', which removes existing data`, effect: "existing data is gone afterwards: suggests Destructive" });
  });

  it("leaves a write at Medium for a remove-source-branch preference, a recursive switch or a string named like a switch", () => {
    const inputSchema = { type: "object", properties: { remove_source_branch: { type: "boolean" }, recursive: { type: "boolean" }, replace: { type: "string" } } };
    expect(classifyTool(tool({ name: "create_merge_request", description: "Create a merge request.", inputSchema }), {})).toMatchObject({ category: "Write", risk: "Medium" });
  });

  it("reads a list filtered by a type of record as that list: a type named like a secret is no secret", () => {
    const verdict = classifyTool(tool({ name: "list_projects", description: "List the projects of the organization.", inputSchema: { type: "object", properties: { type: { type: "string", enum: ["secret-manager", "secret-scanning", "all"], description: "The type of projects to list" } } } }));
    expect({ category: verdict.category, risk: verdict.risk }).toEqual({ category: "Read", risk: "Low" });
  });

  it("raises a read whose action can fetch people's records, and says which choice did", () => {
    const verdict = classifyTool(tool({ name: "project_search", description: "Search issues, projects or users.", inputSchema: { type: "object", properties: { action: { type: "string", enum: ["issues", "projects", "listUsers"] } } } }));
    expect({ category: verdict.category, risk: verdict.risk }).toEqual({ category: "Read", risk: "Medium" });
    expect(verdict.rationale).toContain("'listUsers'");
  });

  it("reads no second effect from verbs a negation reaches: counting without moving or deleting stays a read", () => {
    const verdict = classifyTool(tool({ name: "count_messages", description: "Count how many messages match the filters without moving or deleting them.", inputSchema: { type: "object", properties: { from: { type: "string" } } } }));
    expect({ category: verdict.category, risk: verdict.risk }).toEqual({ category: "Read", risk: "Low" });
  });

  it("reads no second effect from a noun after 'and': a job's status and updates are read", () => {
    const verdict = classifyTool(tool({ name: "job_status", description: "Gets the status and updates of a job.", inputSchema: { type: "object", properties: { id: { type: "string" } } } }));
    expect(verdict.category).toBe("Read");
  });

  it("follows an explicit readOnlyHint over a second verb alone: retrieving a prompt to execute stays a read", () => {
    const verdict = classifyTool(tool({ name: "get_prompt", description: "Retrieve an onboarding prompt by ID and execute it.", inputSchema: { type: "object", properties: { id: { type: "string" } } }, annotations: { readOnlyHint: true } }));
    expect(verdict.category).toBe("Read");
  });

  it("still reads credentials and contacts a call returns: 'Returns the API keys of the project' and 'contacts with email addresses' are sensitive", () => {
    const keys = classifyTool(tool({ name: "project_keys", description: "Returns the API keys of the project.", inputSchema: { type: "object", properties: { project: { type: "string" } } } }));
    const contacts = classifyTool(tool({ name: "export_contacts", description: "Lists contacts with email addresses and phone numbers.", inputSchema: { type: "object", properties: {} } }));
    expect([keys.risk, contacts.risk]).toEqual(["Medium", "Medium"]);
  });

  it("reads chatting with a person as sending them a message, not as a model's reply", () => {
    const verdict = classifyTool(tool({ name: "chat_with_user", description: "Chat with a user of the workspace.", inputSchema: { type: "object", properties: { user: { type: "string" }, text: { type: "string" } } } }));
    expect(verdict.category).toBe("Write");
  });

  it("still raises moving a file, renaming a secret and rotating a key: shared things", () => {
    const verdicts = [
      classifyTool(tool({ name: "move_file", description: "Move a file to another folder.", inputSchema: { type: "object", properties: { path: { type: "string" } } } })),
      classifyTool(tool({ name: "rename_secret", description: "Rename a secret.", inputSchema: { type: "object", properties: { id: { type: "string" } } } })),
      classifyTool(tool({ name: "rotate_key", description: "Rotate an API key.", inputSchema: { type: "object", properties: { id: { type: "string" } } } })),
    ];
    expect(verdicts.map((v) => `${v.category}/${v.risk}`)).toEqual(["Write/High", "Write/High", "Write/High"]);
  });

  it("still reads triggering a build as running it, and converting without keeping anything as a read", () => {
    const build = classifyTool(tool({ name: "triggerBuild", description: "Trigger a build for a job.", inputSchema: { type: "object", properties: { job: { type: "string" } } } }));
    const convert = classifyTool(tool({ name: "convert_units", description: "Converts a value from one unit to another.", inputSchema: { type: "object", properties: { value: { type: "number" } } } }));
    expect([build.category, convert.category]).toEqual(["Execute", "Read"]);
  });

  it("sorts flags", () => {
    const verdict = classifyTool({ name: "x", inputSchema: "nope", annotations: { readOnlyHint: true }, title: "<IMPORTANT>hi</IMPORTANT>" } as unknown as ToolDefinition, {});
    expect(verdict.flags).toEqual([...verdict.flags].sort());
    expect(verdict.flags).toEqual(["broken-schema", "hidden-instructions", "no-description"]);
  });

  it("bounds every quoted piece of evidence", () => {
    const long = `delete_${"a".repeat(5000)}`;
    const verdict = classifyTool(tool({ name: long, description: `Delete ${"b".repeat(5000)}` }), {});
    for (const signal of verdict.signals) expect(signal.evidence.length).toBeLessThanOrEqual(200);
    expect(verdict.rationale.length).toBeLessThan(1000);
    expect(verdict.name).toBe(long);
  });

  it("is deterministic", () => {
    const definition = tool({ name: "delete_repository", description: "Delete a repository." });
    expect(classifyTool(definition, {})).toEqual(classifyTool(definition, {}));
  });
});

describe("classifyTool and key order", () => {
  it("gives the same verdict whatever order the schema's properties arrive in", () => {
    const properties = { sort: { type: "string" }, page: { type: "number" }, q: { type: "string", description: "Search query" }, owner: { type: "string" } };
    const reversed = Object.fromEntries(Object.entries(properties).reverse());
    const tool = (props: object) => ({ name: "search_issues", description: "Search issues.", inputSchema: { type: "object", properties: props, required: ["q"] } });
    expect(classifyTool(tool(reversed))).toEqual(classifyTool(tool(properties)));
  });
});
