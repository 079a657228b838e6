import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** Every file the /scan/ page's script bundles, as esbuild resolves them (the engine worker is a separate script and not followed). */
async function pageInputs(): Promise<string[]> {
  const result = await build({ entryPoints: ["src/scan/tool-scan.ts"], bundle: true, format: "esm", platform: "browser", write: false, metafile: true, logLevel: "silent" });
  return Object.keys(result.metafile.inputs);
}

describe("the /scan/ page's script", () => {
  it("bundles no zod and no YAML parser: pasted tools are checked by hand and the policy is checked in the engine's worker", async () => {
    const inputs = await pageInputs();
    expect(inputs).toContain("src/classify/classify-tool.ts");
    expect(inputs.filter((file) => /node_modules\/(zod|yaml)\//.test(file))).toEqual([]);
  });
});
