/**
 * The bundled servers: those whose pinned package is one of the project's
 * own devDependencies at exactly that version. They are in node_modules after
 * `npm ci`, so crawling them needs no install and no network; `npm start`
 * re-crawls only these and serves the rest of the committed catalog.
 */
import type { ServerDefinition } from "../catalog/server-definition-schema.ts";

export function bundledServerIds(definitions: readonly ServerDefinition[], devDependencies: Readonly<Record<string, unknown>>): string[] {
  return definitions
    .filter((d) => d.package !== undefined && devDependencies[d.package.name] === d.package.version)
    .map((d) => d.id)
    .sort();
}
