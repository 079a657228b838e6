/** Names the crawler provides itself, on top of its environment. */
export type BuiltinVariables = {
  /** An empty folder made for this server's crawl, for servers that need a directory argument. */
  CATALOG_SANDBOX: string;
  /** The repository's root, for files a definition ships with it (a fake kubeconfig, a placeholder key file). */
  CATALOG_PROJECT: string;
};

const reference = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `${VAR}` references with values from the built-ins, then the
 * environment. A missing variable is an error naming it, so a crawl never
 * runs a server with an empty credential it did not mean to send.
 */
export function resolveTemplate(
  template: string,
  env: Record<string, string | undefined>,
  builtins: BuiltinVariables,
): string {
  return template.replace(reference, (_, name: string) => {
    const value = (builtins as Record<string, string>)[name] ?? env[name];
    if (value === undefined) throw new MissingVariableError(name);
    return value;
  });
}

export class MissingVariableError extends Error {
  constructor(readonly variable: string) {
    super(`the environment variable ${variable} is not set`);
  }
}
