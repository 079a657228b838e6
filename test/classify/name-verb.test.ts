import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findNameVerb } from "../../src/classify/read-words.ts";
import { meaningfulNameWords } from "../../src/classify/split-name.ts";

const verbOf = (name: string, server?: string) => findNameVerb(meaningfulNameWords(name, server).words)?.word;

describe("the verb of a tool name", () => {
  it.each([
    ["list_charges", "list"],
    ["crm_create_contact", "create"],
    ["monitor_create", "create"],
    ["report_delete", "delete"],
    ["Api2024--DeleteWebhookSubscription", "delete"],
    ["Api2024--ListInvoiceItems", "list"],
    ["v2--GetCustomer", "get"],
    ["browser_take_screenshot", "take"],
    ["run_tests", "run"],
    ["trigger_build", "trigger"],
    ["check_deploy_status", "check"],
    ["publish_post", "publish"],
    ["email_send", "send"],
  ])("%s acts by '%s'", (name, verb) => {
    expect(verbOf(name)).toBe(verb);
  });

  it.each([["jobs_build"], ["report-list"], ["workflow_run"], ["pipeline-status"], ["deploy_logs"], ["workflow_run_logs"]])("%s ends in a noun and has no verb", (name) => {
    expect(verbOf(name)).toBeUndefined();
  });

  it("drops the server's own name before the verb", () => {
    expect(verbOf("acme_delete_widget", "acme")).toBe("delete");
  });
});

// Words that are only verbs, and words that are only nouns, so each generated name has one reading.
const verbs = ["get", "create", "delete", "update", "send", "execute", "refund", "remove", "fetch", "add", "kill", "revoke", "describe", "upsert"];
const nouns = ["customer", "webhook", "subscription", "repository", "widget", "account", "item", "job", "pipeline", "user", "channel", "page", "secret"];

const conventions: Record<string, (words: string[]) => string> = {
  snake: (w) => w.join("_"),
  kebab: (w) => w.join("-"),
  camel: (w) => w.map((x, i) => (i === 0 ? x : x[0]!.toUpperCase() + x.slice(1))).join(""),
  pascal: (w) => w.map((x) => x[0]!.toUpperCase() + x.slice(1)).join(""),
  screaming: (w) => w.join("_").toUpperCase(),
  "operation id": (w) => `Api2024--${w.map((x) => x[0]!.toUpperCase() + x.slice(1)).join("")}`,
  namespaced: (w) => `acme__${w.join("_")}`,
  "mcp prefix": (w) => `mcp_${w.join("_")}`,
};

describe("every naming convention of one name gives the same verb", () => {
  it("verb first, then one or two nouns", () => {
    fc.assert(
      fc.property(fc.constantFrom(...verbs), fc.array(fc.constantFrom(...nouns), { minLength: 1, maxLength: 2 }), (verb, objects) => {
        const words = [verb, ...objects];
        const found = Object.values(conventions).map((write) => verbOf(write(words)));
        expect(new Set(found)).toEqual(new Set([verb]));
      }),
    );
  });

  it("a resource prefix before the verb", () => {
    fc.assert(
      fc.property(fc.constantFrom(...nouns), fc.constantFrom(...verbs), fc.constantFrom(...nouns), (resource, verb, object) => {
        const words = [resource, verb, object];
        const found = Object.values(conventions).map((write) => verbOf(write(words)));
        expect(new Set(found)).toEqual(new Set([verb]));
      }),
    );
  });
});
