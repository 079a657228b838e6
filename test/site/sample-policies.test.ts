import { describe, expect, it } from "vitest";
import { validatePolicy } from "../../src/policy/index.ts";
import { loadCatalog } from "../../src/site/load-catalog.ts";
import { samplePolicies } from "../../src/site/sample-policies.ts";
import { serverPolicyYaml } from "../../src/site/server-policy.ts";

const servers = (await loadCatalog()).servers.filter((server) => server.tools.length > 0);

describe("sample policies for the playground", () => {
  const samples = samplePolicies(servers);

  it("offers four of the catalog's own servers, each with its recommended policy's file", () => {
    expect(samples).toHaveLength(4);
    expect(new Set(samples.map((s) => s.serverId)).size).toBe(4);
    for (const sample of samples) {
      expect(servers.some((server) => server.id === sample.serverId)).toBe(true);
      expect(sample.url).toBe(`/servers/${sample.serverId}/${sample.serverId}.policy.yaml`);
    }
  });

  it("together show hidden tools, denials, approvals, rate limits and a spend cap", () => {
    const labels = samples.map((s) => s.label).join("\n");
    for (const words of ["hidden", "denied", "held for approval", "rate-limited", "with a spend cap"]) expect(labels).toContain(words);
  });

  it("each loads a policy the proxy would load, with no warning against its own server", () => {
    for (const sample of samples) {
      const server = servers.find((s) => s.id === sample.serverId)!;
      const validation = validatePolicy(serverPolicyYaml(server), {
        tools: server.tools.map((t) => t.name),
        toolSchemas: Object.fromEntries(server.tools.map((t) => [t.name, t.definition.inputSchema])),
      });
      expect(validation.findings).toEqual([]);
    }
  });

  it("a catalog with no classified tools offers no sample", () => {
    expect(samplePolicies(servers.map((server) => ({ ...server, tools: server.tools.map(({ verdict: _verdict, ...tool }) => tool) })))).toEqual([]);
  });
});
