import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";

const run = promisify(execFile);

/** The fields of one published version that add-server reads. */
export const packageMetadataSchema = z.object({
  /** Package name as published. */
  name: z.string(),
  /** The exact version these fields describe. */
  version: z.string(),
  /** The author's one-line description, when there is one. */
  description: z.string().optional(),
  /** Project page. */
  homepage: z.string().optional(),
  /** Source repository: a URL, or `{ type, url, directory }`. */
  repository: z.union([z.string(), z.object({ url: z.string().optional(), directory: z.string().optional() }).passthrough()]).optional(),
});
export type PackageMetadata = z.infer<typeof packageMetadataSchema>;

/** `name[@version]` split; a scoped name's leading `@` is not a version separator. */
export function parsePackageSpec(spec: string): { name: string; version?: string } {
  const at = spec.lastIndexOf("@");
  if (at <= 0) return { name: spec };
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

/**
 * Asks the npm registry (through npm itself, so its configuration applies)
 * for one version's metadata: the exact version when one is given (an error
 * when it does not exist), else what the tag or range names, highest first.
 */
export async function lookUpPackage(name: string, version: string | undefined): Promise<PackageMetadata> {
  const spec = `${name}@${version ?? "latest"}`;
  let stdout: string;
  try {
    ({ stdout } = await run("npm", ["view", spec, "--json", "name", "version", "description", "homepage", "repository"], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }));
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? "";
    const summary = (safeJson(output) as { error?: { summary?: string } } | undefined)?.error?.summary;
    throw new Error(`npm view ${spec} failed: ${summary ?? (error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const parsed = safeJson(stdout);
  // A range matching several versions gives one entry per version, lowest first.
  const chosen = Array.isArray(parsed) ? parsed.at(-1) : parsed;
  if (chosen === undefined || chosen === "") throw new Error(`npm view ${spec}: no such version`);
  const checked = packageMetadataSchema.safeParse(chosen);
  if (!checked.success) throw new Error(`npm view ${spec} returned metadata without a name and version`);
  return checked.data;
}

/** `git+https://github.com/a/b.git` and `github:a/b` as a browsable https URL; undefined when it is none. */
export function repositoryUrlOf(repository: PackageMetadata["repository"]): string | undefined {
  const raw = typeof repository === "string" ? repository : repository?.url;
  if (!raw) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(raw);
  let url = shorthand ? `https://github.com/${shorthand[1]}/${shorthand[2]}` : raw;
  url = url.replace(/^git\+/, "").replace(/^git:\/\//, "https://").replace(/^ssh:\/\/git@/, "https://").replace(/^git@([^:]+):/, "https://$1/").replace(/\.git$/, "");
  return /^https?:\/\/[^\s]+$/.test(url) ? url : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
