/**
 * Readings that say one removal reaches an unbounded set (the rubric's
 * Destructive -> Critical: "a filter, 'all', a wildcard"), beyond the name's
 * own words: the description's clauses, an action value that empties, a
 * choice of items by their state.
 */
import { capText, words } from "./bounded-text.ts";
import { objectKinds } from "./read-words.ts";
import type { PropertyInfo } from "./read-schema.ts";
import type { DomainName } from "./rules.ts";
import { splitName } from "./split-name.ts";

export const removingWords: ReadonlySet<string> = new Set(["delete", "deletes", "deleting", "remove", "removes", "removing", "clear", "clears", "purge", "purges", "drop", "drops", "discard", "discards", "wipe", "wipes", "erase", "erases", "clean", "cleans", "destroy", "destroys", "empty", "empties", "truncate", "truncates", "reset", "resets", "cancel", "cancels", "terminate", "terminates", "kill", "kills", "revoke", "revokes", "uninstall", "uninstalls", "archive", "trash"]);
const bulkWords: ReadonlySet<string> = new Set(["all", "every", "everything", "recursively", "wildcard", "matching", "match"]);

/**
 * Whether the description's first sentence says "all" (or every, matching...)
 * in the same clause as a removal: a tool that lists all and deletes one
 * removes one.
 */
export function bulkPhraseRemoves(description: string | undefined): boolean {
  const first = capText(description ?? "", 400).split(/(?<=[.!?])\s/)[0] ?? "";
  const clauses = first.split(/[,;:()]|\s(?:or|and)\s/);
  // A sentence without removal words says nothing here: it is left to the other rules (a verb in the name).
  if (!clauses.some((c) => words(c).some((w) => removingWords.has(w)))) return true;
  return clauses.some((c) => {
    const ws = words(c);
    return ws.some((w) => removingWords.has(w)) && ws.some((w) => bulkWords.has(w));
  });
}


const allWords: ReadonlySet<string> = new Set(["all", "every", "everything"]);

/** Bare action values that empty whatever the tool holds (`mode: "clear"` on a stash): no item is named. */
const emptyingValues: ReadonlySet<string> = new Set(["clear", "flush", "empty", "purge", "wipe"]);

/**
 * The value of an action or mode choice that empties a set: a bare emptying
 * verb, or a removal of "all" (`clearAllTasks`, `delete_all`).
 */
export function emptyingActionValue(actions: readonly PropertyInfo[]): string | undefined {
  for (const property of actions) {
    for (const value of property.enumValues) {
      const parts = splitName(value);
      if (parts.length === 1 && emptyingValues.has(parts[0]!)) return value;
      if (parts.some((w) => removingWords.has(w)) && parts.some((w) => allWords.has(w))) return value;
    }
  }
  return undefined;
}

const stateNames: ReadonlySet<string> = new Set(["status", "state", "statuses", "states"]);

/**
 * A removal that picks its items by state ("Job status to clean": completed |
 * failed) removes whatever is in that state. The state's description must
 * say it picks what is removed: a status that filters a listing mode does not.
 */
export function stateSelector(properties: readonly PropertyInfo[]): PropertyInfo | undefined {
  return properties.find((p) => p.enumValues.length > 0 && stateNames.has(splitName(p.name).join(" ")) && words(capText(p.description ?? "", 200)).some((w) => removingWords.has(w)));
}

const typeChoiceNames: ReadonlySet<string> = new Set(["type", "kind", "object type", "entity type", "resource type", "item type"]);

/**
 * A container among the kinds a removal may be given ("type: project |
 * section | task"): the call can remove a whole project, the most
 * consequential of its choices.
 */
export function containerTypeValue(properties: readonly PropertyInfo[], domains: ReadonlySet<DomainName>): string | undefined {
  for (const property of properties) {
    if (!typeChoiceNames.has(splitName(property.name).join(" "))) continue;
    for (const value of property.enumValues) {
      const container = objectKinds(splitName(value), domains).get("container");
      if (container !== undefined) return value;
    }
  }
  return undefined;
}
