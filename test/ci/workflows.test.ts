import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Step = { uses?: string; run?: string };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; concurrency?: unknown; jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }> };

const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
const read = (name: string) => parse(readFileSync(`.github/workflows/${name}`, "utf8")) as Workflow;
const workflows = { "ci.yml": read("ci.yml"), "catalog.yml": read("catalog.yml") };
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);

/** Scripts the workflows run, and the test files that run the same scripts. */
const exercisedBy: Record<string, string> = {
  crawl: "test/crawl/crawl-cli.test.ts, test/crawl/change-detection.test.ts",
  "catalog:merge": "test/crawl/change-detection.test.ts",
  "catalog:shards": "test/ci/workflows.test.ts",
  "classify:catalog": "test/catalog/classify-catalog.test.ts",
  build: "test/site",
  typecheck: ".ci/run",
  lint: ".ci/run",
  test: ".ci/run",
};

describe("the GitHub workflows", () => {
  it.each(Object.entries(workflows))("%s runs only npm scripts that exist and that the tests exercise", (_, workflow) => {
    for (const step of steps(workflow).filter((s) => s.run !== undefined)) {
      const match = /^npm (ci|test|run (?:--silent )?([\w:-]+))\b/.exec(step.run!);
      expect(match, `step "${step.run}" is not an npm script`).not.toBeNull();
      const script = match![1] === "ci" ? undefined : match![1] === "test" ? "test" : match![2]!;
      if (script === undefined) continue;
      expect(scripts[script], `npm script "${script}"`).toBeDefined();
      expect(exercisedBy[script], `no test exercises "${script}"`).toBeDefined();
    }
  });

  it.each(Object.entries(workflows))("%s pins every action by commit SHA and grants only read access at the top", (_, workflow) => {
    for (const step of steps(workflow).filter((s) => s.uses !== undefined)) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(workflow.concurrency).toBeDefined();
  });

  it("the regeneration runs on a schedule and by hand, shards by an input, and only its merge job may write", () => {
    const catalog = workflows["catalog.yml"];
    expect(Object.keys(catalog.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(JSON.stringify(catalog.jobs.crawl)).toContain("fromJSON(needs.plan.outputs.shards)");
    const writers = Object.entries(catalog.jobs).filter(([, job]) => job.permissions).map(([name]) => name);
    expect(writers).toEqual(["merge"]);
  });

  it("the shard plan prints the matrix the crawl job expands", async () => {
    const { execFileSync } = await import("node:child_process");
    const output = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/catalog-shards.ts", "--count", "3"], { encoding: "utf8" });
    expect(output).toBe("count=3\nshards=[1,2,3]\n");
  });
});
