import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { canonicalJson } from "./canonical-json.ts";
import { catalogServerSchema, type CatalogServer } from "./catalog-schema.ts";
import { formatZodIssues } from "./friendly-errors.ts";

/** Where a server's catalog file lives: `<catalogDir>/<id>.json`. */
export function catalogFilePath(catalogDir: string, id: string): string {
  return path.join(catalogDir, `${id}.json`);
}

/** The exact bytes written for a server: canonical, indented, newline-terminated. */
export function serializeCatalogServer(server: CatalogServer): string {
  return canonicalJson(catalogServerSchema.parse(server), 2) + "\n";
}

/**
 * Writes a server's file atomically: a temporary file in the same folder,
 * then a rename, so a crash never leaves half a file behind.
 */
export async function writeCatalogServer(catalogDir: string, server: CatalogServer): Promise<string> {
  const target = catalogFilePath(catalogDir, server.id);
  await writeFileAtomically(target, serializeCatalogServer(server));
  return target;
}

export async function writeFileAtomically(target: string, content: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, content, "utf8");
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Reads and validates one server's file; `undefined` when there is none. */
export async function readCatalogServer(catalogDir: string, id: string): Promise<CatalogServer | undefined> {
  const file = catalogFilePath(catalogDir, id);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return parseCatalogServer(text, file);
}

export function parseCatalogServer(text: string, file: string): CatalogServer {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const result = catalogServerSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`${file}: not a valid catalog file:\n${formatZodIssues(result.error.issues)}`);
  }
  return result.data;
}

/** Every server file in the catalog folder, sorted by id. */
export async function readCatalog(catalogDir: string): Promise<CatalogServer[]> {
  let names: string[];
  try {
    names = await readdir(catalogDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names.filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -".json".length)).sort();
  const servers: CatalogServer[] = [];
  for (const id of ids) {
    const server = await readCatalogServer(catalogDir, id);
    if (server) servers.push(server);
  }
  return servers;
}
