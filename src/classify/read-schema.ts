/**
 * Reads an input schema defensively: counts its parameters exactly, says why
 * it is broken or oversized, and collects every description in it (nested
 * too) for the hidden-instruction scan. The walk is iterative and capped, so
 * a 10,000-level schema costs no more than a small one.
 */
import { asText, capText, SCAN_LIMIT } from "./bounded-text.ts";
import { sizeLimits } from "./rules.ts";
import type { ParameterCounts } from "./verdict-schema.ts";

/** Top-level parameters read in detail; the count itself is always exact. */
const MAX_PROPERTIES_READ = 200;
/** Characters of schema text collected for the hidden-instruction scan. */
const MAX_SCHEMA_TEXT = 60_000;
const MAX_ENUM_VALUES = 50;

export interface PropertyInfo {
  name: string;
  /** The JSON Schema type, or the first of a list (`undefined` when absent). */
  type?: string;
  isArray: boolean;
  /** String values of `enum` (or `const`s of `oneOf`/`anyOf`), capped. */
  enumValues: string[];
  description?: string;
  required: boolean;
  /** A string held to a short `maxLength` or to a `pattern`: an identifier or a code value, never text to run. */
  shortValue?: boolean;
}

export interface SchemaText {
  /** Where it was found: `parameter "path"`, `parameter "options.mode"`. */
  where: string;
  text: string;
}

export interface SchemaReading {
  parameters: ParameterCounts;
  /** Why the schema is broken (empty when it is not). */
  problems: string[];
  /** Why the schema is oversized (empty when it is not). */
  oversized: string[];
  properties: PropertyInfo[];
  texts: SchemaText[];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeOf(node: Record<string, unknown>): string | undefined {
  const type = node.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === "string" && t !== "null");
  return undefined;
}

/** The enum of a parameter or of its items; a list of lists is read two levels down, no further. */
function enumValues(node: Record<string, unknown>, depth = 0): string[] {
  const values: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === "string" && values.length < MAX_ENUM_VALUES) values.push(capText(v, 100));
  };
  if (Array.isArray(node.enum)) node.enum.slice(0, MAX_ENUM_VALUES).forEach(add);
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = node[key];
    if (Array.isArray(options)) for (const o of options.slice(0, MAX_ENUM_VALUES)) if (isPlainObject(o)) add(o.const);
  }
  if (isPlainObject(node.items) && depth < 2) values.push(...enumValues(node.items, depth + 1).slice(0, MAX_ENUM_VALUES - values.length));
  return values;
}

/** Code or a command to run is free text: one held to a few characters or to a pattern is a value. */
const SHORT_VALUE_LENGTH = 64;

function holdsShortValue(node: Record<string, unknown>): boolean {
  const max = node.maxLength;
  return (typeof max === "number" && max <= SHORT_VALUE_LENGTH) || typeof node.pattern === "string";
}

function shortName(name: string): string {
  return capText(name, 60);
}

