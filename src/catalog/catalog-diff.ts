import { compareCodePoints } from "./canonical-json.ts";
import type { CatalogServer, ToolChange } from "./catalog-schema.ts";
import { serializeCatalogServer } from "./catalog-files.ts";

export type ChangedTool = { name: string; slug: string; change: ToolChange; riskBefore?: string; riskAfter?: string };

/** What one server's catalog file gained or lost between two versions of it. */
export type ServerDiff = {
  id: string;
  name: string;
  /** `added`/`removed`: the whole server; `changed`: the file's bytes differ; `unchanged`: they do not. */
  status: "added" | "removed" | "changed" | "unchanged";
  addedTools: string[];
  removedTools: string[];
  changedTools: ChangedTool[];
};

/** Compares a server's previous catalog file with its next one (either may be missing). */
export function diffCatalogServer(previous: CatalogServer | undefined, next: CatalogServer | undefined): ServerDiff {
  const server = (next ?? previous)!;
  const base = { id: server.id, name: server.name };
  if (!previous) return { ...base, status: "added", addedTools: (next?.tools ?? []).map((t) => t.name), removedTools: [], changedTools: [] };
  if (!next) return { ...base, status: "removed", addedTools: [], removedTools: previous.tools.map((t) => t.name), changedTools: [] };
  const before = new Map(previous.tools.map((t) => [t.name, t]));
  const beforeRemoved = new Map((previous.removedTools ?? []).map((t) => [t.name, t]));
  const after = new Set(next.tools.map((t) => t.name));
  const addedTools: string[] = [];
  const changedTools: ChangedTool[] = [];
  for (const tool of next.tools) {
    const old = before.get(tool.name) ?? beforeRemoved.get(tool.name);
    if (!old) addedTools.push(tool.name);
    else if (old.fingerprint !== tool.fingerprint || (!before.has(tool.name) && beforeRemoved.has(tool.name))) {
      const change = tool.changes?.[0];
      if (change) {
        changedTools.push({
          name: tool.name,
          slug: tool.slug,
          change,
          ...(old.verdict ? { riskBefore: old.verdict.risk } : {}),
          ...(tool.verdict ? { riskAfter: tool.verdict.risk } : {}),
        });
      }
    }
  }
  const removedTools = previous.tools.filter((t) => !after.has(t.name)).map((t) => t.name);
  const same = serializeCatalogServer(previous) === serializeCatalogServer(next);
  return {
    ...base,
    status: same ? "unchanged" : "changed",
    addedTools: addedTools.sort(compareCodePoints),
    removedTools: removedTools.sort(compareCodePoints),
    changedTools: changedTools.sort((a, b) => compareCodePoints(a.name, b.name)),
  };
}
