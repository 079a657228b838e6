import { describe, expect, it } from "vitest";
import { validatePolicy } from "../../src/policy/index.ts";

/** Each finding as `line:column severity: message (path)`, the way an editor shows it. */
function findings(text: string, tools?: string[]): string[] {
  return validatePolicy(text, tools ? { tools } : {}).findings.map(
    (f) => `${f.line}:${f.column} ${f.severity}: ${f.message}${f.path ? ` (${f.path})` : ""}`,
  );
}

describe("what the proxy's validator rejects is an error with its line and column", () => {
  it.each<[string, string, string[]]>([
    [
      "a version other than \"1\" is refused (1.0 reads as text)",
      "version: 1.0\ntools: {}\n",
      ["1:10 error: version must be \"1\", got \"1.0\" (version)"],
    ],
    [
      "a missing version is refused",
      "tools: {}\n",
      ["1:1 error: version must be \"1\", got \"\" (version)"],
    ],
    [
      "a default other than allow or deny is refused",
      "version: \"1\"\ndefault: block\n",
      ["2:10 error: default must be \"allow\" or \"deny\", got \"block\" (default)"],
    ],
    [
      "an empty hide entry is refused",
      "version: \"1\"\nhide: [a, \"\"]\n",
      ["2:11 error: entry must not be empty; expected a tool name (hide[1])"],
    ],
    [
      "a duplicate hide entry is refused",
      "version: \"1\"\nhide:\n  - a\n  - a\n",
      ["4:5 error: duplicate entry \"a\"; each tool is hidden once (hide[1])"],
    ],
    [
      "a rule without a name is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - action: deny\n",
      ["5:9 error: rule must have a name; add name: \"<what this rule is for>\" (tools.t.rules[0])"],
    ],
    [
      "a rate_limit rule without a name is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - rate_limit: 5/hour\n",
      ["5:9 error: rule must have a name; add name: \"<what this rule is for>\" (tools.t.rules[0])"],
    ],
    [
      "an unknown action is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        action: block\n",
      ["6:17 error: action must be \"evaluate\", \"deny\" or \"require_approval\", got \"block\" (tools.t.rules[0].action)"],
    ],
    [
      "a deny rule with conditions is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        action: deny\n        conditions:\n          - {path: args.a, op: eq, value: 1}\n",
      ["7:9 error: deny rules must not have conditions; a deny rule always denies (use evaluate to deny only when conditions fail) (tools.t.rules[0].conditions)"],
    ],
    [
      "an evaluate rule with no condition is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        on_deny: no\n",
      ["5:9 error: evaluate rules must have at least one condition (or use rate_limit, or action: deny) (tools.t.rules[0])"],
    ],
    [
      "a condition path outside args. and state. is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: arguments.a, op: eq, value: 1}\n",
      ["7:20 error: path must start with \"args.\" or \"state.\", got \"arguments.a\" (tools.t.rules[0].conditions[0].path)"],
    ],
    [
      "an unknown operator is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: equals, value: 1}\n",
      ["7:32 error: unknown operator \"equals\"; expected one of eq, neq, in, not_in, lt, lte, gt, gte, regex, contains, exists (tools.t.rules[0].conditions[0].op)"],
    ],
    [
      "in without a list value is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: in, value: usd}\n",
      ["7:43 error: operator \"in\" requires a list value, e.g. [\"a\", \"b\"] (tools.t.rules[0].conditions[0].value)"],
    ],
    [
      "lte without a number is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: lte, value: \"5\"}\n",
      ["7:44 error: operator \"lte\" requires a numeric value, got string \"5\" (tools.t.rules[0].conditions[0].value)"],
    ],
    [
      "exists without a boolean is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: exists, value: yes}\n",
      ["7:47 error: operator \"exists\" requires a boolean value (true or false), got string \"yes\" (tools.t.rules[0].conditions[0].value)"],
    ],
    [
      "a regex that is not a string is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: regex, value: 5}\n",
      ["7:46 error: regex value must be a string, got number 5 (tools.t.rules[0].conditions[0].value)"],
    ],
    [
      "a regex with lookahead is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: regex, value: \"^(?!main$)\"}\n",
      ["7:46 error: invalid regex \"^(?!main$)\": lookahead `(?!` is not supported by RE2 (Go) (tools.t.rules[0].conditions[0].value)"],
    ],
    [
      "a regex with lookbehind is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: regex, value: \"(?<=x)y\"}\n",
      ["7:46 error: invalid regex \"(?<=x)y\": lookbehind `(?<=` is not supported by RE2 (Go) (tools.t.rules[0].conditions[0].value)"],
    ],
    [
      "a regex with a backreference is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: regex, value: \"(a)\\\\1\"}\n",
      ["7:46 error: invalid regex \"(a)\\\\1\": backreferences such as `\\1` are not supported by RE2 (Go) (tools.t.rules[0].conditions[0].value)"],
    ],
    [
      "a regex that does not compile is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: regex, value: \"(unclosed\"}\n",
      ["7:46 error: invalid regex \"(unclosed\": Unterminated group (tools.t.rules[0].conditions[0].value)"],
    ],
    [
      "a state condition without a matching state block is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: state.t.calls, op: lte, value: 5}\n",
      ["7:20 error: condition references state.t.calls but no matching state block found; add a rule with state: { counter: \"calls\", window: ... } to \"t\" (tools.t.rules[0].conditions[0].path)"],
    ],
    [
      "a _global state condition needs its state block under \"*\"",
      "version: \"1\"\ntools:\n  \"*\":\n    rules:\n      - name: r\n        conditions:\n          - {path: state._global.calls, op: lte, value: 5}\n",
      ["7:20 error: condition references state._global.calls but no matching state block found; add a rule with state: { counter: \"calls\", window: ... } to \"*\" (tools.*.rules[0].conditions[0].path)"],
    ],
    [
      "two rules of one tool with the same counter are refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: a\n        rate_limit: 5/hour\n      - name: b\n        rate_limit: 10/hour\n",
      ["8:21 error: duplicate state counter \"_rate_hour\" (also used by rules[0]); each rule of a tool needs its own counter (tools.t.rules[1].rate_limit)"],
    ],
    [
      "a state block with an empty counter is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: exists, value: true}\n        state: {counter: \"\", window: hour}\n",
      ["8:26 error: counter must not be empty; name the counter, e.g. counter: \"daily_count\" (tools.t.rules[0].state.counter)"],
    ],
    [
      "a state block with a bad window is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: state.t.n, op: lte, value: 5}\n        state: {counter: n, window: week}\n",
      ["8:37 error: window must be \"minute\", \"hour\", or \"day\", got \"week\" (tools.t.rules[0].state.window)"],
    ],
    [
      "increment_from outside args. is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: state.t.n, op: lte, value: 5}\n        state: {counter: n, window: day, increment_from: amount}\n",
      ["8:58 error: increment_from must start with \"args.\", got \"amount\" (tools.t.rules[0].state.increment_from)"],
    ],
    [
      "a rate_limit that is not N/window is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: five per hour\n",
      ["6:21 error: rate_limit must be in the format \"N/window\" (e.g. \"5/hour\"), got \"five per hour\" (tools.t.rules[0].rate_limit)"],
    ],
    [
      "a rate_limit with a count that is not a positive integer is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: 0/hour\n",
      ["6:21 error: rate_limit count must be a positive integer, got \"0\" (tools.t.rules[0].rate_limit)"],
    ],
    [
      "a rate_limit with a bad window is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: 5/week\n",
      ["6:21 error: rate_limit window must be \"minute\", \"hour\", or \"day\", got \"week\" (tools.t.rules[0].rate_limit)"],
    ],
    [
      "rate_limit together with conditions is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: 5/hour\n        conditions:\n          - {path: args.a, op: exists, value: true}\n",
      ["6:21 error: rate_limit cannot be combined with conditions or state; use separate rules or the full syntax instead (tools.t.rules[0].rate_limit)"],
    ],
    [
      "rate_limit with action deny is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        action: deny\n        rate_limit: 5/hour\n",
      ["7:21 error: rate_limit cannot be used with action \"deny\" (tools.t.rules[0].rate_limit)"],
    ],
    [
      "an approval_timeout that is not a duration is refused",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        action: require_approval\n        approval_timeout: ten minutes\n",
      ["7:27 error: approval_timeout must be a positive duration such as \"10m\", \"30m\" or \"2h\", got \"ten minutes\" (tools.t.rules[0].approval_timeout)"],
    ],
    [
      "a value of the wrong shape is refused",
      "version: \"1\"\ntools:\n  t:\n    rules: deny\n",
      ["4:12 error: expected a list, got string \"deny\" (tools.t.rules)"],
    ],
    [
      "a duplicate key is refused with its position",
      "version: \"1\"\ntools:\n  t:\n    rules: []\n  t:\n    rules: []\n",
      ["5:3 error: duplicate key t in this map; each key may appear once (the proxy refuses the file)"],
    ],
    [
      "every duplicate key is refused at its own place, a number and its quoted text alike (as the proxy's Go reader compares them)",
      "version: \"1\"\ntools:\n  t:\n    rules: []\n  t:\n    rules: []\n  \"t\": {}\n  1: {}\n  \"1\": {}\n  \"a b\": {}\n  a b: {}\n",
      [
        "5:3 error: duplicate key t in this map; each key may appear once (the proxy refuses the file)",
        "7:3 error: duplicate key t in this map; each key may appear once (the proxy refuses the file)",
        "9:3 error: duplicate key 1 in this map; each key may appear once (the proxy refuses the file)",
        "11:3 error: duplicate key \"a b\" in this map; each key may appear once (the proxy refuses the file)",
      ],
    ],
    [
      "a duplicate key inside an anchored map is reported once, however often an alias repeats it",
      "version: \"1\"\ndefault: deny\ntools:\n  t: &r\n    rules: []\n    rules: []\n  u: *r\n  v: *r\n",
      ["6:5 error: duplicate key rules in this map; each key may appear once (the proxy refuses the file)"],
    ],
    [
      "broken YAML is refused with its position",
      "version: \"1\"\ntools: [unclosed\n",
      ["2:8 error: YAML syntax: this [ is never closed; add ] before the next key (or indent the lines that continue it)"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(findings(text)).toEqual(expected);
  });
});

describe("what the proxy accepts but is probably a mistake is a warning", () => {
  it.each<[string, string, string[]]>([
    [
      "an unknown key such as rate-limit is a warning naming the intended key",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        rate-limit: 5/hour\n        action: deny\n",
      ["6:9 warning: unknown key \"rate-limit\" is ignored by the proxy; did you mean \"rate_limit\"? (tools.t.rules[0].rate-limit)"],
    ],
    [
      "a tool the server does not expose is a warning",
      "version: \"1\"\ntools:\n  create_isue:\n    rules: []\n",
      ["3:3 warning: the server exposes no tool named \"create_isue\", so this entry never applies; did you mean \"create_issue\"? (tools.create_isue)"],
    ],
    [
      "a hidden tool the server does not expose is a warning",
      "version: \"1\"\nhide: [delete_everything]\n",
      ["2:8 warning: the server exposes no tool named \"delete_everything\", so this entry never applies (hide[0])"],
    ],
    [
      "a rule after an unconditional deny is a warning",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: no\n        action: deny\n      - name: cap\n        rate_limit: 5/hour\n",
      ["7:9 warning: this rule never runs: rules[0] denies every call to \"t\" before it (tools.t.rules[1])"],
    ],
    [
      "a hidden tool that also has rules is a warning",
      "version: \"1\"\nhide: [t]\ntools:\n  t:\n    rules:\n      - name: cap\n        rate_limit: 5/hour\n",
      ["4:3 warning: \"t\" is hidden, so its rules never run; remove it from hide or drop the rules (tools.t)"],
    ],
    [
      "a counter with no lt or lte condition is a warning",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: state.t.n, op: gte, value: 0}\n        state: {counter: n, window: hour}\n",
      ["8:16 warning: counter \"n\" limits nothing: the proxy only counts when a condition \"state.t.n\" uses lt or lte with a number (tools.t.rules[0].state)"],
    ],
    [
      "approval_timeout on a rule that asks for no approval is a warning",
      "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        action: deny\n        approval_timeout: 10m\n",
      ["7:27 warning: approval_timeout only applies to action \"require_approval\" and is ignored here (tools.t.rules[0].approval_timeout)"],
    ],
    [
      "only the first YAML document is read, with a warning",
      "version: \"1\"\n---\nversion: \"2\"\n",
      ["2:1 warning: only the first YAML document is read; the proxy ignores the 1 after it"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(findings(text, ["t", "create_issue"])).toEqual(expected);
  });
});

describe("policies the proxy loads but that never do what they say are warnings at their line", () => {
  it.each<[string, string, string[]]>([
    [
      "default deny with no tools key denies every call",
      "version: \"1\"\ndefault: deny\nhide: [x]\n",
      ['2:10 warning: default is "deny" and no tool is listed under tools, so the proxy denies every call; list the tools to allow under tools (with rules: [] for no rules) (default)'],
    ],
    [
      "default deny with an empty tools map denies every call",
      "version: \"1\"\ndefault: deny\ntools: {}\n",
      ['3:8 warning: default is "deny" and no tool is listed under tools, so the proxy denies every call; list the tools to allow under tools (with rules: [] for no rules) (tools)'],
    ],
    [
      "an empty tool key matches no tool",
      "version: \"1\"\ntools:\n  read:\n    rules: []\n  \"\":\n    rules:\n      - name: no\n        action: deny\n",
      ['5:3 warning: empty tool name: no tool has it, so these rules never apply; write the tool\'s exact name (tools[""])'],
    ],
    [
      "a tool key with spaces around it never matches, and the warning names the trimmed name",
      "version: \"1\"\ntools:\n  \" create_issue \":\n    rules:\n      - name: cap\n        rate_limit: 5/hour\n",
      ['3:3 warning: tool name " create_issue " has spaces around it, so it never matches a tool (names are matched exactly); did you mean "create_issue"? (tools[" create_issue "])'],
    ],
    [
      "a hide entry with spaces around it hides nothing",
      "version: \"1\"\nhide:\n  - \"delete_repo \"\n",
      ['3:5 warning: hide entry "delete_repo " has spaces around it, so it never matches a tool (names are matched exactly); did you mean "delete_repo"? (hide[0])'],
    ],
  ])("%s", (_name, text, expected) => {
    expect(findings(text)).toEqual(expected);
  });

  it("a tool the server really exposes with spaces in its name is not warned about", () => {
    expect(findings("version: \"1\"\ntools:\n  \" padded \":\n    rules: []\n", [" padded "])).toEqual([]);
  });
});

describe("a YAML mistake is reported where it is, not where the parser gave up", () => {
  it.each<[string, string, string[]]>([
    [
      "an unterminated double quote is reported where it opens",
      "version: \"1\"\ndescription: \"guard rails\ntools:\n  a:\n    rules: []\n  b:\n    rules: []\n",
      ['2:14 error: YAML syntax: this " quote is never closed, so the text runs on to the end of the file; add the closing "'],
    ],
    [
      "an unterminated single quote ending in an escaped quote is reported where it opens",
      "version: \"1\"\ntools:\n  a:\n    rules:\n      - name: 'it''s\n        action: deny\n",
      ["5:15 error: YAML syntax: this ' quote is never closed, so the text runs on to the end of the file; add the closing '"],
    ],
    [
      "a list where a map is expected is reported on the list's line",
      "version: \"1\"\ntools:\n  a:\n    rules:\n      - name: r\n        action: deny\n        on_deny:\n\n          # why\n          - 1\n",
      ["10:11 error: expected string, got array (tools.a.rules[0].on_deny)"],
    ],
    [
      "a map where a list is expected is reported on the map's line",
      "version: \"1\"\ntools:\n  a:\n    rules:\n      # one rule\n      name: r\n",
      ["6:7 error: expected a list, got a map (tools.a.rules)"],
    ],
    [
      "a map inside a flow list spanning lines is reported on its own line",
      "version: \"1\"\nhide: [\n  a,\n  {b: 1}\n]\n",
      ["4:3 error: expected string, got object (hide[1])"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(findings(text)).toEqual(expected);
  });

  it("a quote inside plain text or a comment is not taken for an opening", () => {
    expect(findings("version: \"1\"\n# it's fine\ntools:\n  a:\n    rules:\n      - name: it's mine\n        action: deny\n")).toEqual([]);
  });
});

describe("what the proxy accepts passes", () => {
  it.each<[string, string]>([
    ["an unquoted version 1 reads as the text \"1\"", `version: 1\ntools: {}\n`],
    ["a case-insensitive (?i) regex compiles as RE2", `version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.branch, op: regex, value: "(?i)^feat/[[:alnum:]]+$"}\n`],
    [
      "the proxy's own Stripe example",
      `version: "1"\ntools:\n  create_charge:\n    rules:\n      - name: "max single charge"\n        conditions:\n          - path: "args.amount"\n            op: "lte"\n            value: 50000\n      - name: "daily spend cap"\n        conditions:\n          - path: "state.create_charge.daily_spend"\n            op: "lte"\n            value: 1000000\n        state:\n          counter: "daily_spend"\n          window: "day"\n          increment_from: "args.amount"\n  "*":\n    rules:\n      - name: "global rate limit"\n        rate_limit: 60/minute\n`,
    ],
    ["a listed tool with no rules under default deny", `version: "1"\ndefault: deny\ntools:\n  read_file:\n    rules: []\n  write_file:\n`],
    ["a require_approval rule with a timeout", `version: "1"\ntools:\n  t:\n    rules:\n      - name: approve\n        action: require_approval\n        approval_timeout: 1h30m\n`],
  ])("%s", (_name, text) => {
    expect(findings(text)).toEqual([]);
  });

  it("reports every error in the file, not only the first", () => {
    const text = `version: "2"\ndefault: nope\ntools:\n  t:\n    rules:\n      - action: deny\n      - name: r\n        rate_limit: 5/week\n`;
    expect(findings(text)).toEqual([
      '1:10 error: version must be "1", got "2" (version)',
      '2:10 error: default must be "allow" or "deny", got "nope" (default)',
      '6:9 error: rule must have a name; add name: "<what this rule is for>" (tools.t.rules[0])',
      '7:9 warning: this rule never runs: rules[0] denies every call to "t" before it (tools.t.rules[1])',
      '8:21 error: rate_limit window must be "minute", "hour", or "day", got "week" (tools.t.rules[1].rate_limit)',
    ]);
  });

  it("validates a policy object too, naming places without line and column", () => {
    const result = validatePolicy({ version: "1", tools: { t: { rules: [{ rate_limit: "5/hour" }] } } });
    expect(result.valid).toBe(false);
    expect(result.findings).toEqual([
      { severity: "error", path: "tools.t.rules[0]", message: 'rule must have a name; add name: "<what this rule is for>"' },
    ]);
  });
});
