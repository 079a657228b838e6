import { checkArgumentPaths } from "./argument-paths.ts";
import { closestName } from "./closest-name.ts";
import { formatPath, sortFindings, type Finding, type PolicyPath } from "./findings.ts";
import { parseGoDuration } from "./go-duration.ts";
import { isPlainObject, parsePolicy, shapePolicy, type ParsedPolicy } from "./parse-policy.ts";
import { knownKeys, type Condition, type Policy, type Rule } from "./policy-schema.ts";
import { codePointOrder, GLOBAL_SCOPE, operators, ruleActions, WILDCARD } from "./policy-words.ts";
import { compileRe2 } from "./re2-regex.ts";
import type { Positions } from "./yaml-to-data.ts";
import { counterScope, expandRule, isWindow, parseRateLimit } from "./rate-limit.ts";

export interface ValidateOptions {
  /** Tool names the server exposes; entries naming other tools are reported as warnings. */
  tools?: readonly string[];
  /** Each tool's input schema by name: `args.*` paths it never takes, and comparisons its types never pass, are warnings. */
  toolSchemas?: Readonly<Record<string, unknown>>;
}

export interface Validation {
  /** No errors (warnings allowed): the proxy would load this policy. */
  valid: boolean;
  /** Every error and warning, in reading order. */
  findings: Finding[];
  /** The policy as written, with parts of the wrong shape left out. */
  policy: Policy;
  /** Where each part of the text sits, when validated from text: the simulator links a rule to its line. */
  positions?: Positions;
}

const numericOps = new Set(["lt", "lte", "gt", "gte"]);
const listOps = new Set(["in", "not_in"]);

/**
 * Everything the proxy's validator rejects, as errors, plus warnings for
 * what it silently accepts but is almost certainly a mistake. Accepts YAML
 * text (findings get line and column), a `parsePolicy` result, or a policy
 * object.
 */
