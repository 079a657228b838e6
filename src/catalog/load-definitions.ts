import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { describeIssue, formatIssuePath } from "./friendly-errors.ts";
import {
  httpLaunchSchema,
  serverIdSchema,
  stdioLaunchSchema,
  TEMPLATE_MARKER,
  type ServerDefinition,
} from "./server-definition-schema.ts";

export type DefinitionError = {
  /** The definition file. */
  file: string;
  /** 1-based line in the file, when the problem has a place. */
  line?: number;
  /** Field path such as `package.version`; empty for file-level problems. */
  field: string;
  /** What was expected. */
  message: string;
  /** Set when the file is an add-server template nobody has edited yet; the site build refuses those. */
  kind?: "untouched-template";
};

export type LoadedDefinitions = { definitions: ServerDefinition[]; errors: DefinitionError[] };

/** `file:line: field: message`, the one format every definition error is printed in. */
export function formatDefinitionError(error: DefinitionError): string {
  const place = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return error.field ? `${place}: ${error.field}: ${error.message}` : `${place}: ${error.message}`;
}

/**
 * Reads every `<id>.md` in the folder. A bad file yields errors and is left
 * out; the good ones are still returned, so one typo does not stop a crawl.
 */
export async function loadDefinitions(dir: string): Promise<LoadedDefinitions> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new Error(`cannot read the server definitions folder ${dir}: ${(error as Error).message}`, { cause: error });
  }
  const result: LoadedDefinitions = { definitions: [], errors: [] };
  for (const name of names.filter((n) => n.endsWith(".md")).sort()) {
    const file = path.join(dir, name);
    const parsed = parseDefinition(await readFile(file, "utf8"), file);
    if ("errors" in parsed) result.errors.push(...parsed.errors);
    else result.definitions.push(parsed.definition);
  }
  return result;
}

/** Parses one definition file's text; `file` names it in errors and gives the id. */
export function parseDefinition(text: string, file: string): { definition: ServerDefinition } | { errors: DefinitionError[] } {
  const id = path.basename(file, ".md");
  const idCheck = serverIdSchema.safeParse(id);
  if (!idCheck.success) {
    return { errors: [{ file, field: "", message: `the file name "${id}" is not a safe server id: expected ${idCheck.error.issues[0]?.message}` }] };
  }
  if (!/^---\r?\n/.test(text)) {
    return { errors: [{ file, line: 1, field: "", message: "expected front matter between --- lines at the top of the file" }] };
  }
  const { matter: frontMatter, content } = matter(text, { engines: { yaml: () => ({}) } });
  // gray-matter keeps the newline after the opening `---`, so front-matter lines are file lines.
  const lineOffset = 0;
  const lineCounter = new LineCounter();
  const document = parseDocument(frontMatter, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      errors: document.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line + lineOffset,
        field: "",
        message: `front matter is not valid YAML: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    return { errors: [{ file, field: "", message: `front matter could not be read: ${(error as Error).message}` }] };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { errors: [{ file, line: 1, field: "", message: "front matter must be a map of fields" }] };
  }
  const transport = (data as { transport?: unknown }).transport;
  const schema = transport === "streamable-http" || transport === "sse" ? httpLaunchSchema : stdioLaunchSchema;
  const checked = schema.safeParse(data);
  if (!checked.success) {
    return {
      errors: checked.error.issues.flatMap((issue) =>
        issue.code === "unrecognized_keys"
          ? issue.keys.map((key) => ({
              file,
              ...lineOf(document.contents, [...issue.path, key], lineCounter, lineOffset),
              field: formatIssuePath([...issue.path, key]),
              message: "unknown field (a misspelt field would otherwise be ignored)",
            }))
          : [{ file, ...lineOf(document.contents, issue.path, lineCounter, lineOffset), field: formatIssuePath(issue.path), message: describeIssue(issue) }],
      ),
    };
  }
  const unedited = untouchedTemplateErrors(text, checked.data.summary, file, lineOf(document.contents, ["summary"], lineCounter, lineOffset).line);
  if (unedited.length > 0) return { errors: unedited };
  return { definition: { ...checked.data, id, body: content.trim(), file } };
}

/** The summary and the first body line that still hold add-server's marker. */
function untouchedTemplateErrors(text: string, summary: string, file: string, summaryLine: number | undefined): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const kind = "untouched-template" as const;
  if (summary.includes(TEMPLATE_MARKER)) {
    errors.push({ file, ...(summaryLine === undefined ? {} : { line: summaryLine }), field: "summary", message: `still the add-server template: write one sentence on what the server is for`, kind });
  }
  const lines = text.split(/\r?\n/);
  const bodyStart = lines.indexOf("---", 1) + 1;
  const markerLine = lines.findIndex((line, i) => i >= bodyStart && line.includes(TEMPLATE_MARKER));
  if (markerLine >= 0) {
    errors.push({ file, line: markerLine + 1, field: "body", message: `still the add-server template: write your own description of the server, then delete every ${TEMPLATE_MARKER} line`, kind });
  }
  return errors;
}

/** The line of the deepest node on the path that exists. */
function lineOf(root: unknown, path: ReadonlyArray<string | number>, counter: LineCounter, offset: number): { line?: number } {
  let node = root as YamlNode | null | undefined;
  let line: number | undefined = node?.range ? counter.linePos(node.range[0]).line + offset : undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      if (!pair) break;
      const keyRange = (pair.key as YamlNode | null)?.range;
      if (keyRange) line = counter.linePos(keyRange[0]).line + offset;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof part === "number") {
      node = node.items[part] as YamlNode | undefined;
      if (node?.range) line = counter.linePos(node.range[0]).line + offset;
    } else break;
  }
  return line === undefined ? {} : { line };
}
