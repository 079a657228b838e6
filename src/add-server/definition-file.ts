import { access, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { formatDefinitionError, parseDefinition } from "../catalog/load-definitions.ts";
import { TEMPLATE_MARKER, type HttpLaunch, type StdioLaunch } from "../catalog/server-definition-schema.ts";

// add-server installs with scripts off, so it never writes `installScripts`; a maintainer opts in by hand.
type FrontMatter = Omit<StdioLaunch, "overrides" | "timeoutSeconds" | "installScripts"> | Omit<HttpLaunch, "overrides" | "timeoutSeconds">;

/** A definition add-server is about to write: front matter it filled in, and notes for the body's template. */
export type DefinitionDraft = {
  id: string;
  frontMatter: FrontMatter;
  /** Extra lines for the template (what the trial crawl found, which variables are references), each marked. */
  notes: string[];
};

/** The fields in the order a maintainer reads them; empty defaults are left out. */
const fieldOrder = ["name", "summary", "homepage", "repository", "package", "bin", "transport", "url", "headers", "command", "args", "env", "cwd", "tags"] as const;

/** The Markdown file of a draft: front matter, then a body template the loader refuses until it is edited. */
export function renderDefinition(draft: DefinitionDraft): string {
  const fields: Record<string, unknown> = {};
  const source = draft.frontMatter as Record<string, unknown>;
  for (const key of fieldOrder) {
    const value = source[key];
    const empty = value === undefined || (key === "transport" && value === "stdio") || (key !== "tags" && isEmptyCollection(value));
    if (!empty) fields[key] = value;
  }
  const body = [
    `${TEMPLATE_MARKER}: replace this body with your own description of the server: what it is for, and which of its tools deserve care.`,
    `${TEMPLATE_MARKER}: check the summary and add tags (domain words such as files, payments, git-hosting); the crawl and the site build refuse this file while any ${TEMPLATE_MARKER} line is left.`,
    ...draft.notes.map((note) => `${TEMPLATE_MARKER}: ${note}`),
  ];
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n${body.join("\n\n")}\n`;
}

function isEmptyCollection(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);
}

/**
 * Writes the drafts into the definitions folder, all or none: every file is
 * rendered and checked against the definition schema, and no existing file
 * is replaced without `force`, before the first byte is written; each file
 * then appears by a rename.
 */
export async function writeDefinitions(definitionsDir: string, drafts: DefinitionDraft[], options: { force: boolean }): Promise<string[]> {
  const problems: string[] = [];
  const files = drafts.map((draft) => ({ file: path.join(definitionsDir, `${draft.id}.md`), text: renderDefinition(draft) }));
  const seen = new Set<string>();
  for (const { file, text } of files) {
    if (seen.has(file)) problems.push(`${file}: two servers would get the same id`);
    seen.add(file);
    if (!options.force && (await exists(file))) problems.push(`${file} already exists: add --force to replace it`);
    const parsed = parseDefinition(text, file);
    const invalid = "errors" in parsed ? parsed.errors.filter((e) => e.kind !== "untouched-template") : [];
    problems.push(...invalid.map(formatDefinitionError));
  }
  if (problems.length > 0) throw new Error(`nothing was written:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  await mkdir(definitionsDir, { recursive: true });
  const temporaries = files.map(({ file }) => `${file}.${process.pid}.${Date.now()}.tmp`);
  try {
    for (const [i, { text }] of files.entries()) await writeFile(temporaries[i]!, text, "utf8");
    for (const [i, { file }] of files.entries()) await rename(temporaries[i]!, file);
  } finally {
    await Promise.all(temporaries.map((t) => rm(t, { force: true })));
  }
  return files.map((f) => f.file);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