export function validatePolicy(input: string | ParsedPolicy | Policy, options: ValidateOptions = {}): Validation {
  const parsed = typeof input === "string" ? parsePolicy(input) : isParsedPolicy(input) ? input : shapePolicy(input);
  const findings: Finding[] = [...parsed.findings];
  const add = (severity: Finding["severity"], path: PolicyPath, message: string, part: "key" | "value" = "value") => {
    findings.push({ severity, path: formatPath(path), ...parsed.positions?.at(path, part), message });
  };
  const error = (path: PolicyPath, message: string, part?: "key" | "value") => add("error", path, message, part);
  const warning = (path: PolicyPath, message: string, part?: "key" | "value") => add("warning", path, message, part);
  const broken = (path: PolicyPath) => parsed.broken.has(JSON.stringify(path));
  const yamlFailed = parsed.data === undefined && parsed.findings.some((f) => f.severity === "error");
  if (yamlFailed) return { valid: false, findings: sortFindings(findings), policy: parsed.policy };

  reportUnknownKeys(parsed.data, warning);
  const policy = parsed.policy;

  if (!broken(["version"]) && policy.version !== "1") {
    error(["version"], `version must be "1", got ${JSON.stringify(policy.version ?? "")}`);
  }
  const posture = policy.default ?? "allow";
  if (!broken(["default"]) && posture !== "allow" && posture !== "deny") {
    error(["default"], `default must be "allow" or "deny", got ${JSON.stringify(posture)}`);
  }

  const hide = policy.hide ?? [];
  const seen = new Set<string>();
  hide.forEach((name, index) => {
    if (name.trim() === "") error(["hide", index], `entry must not be empty; expected a tool name`);
    else if (seen.has(name)) error(["hide", index], `duplicate entry ${JSON.stringify(name)}; each tool is hidden once`);
    seen.add(name);
  });

  const tools = policy.tools ?? {};
  const toolNames = Object.keys(tools).sort(codePointOrder);
  reportUnmatchableNames(toolNames, hide, new Set(options.tools ?? []), warning);
  if (posture === "deny" && toolNames.length === 0 && !broken(["tools"])) {
    const place = policy.tools ? ["tools"] : ["default"];
    warning(place, `default is "deny" and no tool is listed under tools, so the proxy denies every call; list the tools to allow under tools (with rules: [] for no rules)`);
  }
  const expanded = new Map(toolNames.map((name) => [name, (tools[name]?.rules ?? []).map((rule) => expandRule(rule, name))]));
  const statefulCounters = (scope: string) => {
    const key = scope === GLOBAL_SCOPE && !expanded.has(scope) ? WILDCARD : scope;
    return new Set((expanded.get(key) ?? []).flatMap((rule) => (rule.state ? [rule.state.counter ?? ""] : [])));
  };

  for (const toolName of toolNames) {
    const rules = tools[toolName]?.rules ?? [];
    const expandedRules = expanded.get(toolName) ?? [];
    const rulesPath = ["tools", toolName, "rules"];
    const counters = new Map<string, number>();
    expandedRules.forEach((rule, i) => {
      if (!rule.state || broken([...rulesPath, i])) return;
      const counter = rule.state.counter ?? "";
      const previous = counters.get(counter);
      if (previous === undefined) counters.set(counter, i);
      else error(rules[i]?.state ? [...rulesPath, i, "state", "counter"] : [...rulesPath, i, "rate_limit"], `duplicate state counter ${JSON.stringify(counter)} (also used by rules[${previous}]); each rule of a tool needs its own counter`);
    });

    let denyAt: number | undefined;
    rules.forEach((rule, i) => {
      const path = [...rulesPath, i];
      if (broken(path)) return;
      if (denyAt !== undefined) warning(path, `this rule never runs: rules[${denyAt}] denies every call to ${JSON.stringify(toolName)} before it`);
      if (rule.action === "deny") denyAt ??= i;
      validateRule(rule, expandedRules[i] ?? rule, toolName, path, { error, warning, broken, statefulCounters });
    });
  }

  const hidesAll = hide.includes(WILDCARD);
  for (const toolName of toolNames) {
    if ((tools[toolName]?.rules ?? []).length === 0) continue;
    if (hidesAll) warning(["tools", toolName], `every tool is hidden (hide holds "*"), so the rules of ${JSON.stringify(toolName)} never run`, "key");
    else if (hide.includes(toolName)) warning(["tools", toolName], `${JSON.stringify(toolName)} is hidden, so its rules never run; remove it from hide or drop the rules`, "key");
  }

  if (options.tools) {
    const exposed = new Set(options.tools);
    const unknown = (name: string) => {
      const guess = closestName(name, options.tools ?? []);
      return `the server exposes no tool named ${JSON.stringify(name)}, so this entry never applies${guess ? `; did you mean ${JSON.stringify(guess)}?` : ""}`;
    };
    // Empty names and names with spaces around them have their own warning above.
    const plain = (name: string) => name !== WILDCARD && name.trim() !== "" && name.trim() === name;
    for (const toolName of toolNames) if (plain(toolName) && !exposed.has(toolName)) warning(["tools", toolName], unknown(toolName), "key");
    hide.forEach((name, index) => {
      if (plain(name) && !exposed.has(name)) warning(["hide", index], unknown(name));
    });
  }

  if (options.toolSchemas) checkArgumentPaths(policy, options.toolSchemas, (path, message) => warning(path, message));

  const sorted = sortFindings(findings);
  return { valid: !sorted.some((f) => f.severity === "error"), findings: sorted, policy, ...(parsed.positions ? { positions: parsed.positions } : {}) };
}

interface RuleContext {
  error(path: PolicyPath, message: string, part?: "key" | "value"): void;
  warning(path: PolicyPath, message: string, part?: "key" | "value"): void;
  broken(path: PolicyPath): boolean;
  statefulCounters(scope: string): Set<string>;
}

