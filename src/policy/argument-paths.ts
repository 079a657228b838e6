import { closestName } from "./closest-name.ts";
import type { PolicyPath } from "./findings.ts";
import { isPlainObject } from "./parse-policy.ts";
import type { Policy } from "./policy-schema.ts";
import { WILDCARD } from "./policy-words.ts";

type Warn = (path: PolicyPath, message: string) => void;

const numericOps = new Set(["lt", "lte", "gt", "gte"]);

/**
 * Warnings for `args.*` paths a tool's input schema says it never
 * receives, and for comparisons the proxy can never pass on the declared
 * type (it compares numbers only, and runs a regex on strings only). The
 * proxy loads such a policy; the rule just never matches as meant.
 * `"*"` rules apply to every tool, so they are not checked against one.
 */
export function checkArgumentPaths(policy: Policy, schemas: Readonly<Record<string, unknown>>, warning: Warn): void {
  for (const [toolName, tool] of Object.entries(policy.tools ?? {})) {
    if (toolName === WILDCARD || !Object.hasOwn(schemas, toolName)) continue;
    const schema = schemas[toolName];
    (tool.rules ?? []).forEach((rule, i) => {
      const rulePath = ["tools", toolName, "rules", i];
      (rule.conditions ?? []).forEach((condition, j) => {
        const path = condition.path ?? "";
        if (!path.startsWith("args.")) return;
        const found = lookUp(schema, path.slice("args.".length));
        const at = [...rulePath, "conditions", j, "path"];
        if (found.kind === "missing") warning(at, missingMessage(toolName, path, found));
        else if (found.kind === "found") {
          const mismatch = typeMismatch(condition.op ?? "", found.types);
          if (mismatch) warning(at, `${path} is ${found.types.join(" or ")} in ${JSON.stringify(toolName)}'s input schema, ${mismatch}`);
        }
      });
      const from = rule.state?.increment_from;
      if (from?.startsWith("args.")) {
        const found = lookUp(schema, from.slice("args.".length));
        const at = [...rulePath, "state", "increment_from"];
        if (found.kind === "missing") warning(at, missingMessage(toolName, from, found));
        else if (found.kind === "found" && found.types.length > 0 && !found.types.some(isNumeric)) {
          warning(at, `${from} is ${found.types.join(" or ")} in ${JSON.stringify(toolName)}'s input schema; a counter counts by a number, and the proxy answers any other value with an internal error`);
        }
      }
    });
  }
}

type Lookup = { kind: "found"; types: string[] } | { kind: "missing"; part: string; known: string[] } | { kind: "unknown" };

/** Follows `a.b.c` through `properties`; unknown when the schema does not say (no properties, or extra ones allowed). */
function lookUp(schema: unknown, dotted: string): Lookup {
  let current: unknown = schema;
  for (const part of dotted.split(".")) {
    if (!isPlainObject(current) || !isPlainObject(current.properties)) return { kind: "unknown" };
    const properties = current.properties;
    if (!Object.hasOwn(properties, part)) {
      const extra = current.additionalProperties;
      // Extra arguments allowed explicitly: the name may be fine.
      if (extra === true || isPlainObject(extra)) return { kind: "unknown" };
      return { kind: "missing", part, known: Object.keys(properties) };
    }
    current = properties[part];
  }
  return { kind: "found", types: declaredTypes(current) };
}

function declaredTypes(schema: unknown): string[] {
  if (!isPlainObject(schema)) return [];
  const { type } = schema;
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string");
  return [];
}

const isNumeric = (type: string) => type === "number" || type === "integer";

/** Why `op` can never pass on a value of these types, or undefined when it can (or the type is not declared). */
function typeMismatch(op: string, types: readonly string[]): string | undefined {
  if (types.length === 0) return undefined;
  if (numericOps.has(op) && !types.some(isNumeric)) return `and ${op} compares numbers only, so the proxy fails this condition for every call`;
  if (op === "regex" && !types.includes("string")) return "and regex matches strings only, so the proxy fails this condition for every call";
  return undefined;
}

function missingMessage(toolName: string, path: string, found: { part: string; known: string[] }): string {
  const guess = closestName(found.part, found.known);
  const takes = found.known.length === 0 ? "takes no arguments there" : `takes ${found.known.slice(0, 8).map((k) => `\`${k}\``).join(", ")}${found.known.length > 8 ? ", …" : ""}`;
  return `${JSON.stringify(toolName)} takes no argument ${JSON.stringify(found.part)} (${path} is never set, so this condition never sees a value); it ${takes}${guess ? `; did you mean \`${guess}\`?` : ""}`;
}
