import { describeIssue, formatIssuePath } from "../catalog/friendly-errors.ts";
import { packageSchema as definitionPackageSchema } from "../catalog/server-definition-schema.ts";
import type { DefinitionDraft } from "./definition-file.ts";
import {
  registryServerSchema,
  type RegistryArgument,
  type RegistryInput,
  type RegistryKeyValue,
  type RegistryPackage,
  type RegistryRemote,
  type RegistryServer,
} from "./registry-server-schema.ts";
import { idFromPackageName, idFromServerName } from "./server-id.ts";

/** A server.json that is not JSON or not the 2025-12-11 schema: names the file and the field. */
export class RegistryServerError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(problems.map((p) => `${file}: ${p.field}: ${p.message}`).join("\n"));
  }
}

/** A `${VAR}` a definition refers to instead of holding a value. */
export type VariableReference = { id: string; name: string; secret: boolean; required: boolean; description?: string };

export type RegistryImport = {
  drafts: DefinitionDraft[];
  /** One line per package this crawler cannot run, naming it. */
  unsupported: string[];
  /** Every variable the drafts refer to, for the to-do list. */
  references: VariableReference[];
};

/** Parses and validates a server.json's text; every problem is reported with its field path. */
export function parseRegistryServer(text: string, file: string): RegistryServer {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RegistryServerError(file, [{ field: "(top level)", message: `not JSON: ${(error as Error).message}` }]);
  }
  const checked = registryServerSchema.safeParse(data);
  if (!checked.success) {
    throw new RegistryServerError(file, checked.error.issues.map((issue) => ({ field: formatIssuePath(issue.path), message: describeIssue(issue) })));
  }
  return checked.data;
}

/**
 * Turns a registry entry into definition drafts: each npm package run over
 * stdio, and each remote. Secrets and required values the entry does not
 * fix become `${NAME}` references, so no draft holds a secret; a fixed or
 * default value that is not secret is kept. Packages of other registries
 * are listed as unsupported. Throws before anything is drafted when a
 * supported entry cannot become a valid definition.
 */
export function importRegistryServer(server: RegistryServer, file: string): RegistryImport {
  const problems: { field: string; message: string }[] = [];
  const unsupported: string[] = [];
  const references: VariableReference[] = [];
  const drafts: DefinitionDraft[] = [];
  const baseId = idFromServerName(server.name);
  const ids = new Set<string>();
  const uniqueId = (wanted: string) => {
    let id = wanted;
    for (let n = 2; ids.has(id); n++) id = `${wanted}-${n}`;
    ids.add(id);
    return id;
  };
  const homepage = server.websiteUrl ?? server.repository?.url;
  const common = (fallbackPage: string) => ({
    name: server.title ?? titleOf(baseId),
    summary: server.description,
    homepage: homepage ?? fallbackPage,
    repository: server.repository?.url ?? homepage ?? fallbackPage,
    tags: [],
  });

  const npmPackages: { pkg: RegistryPackage; index: number }[] = [];
  for (const [index, pkg] of (server.packages ?? []).entries()) {
    const where = `packages[${index}]`;
    const what = `${pkg.registryType} package ${pkg.identifier}${pkg.version ? ` ${pkg.version}` : ""}`;
    if (pkg.registryType !== "npm") unsupported.push(`${where}: ${what}: not supported by this crawler (it installs and starts npm packages only)`);
    else if (pkg.transport.type !== "stdio") unsupported.push(`${where}: ${what}: serves ${pkg.transport.type} on its own port, which this crawler does not start (it launches packages over stdio)`);
    else if (pkg.registryBaseUrl !== undefined && !/^https:\/\/registry\.npmjs\.org\/?$/.test(pkg.registryBaseUrl)) unsupported.push(`${where}: ${what}: from ${pkg.registryBaseUrl}, not the public npm registry this crawler installs from`);
    else npmPackages.push({ pkg, index });
  }

  for (const { pkg, index } of npmPackages) {
    const checked = definitionPackageSchema.safeParse({ registry: "npm", name: pkg.identifier, version: pkg.version });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = issue.path[0] === "name" ? "identifier" : String(issue.path[0] ?? "");
        problems.push({ field: `packages[${index}].${field}`, message: describeIssue(issue) });
      }
      continue;
    }
    const id = uniqueId(idFromPackageName(pkg.identifier));
    const refs = new References(id);
    const env: Record<string, string> = {};
    for (const variable of pkg.environmentVariables ?? []) {
      const value = keyValueTemplate(variable, variable.name, refs);
      if (value !== undefined) env[variable.name] = value;
    }
    const args = (pkg.packageArguments ?? []).flatMap((argument, i) => argumentTemplate(argument, i, refs));
    const notes = [...refs.notes()];
    if (pkg.runtimeArguments?.length) notes.push(`the registry's runtimeArguments (for ${pkg.runtimeHint ?? "the runtime"}) were not copied: the crawler starts the package's bin with Node, not through npx.`);
    drafts.push({
      id,
      frontMatter: { ...common(`https://www.npmjs.com/package/${pkg.identifier}`), package: checked.data, transport: "stdio", args, env },
      notes,
    });
    references.push(...refs.list);
  }

  const remotes = server.remotes ?? [];
  for (const remote of remotes) {
    const id = uniqueId(npmPackages.length === 0 && remotes.length === 1 ? baseId : `${baseId}-remote`);
    const refs = new References(id);
    const headers: Record<string, string> = {};
    for (const header of remote.headers ?? []) {
      const value = keyValueTemplate(header, variableName(header.name), refs);
      if (value !== undefined) headers[header.name] = value;
    }
    const url = substitute(remote.url, remote.variables ?? {}, refs);
    drafts.push({ id, frontMatter: { ...common(remoteHomepage(remote)), transport: remote.type, url, headers }, notes: [...refs.notes()] });
    references.push(...refs.list);
  }

  if (problems.length > 0) throw new RegistryServerError(file, problems);
  return { drafts, unsupported, references };
}