function validateRule(rule: Rule, expanded: Rule, toolName: string, path: PolicyPath, context: RuleContext): void {
  const { error, warning } = context;
  if (!rule.name) error(path, `rule must have a name; add name: "<what this rule is for>"`);

  const shorthandFailed = Boolean(rule.rate_limit) && expanded.rate_limit !== undefined;
  if (rule.rate_limit) {
    const parsed = parseRateLimit(rule.rate_limit);
    if (!parsed.ok) error([...path, "rate_limit"], `${parsed.message}`);
    if (rule.conditions?.length || rule.state) {
      error([...path, "rate_limit"], `rate_limit cannot be combined with conditions or state; use separate rules or the full syntax instead`);
    }
    if (rule.action === "deny") error([...path, "rate_limit"], `rate_limit cannot be used with action "deny"`);
    if (rule.action === "require_approval") {
      warning([...path, "rate_limit"], `the proxy turns a rate_limit rule into a plain limit, so this rule asks for no approval; put the approval in its own rule`);
    }
  }
  const action = rule.rate_limit ? expanded.action : (rule.action ?? "evaluate");
  const actionKnown = (ruleActions as readonly string[]).includes(action ?? "");
  if (!actionKnown && !context.broken([...path, "action"])) {
    error([...path, "action"], `action must be "evaluate", "deny" or "require_approval", got ${JSON.stringify(action)}`);
  }
  const conditions = expanded.conditions ?? [];
  if (action === "deny" && (rule.conditions?.length ?? 0) > 0) {
    error([...path, "conditions"], `deny rules must not have conditions; a deny rule always denies (use evaluate to deny only when conditions fail)`, "key");
  }
  if (action === "evaluate" && conditions.length === 0 && !shorthandFailed && !context.broken([...path, "conditions"])) {
    error(path, `evaluate rules must have at least one condition (or use rate_limit, or action: deny)`);
  }

  if (rule.approval_timeout !== undefined) {
    if (parseGoDuration(rule.approval_timeout) === undefined) {
      error([...path, "approval_timeout"], `approval_timeout must be a positive duration such as "10m", "30m" or "2h", got ${JSON.stringify(rule.approval_timeout)}`);
    } else if (action !== "require_approval") {
      warning([...path, "approval_timeout"], `approval_timeout only applies to action "require_approval" and is ignored here`);
    }
  }

  (rule.conditions ?? []).forEach((condition, j) => {
    const conditionPath = [...path, "conditions", j];
    if (!context.broken(conditionPath)) validateCondition(condition, conditionPath, context);
  });

  if (rule.state && !context.broken([...path, "state"])) {
    const state = rule.state;
    const statePath = [...path, "state"];
    if (!state.counter) error([...statePath, "counter"], `counter must not be empty; name the counter, e.g. counter: "daily_count"`);
    if (!isWindow(state.window)) {
      error([...statePath, "window"], `window must be "minute", "hour", or "day", got ${JSON.stringify(state.window ?? "")}`);
    }
    if (state.increment_from !== undefined && state.increment_from !== "" && !state.increment_from.startsWith("args.")) {
      error([...statePath, "increment_from"], `increment_from must start with "args.", got ${JSON.stringify(state.increment_from)}`);
    }
    if (state.counter) {
      const own = `state.${counterScope(toolName)}.${state.counter}`;
      const limited = conditions.some((c) => c.path === own && (c.op === "lt" || c.op === "lte") && typeof c.value === "number");
      if (!limited) {
        warning(statePath, `counter ${JSON.stringify(state.counter)} limits nothing: the proxy only counts when a condition "${own}" uses lt or lte with a number`);
      }
    }
  }

  for (const condition of conditions) {
    const conditionPath = condition.path ?? "";
    if (!conditionPath.startsWith("state.")) continue;
    const parts = conditionPath.split(".");
    if (parts.length < 3) continue;
    // The proxy splits at the first two dots: state.<tool>.<counter, dots and all>.
    const scope = parts[1]!;
    const counter = parts.slice(2).join(".");
    if (!context.statefulCounters(scope).has(counter)) {
      const index = (rule.conditions ?? []).indexOf(condition);
      error(index === -1 ? [...path, "rate_limit"] : [...path, "conditions", index, "path"], `condition references state.${scope}.${counter} but no matching state block found; add a rule with state: { counter: ${JSON.stringify(counter)}, window: ... } to ${scope === GLOBAL_SCOPE ? '"*"' : JSON.stringify(scope)}`);
    }
  }
}

