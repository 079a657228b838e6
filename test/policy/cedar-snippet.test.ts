import { describe, expect, it } from "vitest";
import type { Category, Risk, VerdictFlag } from "../../src/classify/verdict-schema.ts";
import { cedarTargets, cedarToolSnippet, recommendRule } from "../../src/policy/index.ts";
import { authorizeToolCall, validationProblems } from "./cedar-engine.ts";

const recommendation = (name: string, category: Category, risk: Risk, flags: VerdictFlag[] = []) => recommendRule({ name, parameters: [], verdict: { category, risk, flags } });

describe("a tool page's Cedar snippet", () => {
  it.each([
    ["toolhive", recommendation("read_file", "Read", "Low"), "allow", [/cap of 60\/minute is not enforced: ToolHive has no rate limits/]],
    ["docker", recommendation("read_file", "Read", "Low"), "allow", [/cap of 60\/minute is not enforced: Docker's MCP gateway has no rate limits/]],
    ["toolhive", recommendation("send_email", "Write", "High"), "deny", [/cap of 30\/hour/, /ToolHive cannot hold a call for a person to approve, so the tool is forbidden here/]],
    ["docker", recommendation("send_email", "Write", "High"), "allow", [/cap of 30\/hour/]],
    ["toolhive", recommendation("drop_database", "Destructive", "Critical"), "deny", []],
    ["toolhive", recommendation("helpful_tool", "Read", "Low", ["hidden-instructions"]), "deny", [/hiding becomes a forbid; ToolHive's list filtering then leaves the tool out of tools\/list too/]],
    ["docker", recommendation("helpful_tool", "Read", "Low", ["hidden-instructions"]), "deny", [/Docker's gateway does not filter tools\/list/]],
  ] as const)("for %s and %o decides a call to the tool %s and says what it cannot enforce, in its text too", (target, rule, decision, notes) => {
    const { text, unexpressed } = cedarToolSnippet(rule, target);
    expect(unexpressed).toHaveLength(notes.length);
    notes.forEach((note, i) => expect(unexpressed[i]).toMatch(note));
    for (const line of unexpressed) expect(text).toContain(`// Not expressed: ${line}\n`);
    expect(validationProblems(target, text).errors).toEqual([]);
    const decided = authorizeToolCall(target, text, rule.tool);
    expect(decided.decision).toBe(decision);
    // Docker holds an approved tool's call for the person in the session: the permit that decides carries the annotation.
    expect(decided.deciding.some((policy) => policy.includes("@requireApproval"))).toBe(target === "docker" && rule.action === "require_approval");
    // It adds to a policy set: a tool it does not name is left to the rest of the set (Cedar's default, deny).
    expect(authorizeToolCall(target, text, "some_other_tool").decision).toBe("deny");
  });

  it.each(cedarTargets)("opens with where a %s statement goes, and keeps a hostile tool name inside its comment lines and string literals", (target) => {
    const { text } = cedarToolSnippet(recommendation("evil\n@id(\"x\") permit (principal, action, resource);", "Write", "Medium"), target);
    expect(text.split("\n")[0]).toMatch(target === "toolhive" ? /^\/\/ ToolHive: add the policy below to cedar\.policies/ : /^\/\/ Docker MCP gateway: add the statement below/);
    expect(validationProblems(target, text).errors).toEqual([]);
    expect(authorizeToolCall(target, text, "anything").decision).toBe("deny");
  });
});