export function readSchema(inputSchema: unknown): SchemaReading {
  const reading: SchemaReading = { parameters: { total: 0, required: 0 }, problems: [], oversized: [], properties: [], texts: [] };
  if (inputSchema === undefined || inputSchema === null) {
    reading.problems.push("there is no input schema");
    return reading;
  }
  if (!isPlainObject(inputSchema)) {
    reading.problems.push(`the input schema is ${Array.isArray(inputSchema) ? "a list" : `a ${typeof inputSchema}`}, not an object`);
    return reading;
  }
  const type = inputSchema.type;
  if (type !== undefined && type !== "object" && !(Array.isArray(type) && type.includes("object"))) {
    // Only strings are quoted: a server-sent object here may be nested too deep to write out.
    const shown = typeof type === "string" ? JSON.stringify(type) : Array.isArray(type) ? JSON.stringify(type.filter((t) => typeof t === "string").slice(0, 4)) : `a ${type === null ? "null" : typeof type}`;
    reading.problems.push(`its type is ${capText(shown, 40)}, not "object"`);
  }
  const properties = inputSchema.properties;
  // Parameters are still read and counted; the flag says clients may reject or misread the schema.
  if (type === undefined && properties !== undefined) reading.problems.push('it has properties but no type (MCP asks for "object")');
  let names: string[] = [];
  if (properties !== undefined) {
    // Sorted: key order is the wire's accident, and the catalog file stores keys sorted, so a
    // verdict read from the file must equal the one made at crawl time.
    if (isPlainObject(properties)) names = Object.keys(properties).sort();
    else reading.problems.push("its properties are not an object");
  }
  const required = inputSchema.required;
  const requiredNames = new Set<string>();
  if (required !== undefined) {
    if (!Array.isArray(required)) reading.problems.push("its required list is not a list");
    else {
      const missing: string[] = [];
      for (const entry of required) {
        if (typeof entry === "string" && isPlainObject(properties) && Object.hasOwn(properties, entry)) requiredNames.add(entry);
        else if (missing.length < 3) missing.push(typeof entry === "string" ? `"${shortName(entry)}"` : String(entry));
      }
      if (missing.length > 0) reading.problems.push(`it requires ${missing.join(", ")}, which it does not define`);
    }
  }
  reading.parameters = { total: names.length, required: requiredNames.size };
  if (names.length > sizeLimits.topLevelParameters) reading.oversized.push(`${names.length} top-level parameters`);

  if (isPlainObject(properties)) {
    let notSchemas = 0;
    for (const name of names.slice(0, MAX_PROPERTIES_READ)) {
      const node = properties[name];
      if (!isPlainObject(node)) {
        if (typeof node !== "boolean") notSchemas++;
        reading.properties.push({ name, isArray: false, enumValues: [], required: requiredNames.has(name) });
        continue;
      }
      const t = typeOf(node);
      const info: PropertyInfo = { name, isArray: t === "array", enumValues: enumValues(node), required: requiredNames.has(name) };
      if (t !== undefined) info.type = t;
      if (holdsShortValue(node)) info.shortValue = true;
      const description = asText(node.description);
      if (description !== undefined) info.description = capText(description);
      reading.properties.push(info);
    }
    if (notSchemas > 0) reading.problems.push(`${notSchemas} of its properties ${notSchemas === 1 ? "is" : "are"} not a schema`);
  }
  collectTexts(inputSchema, reading, names);
  return reading;
}

const childKeys = ["properties", "patternProperties", "$defs", "definitions"] as const;
const schemaKeys = ["items", "additionalProperties", "not", "if", "then", "else", "contains"] as const;
const listKeys = ["anyOf", "oneOf", "allOf", "prefixItems", "items"] as const;

/** Every description and title in the schema, breadth first, within the caps. */
function collectTexts(root: Record<string, unknown>, reading: SchemaReading, rootNames: readonly string[]): void {
  const queue: { node: Record<string, unknown>; depth: number; where: string }[] = [{ node: root, depth: 0, where: "" }];
  let visited = 0;
  let collected = 0;
  let tooDeep = false;
  for (let head = 0; head < queue.length; head++) {
    const item = queue[head];
    if (item === undefined) break;
    visited++;
    if (visited > sizeLimits.schemaNodes) {
      reading.oversized.push(`more than ${sizeLimits.schemaNodes} schema nodes`);
      break;
    }
    const { node, depth, where } = item;
    for (const key of ["description", "title"] as const) {
      const text = asText(node[key]);
      if (text !== undefined && collected < MAX_SCHEMA_TEXT) {
        const capped = capText(text, Math.min(SCAN_LIMIT, MAX_SCHEMA_TEXT - collected));
        collected += capped.length;
        const place = where === "" ? "the input schema" : `parameter "${where}"`;
        reading.texts.push({ where: `${place}${key === "title" ? " (title)" : ""}`, text: capped });
      }
    }
    if (depth >= sizeLimits.schemaDepth) {
      tooDeep = true;
      continue;
    }
    const push = (child: unknown, childWhere: string) => {
      if (isPlainObject(child) && queue.length - head < sizeLimits.schemaNodes * 2) queue.push({ node: child, depth: depth + 1, where: childWhere });
    };
    for (const key of childKeys) {
      const children = node[key];
      if (!isPlainObject(children)) continue;
      // Enumerating a huge object's keys is the costly part: the root's are already known.
      const names = node === root && key === "properties" ? rootNames : Object.keys(children).sort();
      for (const name of names.slice(0, sizeLimits.schemaNodes)) {
        push(children[name], where === "" ? shortName(name) : `${where}.${shortName(name)}`);
      }
    }
    for (const key of schemaKeys) push(node[key], where === "" ? "(schema)" : where);
    for (const key of listKeys) {
      const list = node[key];
      if (Array.isArray(list)) for (const child of list.slice(0, sizeLimits.schemaNodes)) push(child, where === "" ? "(schema)" : where);
    }
  }
  if (tooDeep) reading.oversized.push(`nested deeper than ${sizeLimits.schemaDepth} levels`);
}