function validateCondition(condition: Condition, path: PolicyPath, { error, warning }: RuleContext): void {
  const conditionPath = condition.path ?? "";
  const op = condition.op ?? "";
  const value = condition.value;
  if (!conditionPath.startsWith("args.") && !conditionPath.startsWith("state.")) {
    error([...path, "path"], `path must start with "args." or "state.", got ${JSON.stringify(conditionPath)}`);
  }
  if (!(operators as readonly string[]).includes(op)) {
    const guess = closestName(op, operators);
    error([...path, "op"], `unknown operator ${JSON.stringify(op)}; expected one of ${operators.join(", ")}${guess ? ` (did you mean ${guess}?)` : ""}`);
  }
  if (listOps.has(op) && !Array.isArray(value)) error([...path, "value"], `operator "${op}" requires a list value, e.g. ["a", "b"]`);
  if (numericOps.has(op) && typeof value !== "number") {
    error([...path, "value"], `operator "${op}" requires a numeric value, got ${describeValue(value)}`);
  }
  if (op === "exists" && typeof value !== "boolean") {
    error([...path, "value"], `operator "exists" requires a boolean value (true or false), got ${describeValue(value)}`);
  }
  if (op === "regex") {
    if (typeof value !== "string") error([...path, "value"], `regex value must be a string, got ${describeValue(value)}`);
    else {
      const compiled = compileRe2(value);
      if (!compiled.ok) (compiled.rejected ? error : warning)([...path, "value"], `${compiled.message}`);
    }
  }
}

/**
 * The proxy matches tool names exactly, so an empty key or one with spaces
 * around it is accepted and never applies: rules that silently do nothing.
 * A name the server really exposes, spaces and all, is left alone.
 */
function reportUnmatchableNames(toolNames: readonly string[], hide: readonly string[], exposed: ReadonlySet<string>, warning: RuleContext["warning"]): void {
  const spaced = (name: string) => `${JSON.stringify(name)} has spaces around it, so it never matches a tool (names are matched exactly); did you mean ${JSON.stringify(name.trim())}?`;
  for (const name of toolNames) {
    if (name.trim() === "") warning(["tools", name], `empty tool name${name ? " (only spaces)" : ""}: no tool has it, so these rules never apply; write the tool's exact name`, "key");
    else if (name.trim() !== name && !exposed.has(name)) warning(["tools", name], `tool name ${spaced(name)}`, "key");
  }
  hide.forEach((name, index) => {
    if (name.trim() !== "" && name.trim() !== name && !exposed.has(name)) warning(["hide", index], `hide entry ${spaced(name)}`);
  });
}

function reportUnknownKeys(data: unknown, warning: RuleContext["warning"]): void {
  const check = (value: unknown, path: PolicyPath, known: readonly string[]) => {
    if (!isPlainObject(value)) return;
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const guess = closestName(key, known);
      warning([...path, key], `unknown key ${JSON.stringify(key)} is ignored by the proxy${guess ? `; did you mean ${JSON.stringify(guess)}?` : `; expected one of ${known.join(", ")}`}`, "key");
    }
  };
  check(data, [], knownKeys.policy);
  if (!isPlainObject(data) || !isPlainObject(data.tools)) return;
  for (const [toolName, tool] of Object.entries(data.tools)) {
    check(tool, ["tools", toolName], knownKeys.tool);
    if (!isPlainObject(tool) || !Array.isArray(tool.rules)) continue;
    tool.rules.forEach((rule: unknown, i: number) => {
      const rulePath = ["tools", toolName, "rules", i];
      check(rule, rulePath, knownKeys.rule);
      if (!isPlainObject(rule)) return;
      check(rule.state, [...rulePath, "state"], knownKeys.state);
      if (Array.isArray(rule.conditions)) rule.conditions.forEach((c: unknown, j: number) => check(c, [...rulePath, "conditions", j], knownKeys.condition));
    });
  }
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isParsedPolicy(input: ParsedPolicy | Policy): input is ParsedPolicy {
  return "broken" in input && input.broken instanceof Set && "findings" in input;
}