/** The variables one draft refers to. */
class References {
  readonly list: VariableReference[] = [];
  constructor(private readonly id: string) {}

  /** `${NAME}`, recorded once. */
  refer(name: string, input: RegistryInput): string {
    if (!this.list.some((r) => r.name === name)) {
      this.list.push({ id: this.id, name, secret: input.isSecret ?? false, required: input.isRequired ?? false, ...(input.description ? { description: input.description } : {}) });
    }
    return `\${${name}}`;
  }

  *notes(): Iterable<string> {
    for (const r of this.list) {
      const kind = [r.secret ? "secret" : undefined, r.required ? "required" : undefined].filter(Boolean).join(", ");
      yield `\${${r.name}} is a reference${kind ? ` (${kind})` : ""}${r.description ? `: ${r.description}` : ""}; give the crawl a value, or replace it with a placeholder the server lists its tools with.`;
    }
  }
}

/**
 * An environment variable's or header's value for the definition: a fixed
 * value (its `{name}` parts resolved), else a default, else a reference
 * when it is secret or required; undefined for an optional one with none.
 */
function keyValueTemplate(input: RegistryKeyValue, referenceName: string, refs: References): string | undefined {
  if (input.value !== undefined) {
    const hasVariables = /\{[^{}]+\}/.test(input.value);
    // A secret written out in full is still a secret: only its name is kept.
    if (input.isSecret && !hasVariables) return refs.refer(referenceName, input);
    return substitute(input.value, input.variables ?? {}, refs);
  }
  if (input.default !== undefined && !input.isSecret) return input.default;
  if (input.isSecret || input.isRequired) return refs.refer(referenceName, input);
  return undefined;
}

/** A package argument as command-line words: a positional value, or a flag and its value. */
function argumentTemplate(argument: RegistryArgument, index: number, refs: References): string[] {
  const label = argument.type === "named" ? argument.name.replace(/^-+/, "") : (argument.valueHint ?? `arg ${index + 1}`);
  const value = keyValueTemplate({ ...argument, name: label }, variableName(label), refs);
  if (value === undefined) return [];
  return argument.type === "positional" ? [value] : [argument.name, value];
}

/** `{name}` parts of a value: a variable's non-secret default, else a reference. */
function substitute(template: string, variables: Record<string, RegistryInput>, refs: References): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const variable = variables[name] ?? {};
    if (variable.value !== undefined && !variable.isSecret) return variable.value;
    if (variable.default !== undefined && !variable.isSecret) return variable.default;
    return refs.refer(variableName(name), variable);
  });
}

/** `X-API-Key` or `tenant_id` as an environment variable name: `X_API_KEY`, `TENANT_ID`. */
function variableName(text: string): string {
  const name = text.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[A-Z_]/.test(name) ? name : `V_${name}`;
}

function remoteHomepage(remote: RegistryRemote): string {
  try {
    return new URL(remote.url.replace(/\{[^{}]+\}/g, "x")).origin;
  } catch {
    return "https://registry.modelcontextprotocol.io";
  }
}

function titleOf(id: string): string {
  return id.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}
