import { z } from "zod";

/**
 * The official MCP Registry's server.json, schema 2025-12-11
 * (https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json),
 * as far as add-server reads it. Fields it does not use (icons, _meta,
 * fileSha256...) are allowed and ignored.
 */
export const REGISTRY_SCHEMA_URL = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

/** An input a client fills in: a value, a default, or a prompt to the user. */
const inputSchema = z.object({
  /** Shown to the user when asking for the value. */
  description: z.string().optional(),
  /** The user must give a value. */
  isRequired: z.boolean().optional(),
  /** `string`, `number`, `boolean` or `filepath`. */
  format: z.enum(["string", "number", "boolean", "filepath"]).optional(),
  /** A fixed value; `{name}` refers to `variables`. */
  value: z.string().optional(),
  /** A password, token or key: never written into a definition. */
  isSecret: z.boolean().optional(),
  /** The value to use when the user gives none. */
  default: z.string().optional(),
  /** An example shown while configuring. */
  placeholder: z.string().optional(),
  /** The values allowed. */
  choices: z.array(z.string()).optional(),
});
export type RegistryInput = z.infer<typeof inputSchema>;

/** An input whose value may refer to variables as `{name}`. */
const inputWithVariablesSchema = inputSchema.extend({
  /** The inputs that `{name}` in `value` refers to. */
  variables: z.record(z.string(), inputSchema).optional(),
});

/** A command-line argument of the package's binary. */
const argumentSchema = z.discriminatedUnion("type", [
  inputWithVariablesSchema.extend({
    /** Inserted into the command line as is. */
    type: z.literal("positional"),
    /** A label for the value (not part of the command line). */
    valueHint: z.string().optional(),
    /** May be given several times. */
    isRepeated: z.boolean().optional(),
  }),
  inputWithVariablesSchema.extend({
    /** A `--flag value`. */
    type: z.literal("named"),
    /** The flag, dashes included. */
    name: z.string().min(1),
    /** May be given several times. */
    isRepeated: z.boolean().optional(),
  }),
]);
export type RegistryArgument = z.infer<typeof argumentSchema>;

/** An environment variable or HTTP header. */
const keyValueInputSchema = inputWithVariablesSchema.extend({
  /** The variable's or header's name. */
  name: z.string().min(1),
});
export type RegistryKeyValue = z.infer<typeof keyValueInputSchema>;

/** A remote endpoint, or how a package's process is reached. */
const transportSchema = z.discriminatedUnion("type", [
  z.object({
    /** The package speaks MCP on stdin and stdout. */
    type: z.literal("stdio"),
  }),
  z.object({
    /** `streamable-http` or `sse`. */
    type: z.enum(["streamable-http", "sse"]),
    /** The endpoint; `{name}` refers to `variables` or to inputs of the package. */
    url: z.string().min(1),
    /** Headers sent with every request. */
    headers: z.array(keyValueInputSchema).optional(),
    /** The inputs that `{name}` in `url` refers to. */
    variables: z.record(z.string(), inputSchema).optional(),
  }),
]);

/** A published package that runs the server. */
const packageSchema = z.object({
  /** `npm`, `pypi`, `oci`, `nuget`, `mcpb`, or another registry. */
  registryType: z.string().min(1),
  /** The registry's base URL, when not the default one. */
  registryBaseUrl: z.string().optional(),
  /** The package's name (or, for MCPB, its download URL). */
  identifier: z.string().min(1),
  /** An exact version (OCI images carry theirs in the identifier). */
  version: z.string().min(1).optional(),
  /** `npx`, `uvx`, `docker`, `dnx`...: how a client would run it. */
  runtimeHint: z.string().optional(),
  /** How the running package is reached. */
  transport: transportSchema,
  /** Arguments for the runtime (npx, docker), not for the server. */
  runtimeArguments: z.array(argumentSchema).optional(),
  /** Arguments for the server's binary. */
  packageArguments: z.array(argumentSchema).optional(),
  /** Environment variables the server reads. */
  environmentVariables: z.array(keyValueInputSchema).optional(),
});
export type RegistryPackage = z.infer<typeof packageSchema>;

const remoteSchema = transportSchema.options[1];
export type RegistryRemote = z.infer<typeof remoteSchema>;

export const registryServerSchema = z.object({
  /** Which schema the document follows; only 2025-12-11 is read. */
  $schema: z.literal(REGISTRY_SCHEMA_URL),
  /** Reverse-DNS name with one slash, e.g. `io.github.acme/widgets`. */
  name: z.string().regex(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/, "a reverse-DNS name with one slash, such as io.github.acme/widgets"),
  /** What the server does, in at most 100 characters. */
  description: z.string().min(1).max(100),
  /** A display name. */
  title: z.string().min(1).optional(),
  /** The server's version. */
  version: z.string().min(1),
  /** The project's page. */
  websiteUrl: z.string().url().optional(),
  /** Where the source is. */
  repository: z.object({ url: z.string().url(), source: z.string(), subfolder: z.string().optional(), id: z.string().optional() }).optional(),
  /** Packages that run the server locally. */
  packages: z.array(packageSchema).optional(),
  /** Endpoints where the server already runs. */
  remotes: z.array(remoteSchema).optional(),
});
export type RegistryServer = z.infer<typeof registryServerSchema>;
