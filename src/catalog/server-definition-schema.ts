import { z } from "zod";
import { toolOverrideSchema } from "../classify/classify-context.ts";

/** A server id is its definition's file name: a slug safe in paths and URLs. */
export const serverIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug of lower-case letters, digits and single hyphens")
  .max(64, "at most 64 characters");

/**
 * Marks what `npm run add-server` wrote for a maintainer to replace (the
 * body, and a summary the package did not provide). The loader refuses a
 * definition that still holds it, so neither the crawl nor the site ever
 * shows template text as if someone had written it.
 */
export const TEMPLATE_MARKER = "TODO(add-server)";

/** Exact versions only: a range would let two crawls see different servers. */
const exactVersion = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, "an exact version such as 1.2.3 (no ranges, no tags)");

export const packageSchema = z
  .object({
    /** Only npm packages are installed by the crawler. */
    registry: z.literal("npm"),
    /** Package name as published, e.g. `@modelcontextprotocol/server-memory`. */
    name: z.string().regex(/^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, "an npm package name"),
    /** Pinned version. */
    version: exactVersion,
  })
  .strict();

/**
 * An environment or header value: a placeholder, or `${VAR}` references
 * resolved from the crawler's environment. Never a real secret.
 */
const templatedString = z.string().max(2000);

export const overrideSchema = toolOverrideSchema
  .extend({ note: z.string().min(1, "a note saying why the classifier is overridden") })
  .strict()
  .refine((o) => o.category !== undefined || o.risk !== undefined, {
    message: "an override needs a category or a risk",
  });

const common = {
  /** Display name. */
  name: z.string().min(1).max(120),
  /** One sentence on what the server is for. */
  summary: z.string().min(1).max(300),
  /** Project or product page. */
  homepage: z.string().url(),
  /** Source repository. */
  repository: z.string().url(),
  /** The npm package the crawler installs and launches. */
  package: packageSchema.optional(),
  /** Domain tags such as `payments`, `files`; the classifier reads them. */
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/, "lower-case words joined by hyphens")).default([]),
  /** Per-tool overrides of the classifier, keyed by exact tool name. */
  overrides: z.record(z.string(), overrideSchema).default({}),
  /** Connect+list timeout for this server, when it needs more than the default. */
  timeoutSeconds: z.number().positive().max(600).optional(),
};

export const stdioLaunchSchema = z
  .object({
    ...common,
    transport: z.literal("stdio").default("stdio"),
    /** A bin of `package`, started with the running Node. */
    bin: z.string().min(1).optional(),
    /** A command on PATH or a path relative to the repository, when there is no package bin. */
    command: z.string().min(1).optional(),
    /** Arguments; `${VAR}` references are resolved at crawl time. */
    args: z.array(templatedString).default([]),
    /** Environment variables; values are placeholders or `${VAR}` references. */
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name"), templatedString).default({}),
    /** Working directory relative to the repository. */
    cwd: z.string().optional(),
    /** Run the package's install scripts (a build step, a native module) when installing it; off by default, so a package runs no code before it is started. */
    installScripts: z.boolean().default(false),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.installScripts && (d.package === undefined || d.command !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["installScripts"], message: "`installScripts` applies to a `package` launched by its bin; a `command` is not installed" });
    }
    if (d.bin !== undefined && d.command !== undefined) {
      ctx.addIssue({ code: "custom", path: ["command"], message: "give `bin` (a bin of `package`) or `command`, not both" });
    } else if (d.command === undefined && d.package === undefined) {
      ctx.addIssue({ code: "custom", path: ["package"], message: "a stdio server needs `package` (launched by its bin) or `command`" });
    }
  });

export const httpLaunchSchema = z
  .object({
    ...common,
    transport: z.enum(["streamable-http", "sse"]),
    /** Endpoint URL; `${VAR}` references are resolved at crawl time. */
    url: templatedString,
    /** Request headers; values are placeholders or `${VAR}` references. */
    headers: z.record(z.string(), templatedString).default({}),
  })
  .strict();

/** The front matter of a server launched as a process. */
export type StdioLaunch = z.infer<typeof stdioLaunchSchema>;
/** The front matter of a server reached over HTTP. */
export type HttpLaunch = z.infer<typeof httpLaunchSchema>;

export const serverDefinitionSchema = z.union([httpLaunchSchema, stdioLaunchSchema]);
export type ServerDefinitionFrontMatter = z.infer<typeof serverDefinitionSchema>;

/** A definition file, parsed: its id (from the file name), front matter and Markdown body. */
export type ServerDefinition = ServerDefinitionFrontMatter & {
  id: string;
  /** Editorial description in Markdown, written by a maintainer. */
  body: string;
  /** Path of the file it came from, for error messages. */
  file: string;
};
