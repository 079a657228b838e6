import { serverIdSchema } from "../catalog/server-definition-schema.ts";

/** Lower-case words joined by single hyphens, at most 64 characters. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** Words every server package carries, which say nothing about which server it is. */
const noiseAffixes = [/^mcp-server-/, /^server-/, /^mcp-/, /-mcp-server$/, /-server-mcp$/, /-mcp$/, /-server$/];

/**
 * A server id from an npm package name: `@acme/widgets-mcp-server` becomes
 * `widgets`. The scope is dropped, then the words that only say "MCP
 * server"; when nothing is left, the scope names it.
 */
export function idFromPackageName(packageName: string): string {
  const [scope, unscoped] = packageName.startsWith("@") ? packageName.slice(1).split("/", 2) : [undefined, packageName];
  let id = slug(unscoped ?? "");
  for (const affix of noiseAffixes) {
    const stripped = id.replace(affix, "");
    if (stripped !== id && stripped.length > 0) id = stripped;
  }
  if (["mcp", "server", "mcp-server", ""].includes(id) && scope) id = slug(scope);
  return checkedId(id, packageName);
}

/** A server id from a registry name such as `io.github.acme/widgets-mcp`: its last part, cleaned the same way. */
export function idFromServerName(serverName: string): string {
  return idFromPackageName(serverName.split("/").pop() ?? serverName);
}

function checkedId(id: string, from: string): string {
  if (!serverIdSchema.safeParse(id).success) throw new Error(`cannot make a server id from "${from}": give one with --id`);
  return id;
}
