/**
 * Decides the risk: the usual risk of the category, moved one level only for
 * a stated reason (riskAdjustments), then toward a conflicting annotation
 * (never down), then raised to High by hidden instructions.
 */
import { capText, quote, words } from "./bounded-text.ts";
import type { CategoryDecision } from "./decide-category.ts";
import type { Evidence } from "./gather-evidence.ts";
import { describeHints, type ExplicitHints } from "./read-annotations.ts";
import { readLaterEffects } from "./later-effects.ts";
import { objectRules, phraseRules, riskAdjustments, usualRisks, type AdjustmentId, type DomainName } from "./rules.ts";
import { objectKinds } from "./read-words.ts";
import { splitName } from "./split-name.ts";
import { bulkPhraseRemoves, containerTypeValue, emptyingActionValue, removingWords, stateSelector } from "./unbounded-removal.ts";
import type { PropertyInfo } from "./read-schema.ts";
import type { Category, Risk, Signal } from "./verdict-schema.ts";
import { risks } from "./verdict-words.ts";

export interface AppliedAdjustment {
  id: AdjustmentId;
  /** The rationale's sentence for it. */
  sentence: string;
}

export interface AnnotationConflict {
  /** The hints that disagree, as sent. */
  hints: string;
  /** What the tool does, per its name and description. */
  against: string;
  /** Whether the risk moved toward the annotation. */
  moved: boolean;
}

export interface RiskDecision {
  risk: Risk;
  usual: Risk;
  adjustments: AppliedAdjustment[];
  conflict?: AnnotationConflict;
  /** The hidden-instruction floor raised the risk. */
  raisedByHiddenInstructions: boolean;
  signals: Signal[];
}

const level = (r: Risk) => risks.indexOf(r);
const atLevel = (n: number): Risk => risks[Math.max(0, Math.min(risks.length - 1, n))] as Risk;

const hostWords = new Set(["shell", "terminal", "bash", "zsh", "powershell", "cmd", "command", "commands", "process", "subprocess"]);
const sandboxWords = new Set(["browser", "page", "pod", "container", "sandbox", "sandboxed", "tab", "frame"]);
/** Verbs that only add: a destructiveHint on one of them contradicts what it does. */
const additiveVerbs: ReadonlySet<string> = new Set(["create", "add", "new", "insert", "append", "post", "register"]);
const adminWords = ["admin", "admins", "administrator", "owner", "owners", "superuser", "root"];
const orgWords = ["organization", "organisation", "org", "account", "workspace", "tenant", "enterprise", "system", "instance"];
/** Name words that say a deletion has no bound (a `bulk_delete` of named ids is bounded). */
const unboundedNameWords = new Set(["all", "everything", "many", "mass"]);
/** Name words that say how many, not what: `connect_all` is a bare `connect`. */
const quantifierWords: ReadonlySet<string> = new Set(["all", "both", "each", "every", "everything"]);
const sandboxPhrases = phraseRules.filter((r) => r.trait === "sandboxed").flatMap((r) => r.phrases);

function describesSandbox(text: string | undefined): boolean {
  const tokens = ` ${words(capText(text ?? "", 300)).join(" ")} `;
  return sandboxPhrases.some((p) => tokens.includes(` ${p} `));
}

/** Verbs that set a default for the calls that follow. */
const defaultSettingVerbs: ReadonlySet<string> = new Set(["set", "switch", "select", "use", "choose", "configure", "change"]);
/** Phrases that confine a setting to the agent's own session ("subsequent" alone: calls, interactions, requests, whatever comes later in it). */
const sessionScopePhrases = ["for this session", "for the current session", "in this session", "for the session", "subsequent", "later calls"];

/** Where a moved item can be restored from. */
const trashWords: ReadonlySet<string> = new Set(["trash", "bin", "spam", "junk"]);

/** Words that are sensitive only on servers of a domain (messages on a mail server), for the domains given. */
const sensitiveByDomain = new Map<DomainName, ReadonlySet<string>>();
for (const rule of objectRules) {
  if (rule.kind !== "sensitive" || rule.domain === undefined) continue;
  sensitiveByDomain.set(rule.domain, new Set([...(sensitiveByDomain.get(rule.domain) ?? []), ...rule.words]));
}

function isDomainSensitive(word: string, domains: ReadonlySet<DomainName>): boolean {
  for (const domain of domains) if (sensitiveByDomain.get(domain)?.has(word)) return true;
  return false;
}

/**
 * General-purpose languages whose code, run by the server, can do anything the
 * host allows. JavaScript alone is left out: it as often runs in a page or a
 * site's visitors' browsers; Node, Deno and Bun say the host.
 */
const generalLanguages: ReadonlySet<string> = new Set(["python", "python3", "node", "nodejs", "ruby", "perl", "php", "bash", "sh", "zsh", "powershell", "deno", "bun", "lua", "julia"]);

/**
 * A code parameter in a general-purpose language that the server runs itself
 * (`execute_python` with `code`): unrestricted code on the host. Undefined
 * when no code parameter is taken or no such language is named.
 */
function hostCode(evidence: Evidence): { parameter: string; language: string } | undefined {
  const code = evidence.parameters.findings.find((f) => f.kind === "code");
  if (code === undefined || evidence.domain.domains.has("database")) return undefined;
  const texts = [...evidence.nameReading.words, ...words(capText(evidence.description ?? "", 300)), ...words(capText(code.property.description ?? "", 200))];
  const language = texts.find((w) => generalLanguages.has(w));
  return language === undefined ? undefined : { parameter: code.name, language };
}

/** Name words of a read that returns no records: a count, a schema, a type or field definition. */
const recordlessWords: ReadonlySet<string> = new Set(["count", "counts", "total", "totals", "number", "schema", "schemas", "type", "types", "definition", "definitions", "template", "templates", "format", "formats", "field", "fields", "property", "properties"]);

/** Verbs that return what a file holds, not only its name or size. */
const contentVerbs: ReadonlySet<string> = new Set(["read", "get", "cat", "view", "tail", "head", "search", "grep", "show", "fetch", "load", "open", "print"]);
/** Name words of a read that returns no contents (a listing, a file's size or existence). */
const metadataWords: ReadonlySet<string> = new Set(["list", "info", "stat", "stats", "metadata", "exists", "size", "tree", "directory", "directories", "dir", "folder", "folders"]);
/** Words that say a path is one on the machine the server runs on. */
const hostPathWords: ReadonlySet<string> = new Set(["absolute", "relative", "local", "filesystem", "disk", "host", "cwd", "home"]);
const hostPathPhrases = ["file system", "working directory", "home directory", "local file", "local path", "on disk", "from disk", "on the host", "on the machine"];
/** Local search programs: a tool built on one searches the files of the machine it runs on. */
const localSearchWords: ReadonlySet<string> = new Set(["ripgrep", "rg", "grep", "ag", "ack"]);
/** Phrases that confine a path to directories the user allowed. */
const confinedPhrases = ["allowed directories", "allowed directory", "allowed paths", "allowed roots", "within the workspace", "inside the workspace", "workspace root", "project root", "within the project", "sandbox", "sandboxed"];

/**
 * The name of a path parameter through which a read returns any file on the
 * host (`get_source_context` with "an absolute path or one relative to your
 * working directory"), or undefined when the read returns no contents, the
 * path is not said to be on the host, or it is confined to allowed directories.
 */
function hostFilePath(evidence: Evidence): string | undefined {
  const { nameReading: name, descriptionReading: desc, parameters } = evidence;
  if (!parameters.findings.some((f) => f.kind === "path")) return undefined;
  const verbWord = name.verb?.rule.verbs.includes("read") ? (name.verb.word ?? "") : "";
  const reads = [verbWord, desc?.verb?.word ?? ""].some((w) => contentVerbs.has(w.replace(/s$/, "")));
  if (!reads || name.words.some((w) => metadataWords.has(w)) || name.traits.has("inspects-input")) return undefined;
  const description = ` ${words(capText(evidence.description ?? "", 600)).join(" ")} `;
  if (confinedPhrases.some((p) => description.includes(` ${p} `))) return undefined;
  for (const finding of parameters.findings) {
    if (finding.kind !== "path") continue;
    const text = ` ${words(capText(finding.property.description ?? "", 300)).join(" ")} `;
    if (confinedPhrases.some((p) => text.includes(` ${p} `))) return undefined;
    // The path must name a file to read, not the repository or folder the call works in.
    // `read_file` with `path: "Absolute path"`: the tool's own name says the path names a file.
    const namesFile = [...splitName(finding.property.name), ...text.split(" "), ...name.words].some((w) => w === "file" || w === "files");
    if (!namesFile || text.includes(" repository ") || text.includes(" repo ")) continue;
    const onHost =
      text.split(" ").some((w) => hostPathWords.has(w)) ||
      hostPathPhrases.some((p) => text.includes(` ${p} `) || description.includes(` ${p} `)) ||
      [...name.words, ...description.split(" ")].some((w) => localSearchWords.has(w));
    if (onHost) return finding.name;
  }
  return undefined;
}

/**
 * Parameters whose values choose what a read fetches: an action, or the kind
 * of record. A bare `type` or `kind` is left out: it is as often a filter on
 * the records listed (projects of type "secret-scanning").
 */
const selectorNames: ReadonlySet<string> = new Set(["action", "operation", "op", "entity", "entity type", "resource type", "object type", "record type"]);

/**
 * A value of a selector that names a sensitive record (`entity: user`,
 * `action: listUsers`): a read that can fetch people's records or secrets.
 * Only the value's last word counts (`user_settings` are settings).
 */
function sensitiveChoice(evidence: Evidence): { parameter: string; value: string } | undefined {
  for (const property of evidence.schema.properties) {
    if (property.enumValues.length === 0 || !selectorNames.has(splitName(property.name).join(" "))) continue;
    for (const value of property.enumValues) {
      const valueWords = splitName(value);
      const head = valueWords[valueWords.length - 1];
      const sensitive = objectKinds(valueWords, evidence.domain.domains, true).get("sensitive");
      if (sensitive !== undefined && sensitive.split(" ").pop() === head) return { parameter: quote(property.name, 40), value: quote(value, 40) };
    }
  }
  return undefined;
}

export function usualRisk(category: Category): Risk {
  return usualRisks.find((u) => u.category === category)?.risk ?? "Medium";
}

/**
 * The risk the server's explicit hints claim when they contradict the
 * category (readOnlyHint on a write, destructiveHint on a read), else
 * undefined. Absent hints claim nothing.
 */
export function riskTheHintsClaim(hints: ExplicitHints, category: Category, additive = false): Risk | undefined {
  if (hints.readOnlyHint === true && category !== "Read") return "Low";
  // destructiveHint on an update or overwrite matches "not only additive"; on a purely additive create it claims more.
  if (additive && hints.readOnlyHint !== true && hints.destructiveHint === true && category === "Write") return "High";
  if (hints.readOnlyHint !== true && hints.destructiveHint === true && category === "Read") return "High";
  if (hints.readOnlyHint !== true && hints.destructiveHint === false && category === "Destructive") return "Medium";
  return undefined;
}

export function decideRisk(evidence: Evidence, decision: CategoryDecision): RiskDecision {
  const { category } = decision;
  const { nameReading: name, descriptionReading: desc, parameters, hints, domain } = evidence;
  const signals: Signal[] = [];
  const routerTraits = desc?.routerAction?.category === category ? desc.routerAction.traits : [];
  const actionDecided = decision.deciding.some((c) => c.source === "parameters" && c.phrase.includes("parameter's action"));
  const actionTraits = actionDecided && parameters.action?.category === category ? parameters.action.traits : [];
  // A bare verb (`move`) says no more than its verb; the description leading with the same verb says what it moves ("Move a task").
  const bareNameVerb = name.verb !== undefined && name.objects.length === 0 && desc?.verb?.rule === name.verb.rule;
  const traits = new Set([...(bareNameVerb ? [] : name.traits), ...(evidence.titleReading?.traits ?? []), ...(desc?.traits ?? []), ...routerTraits, ...actionTraits]);
  const nameWords = new Set(name.words);
  const findings = (kind: string) => parameters.findings.filter((f) => f.kind === kind);
  const usual = usualRisk(category);
  const applied: AppliedAdjustment[] = [];
  const apply = (id: AdjustmentId, sentence: string, source: Signal["source"], evidenceText: string) => {
    if (applied.some((a) => a.id === id)) return;
    const adjustment = riskAdjustments.find((a) => a.id === id);
    if (!adjustment || adjustment.category !== category) return;
    applied.push({ id, sentence });
    signals.push({ source, evidence: evidenceText, effect: `${adjustment.to === "Low" ? "lowers" : "raises"} risk to ${adjustment.to}` });
  };

  // Any kind of resource of a cluster: Secrets to read, namespaces to delete.
  const openKind = findings("resource-kind")[0];
  const clusterWords = ["kubernetes", "k8s", "kubectl", "cluster", "pod", "pods", "namespace"];
  const onCluster = [...name.words, ...(desc?.objects ?? []), ...words(capText(evidence.description ?? "", 300)), ...evidence.domain.evidence.values()].some((w) => clusterWords.includes(w));
  // Logs, events and metrics of a resource are not its contents.
  const readsContents = !name.words.some((w) => ["log", "logs", "events", "metrics", "top"].includes(w)) && !name.traits.has("inspects-input");
  if (openKind && onCluster && category === "Read" && readsContents) apply("open-kind-read", riskAdjustments.find((a) => a.id === "open-kind-read")?.explanation ?? "", "parameters", `'${openKind.name}'`);
  if (openKind && onCluster && category === "Destructive") apply("open-kind-delete", riskAdjustments.find((a) => a.id === "open-kind-delete")?.explanation ?? "", "parameters", `'${openKind.name}'`);
  if (decision.openApi) {
    const id = category === "Read" ? "open-api-read" : category === "Write" ? "open-api-write" : "open-api-delete";
    const sentence = riskAdjustments.find((a) => a.id === id)?.explanation ?? "";
    apply(id, sentence, "parameters", "any path of the API");
  }
  if (category === "Read" && decision.readOnlyQuery && findings("command").length > 0) {
    const command = findings("command")[0]!;
    apply("allowlisted-commands", `Its '${command.name}' runs only read-only commands, and says so, but those can read any file the account can: Medium.`, "parameters", `'${command.name}'`);
  }
  if (category === "Write" && decision.savedToDisk) {
    apply("saved-to-disk", "It reads, and can save what it read to a file that outlives the call: Medium.", "parameters", "a path to save to");
  }
  if (category === "Read") {
    // On a mail server the description's object speaks for a name with the same verb
    // (`search_by_subject`: "Search messages by subject"); elsewhere "the current user" in a
    // description is whose view is read, not what is read.
    const sameAction = desc?.verb !== undefined && name.verb !== undefined && desc.verb.rule === name.verb.rule;
    const descWord = sameAction ? desc?.kinds.get("sensitive") : undefined;
    const word = name.kinds.get("sensitive") ?? evidence.titleReading?.kinds.get("sensitive") ?? (descWord !== undefined && isDomainSensitive(descWord, domain.domains) ? descWord : undefined);
    const phrase = desc?.phrases.get("sensitive");
    // A preview, validation or format reads only what it is given: its object is no sensitive record.
    // A count, a schema or a type definition returns no records, whatever its name or description mentions.
    const recordless = name.words.some((w) => recordlessWords.has(w));
    if (word !== undefined && !name.traits.has("inspects-input") && !recordless) apply("sensitive-read", `What it reads is sensitive ('${quote(word, 30)}'): Medium.`, "name", `'${quote(word, 30)}'`);
    else if (phrase !== undefined && !recordless) apply("sensitive-read", `What it reads is sensitive ('${phrase}'): Medium.`, "description", `'${phrase}'`);
    const choice = sensitiveChoice(evidence);
    if (choice !== undefined) apply("sensitive-read", `One of the things its '${choice.parameter}' can fetch is sensitive ('${choice.value}'): Medium.`, "parameters", `'${choice.parameter}' allows '${choice.value}'`);
    const hostPath = hostFilePath(evidence);
    if (hostPath !== undefined) apply("host-file-read", `It returns the contents of any file on the host its '${hostPath}' names: Medium.`, "parameters", `'${hostPath}'`);
  }

  if (category === "Write") {
    // "Composes and sends an email": a draft verb whose description also sends is no draft.
    const sendsToo = traits.has("unsent") && /\b(?:and|then)\s+(?:sends?|delivers?)\b/i.test(capText(evidence.description ?? "", 300).split(/(?<=[.!?])\s/)[0] ?? "");
    const internal = traits.has("internal-report") || (traits.has("unsent") && !sendsToo);
    if (sendsToo) apply("external-send", "It composes and then sends what it composed: High.", "description", "'and sends'");
    const recipient = findings("recipient")[0];
    if (!internal && traits.has("external-send")) {
      const what = desc?.phrases.get("external-send") ?? name.verb?.word ?? "send";
      apply("external-send", `It sends or publishes to people outside the user's own systems ('${quote(what, 30)}'): High.`, desc?.phrases.has("external-send") ? "description" : "name", `'${quote(what, 30)}'`);
    } else if (!internal && recipient) {
      apply("external-send", `It takes a recipient ('${recipient.name}'), so what it creates reaches other people: High.`, "parameters", `'${recipient.name}'`);
    } else if (!internal && findings("attendee-notice")[0] !== undefined) {
      const notice = findings("attendee-notice")[0]!;
      apply("external-send", `Its '${notice.name}' can notify the event's attendees, who may be outside the organisation: High.`, "parameters", `'${notice.name}'`);
    }
    if (traits.has("access-change")) {
      // Admin or owner rights over a whole organisation, account or workspace are the Critical row's own trigger.
      // "Grant admin access on the organization to a user": the whole first sentence says over what.
      const firstSentence = words(capText(evidence.description ?? "", 300).split(/(?<=[.!?])\s/)[0] ?? "");
      const texts = ` ${[...name.words, ...(evidence.titleReading?.words ?? []), ...(desc?.objects ?? [])].join(" ")} `;
      const adminWord = adminWords.find((w) => texts.includes(` ${w} `));
      const orgWord = orgWords.find((w) => texts.includes(` ${w} `)) ?? (adminWord !== undefined ? orgWords.find((w) => firstSentence.includes(w)) : undefined);
      if (adminWord !== undefined && orgWord !== undefined) {
        apply("admin-grant", `It grants ${adminWord} rights over a whole ${orgWord}: Critical.`, "name", `'${adminWord}', '${orgWord}'`);
      }
      const what = desc?.phrases.get("access-change") ?? name.kinds.get("access") ?? name.verb?.word ?? "access";
      apply("access-change", `It changes who has access ('${quote(what, 30)}'): High.`, name.kinds.has("access") || !desc?.phrases.has("access-change") ? "name" : "description", `'${quote(what, 30)}'`);
    }
    // "Move a message to the trash": a trashed item can be restored, and nobody relies on where it was.
    const moves = name.verb?.word === "move" || name.verb?.word === "trash" || desc?.verb?.word === "move" || desc?.verb?.word === "moves";
    const toTrash = () => [...name.words, ...(desc?.objects ?? []), ...words(capText(evidence.description ?? "", 120))].some((w) => trashWords.has(w));
    // "Never overwrites an existing file": a write verb that says it only creates.
    const neverOverwrites = /\b(?:never|not|won't|doesn't|does not|without)\s+(?:\w+\s+)?overwrit/i.test(capText(evidence.description ?? "", 600));
    if (traits.has("overwrite") && !(moves && toTrash()) && !neverOverwrites) {
      const phrase = desc?.phrases.get("overwrite");
      const what = phrase ?? name.verb?.word ?? "overwrite";
      apply("overwrite", `It overwrites or moves existing data ('${quote(what, 30)}'): High.`, phrase !== undefined ? "description" : "name", `'${quote(what, 30)}'`);
    }
    // "Replaces an existing file at that path", "fields you leave out are removed": said after the opening words.
    const loses = readLaterEffects(evidence.description).loses;
    if (loses !== undefined && !traits.has("overwrite")) apply("overwrite", `Its description says existing data is replaced or lost ('${quote(loses, 40)}'): High.`, "description", `'${quote(loses, 40)}'`);
    // A force switch on a write skips its safeguards: it replaces what is there ("force" on an apply or a push).
    const switchParameter = findings("overwrite-switch")[0] ?? findings("scale-switch").find((f) => splitName(f.property.name).includes("force"));
    if (switchParameter) {
      apply("overwrite", `Its switch '${switchParameter.name}' deletes or replaces existing data: High.`, "parameters", `'${switchParameter.name}'`);
    }
    if (traits.has("service-affecting") && !traits.has("session-only")) {
      const what = name.verb?.word ?? desc?.verb?.word ?? "stop";
      apply("service-affecting", `It stops, pauses or restarts something others rely on ('${quote(what, 30)}'): High.`, "name", `'${quote(what, 30)}'`);
    }
    if (traits.has("third-party-install")) {
      const what = name.kinds.get("extension") ?? desc?.kinds.get("extension") ?? "extension";
      apply("third-party-install", `It installs third-party code into a service ('${quote(what, 30)}'): High.`, "name", `'${quote(what, 30)}'`);
    }
    // Opening a tab at a URL navigates (Medium); only a change that stays in the session is Low.
    // The name says what stays in the session; the description's own wording only when the name has no verb,
    // or when the name's verb is bare and the description leads with the same verb and names its object
    // (`disconnect`: "Disconnect from current Redis instance").
    const bareVerb = name.objects.every((w) => quantifierWords.has(w));
    // So does a name whose objects name no kind of thing (`open_drawio_csv`: "Opens the draw.io editor with a diagram").
    const bareVerbExplained = name.verb !== undefined && (bareVerb || name.kinds.size === 0) && desc?.verb?.rule === name.verb.rule && desc.traits.has("session-only");
    // "Set the active project for this session", "used for subsequent calls": a default of the agent's own session.
    const sessionDefault = name.verb !== undefined && defaultSettingVerbs.has(name.verb.word) && sessionScopePhrases.some((p) => ` ${words(capText(evidence.description ?? "", 300)).join(" ")} `.includes(` ${p} `));
    const sessionOnly = name.verb !== undefined ? name.traits.has("session-only") || bareVerbExplained || sessionDefault || (evidence.titleReading?.traits.has("session-only") ?? false) || [...routerTraits, ...actionTraits].includes("session-only") : traits.has("session-only");
    // A connection's URL says where to connect, not a page to navigate to.
    const connecting = name.kinds.has("connection") || (bareVerbExplained && desc?.kinds.has("connection") === true);
    if (applied.length === 0 && sessionOnly && (connecting || findings("url").length === 0)) {
      const what = name.verb?.word ?? evidence.titleReading?.verb?.word ?? desc?.verb?.word ?? "session";
      apply("session-only", `Its effect stays in the agent's own browser or session and ends with it ('${quote(what, 30)}'): Low.`, "name", `'${quote(what, 30)}'`);
    }
  }

  if (category === "Execute") {
    // The description's own words come first: "in the page" confines, "in the server process" does not.
    const saysSandboxed = traits.has("sandboxed");
    const phrase = desc?.phrases.get("host-execution");
    const sandboxed = domain.domains.has("browser") || [...nameWords].some((w) => sandboxWords.has(w));
    // A router's `command` names a sub command; a command "to run in the container" runs in the container.
    const command = traits.has("router") ? undefined : findings("command").find((f) => !describesSandbox(f.property.description));
    const containedCommand = findings("command").find((f) => describesSandbox(f.property.description));
    const hostWord = [...nameWords].find((w) => hostWords.has(w));
    if (saysSandboxed || (phrase === undefined && sandboxed)) {
      signals.push({ source: "description", evidence: `'${desc?.phrases.get("sandboxed") ?? "browser or container"}'`, effect: "runs in a page or container, not on the host: stays High" });
    } else if (phrase !== undefined) {
      apply("host-execution", `It runs shell commands or unrestricted code on the host ('${phrase}'): Critical.`, "description", `'${phrase}'`);
    } else if (containedCommand && !command) {
      signals.push({ source: "parameters", evidence: `'${containedCommand.name}'`, effect: "a command to run in a container, not on the host: stays High" });
    } else if (traits.has("router")) {
      signals.push({ source: "description", evidence: "'command router'", effect: "its 'command' names a sub command, not a shell command: stays High" });
    } else if (command) {
      apply("host-execution", `Its '${command.name}' parameter takes a command for the server to run, and nothing confines it to a page or container: Critical.`, "parameters", `'${command.name}'`);
    } else if (hostCode(evidence) !== undefined) {
      const { parameter, language } = hostCode(evidence)!;
      apply("host-execution", `Its '${parameter}' parameter takes ${language} code for the server to run, and nothing confines it to a page, sandbox or container: Critical.`, "parameters", `'${parameter}'`);
    } else if (hostWord !== undefined) {
      apply("host-execution", `Its name ('${hostWord}') points at a shell or process on the host, which runs what it is given: Critical.`, "name", `'${hostWord}'`);
    } else if (domain.domains.has("shell")) {
      const word = domain.evidence.get("shell") ?? "shell";
      apply("host-execution", `It runs on a shell server ('${word}'), on the host: Critical.`, "server", `'${word}'`);
    }
  }

  if (category === "Destructive") {
    // "content type" ends at the head "type": a compound container counts as the head.
    const endsAt = (compound: string | undefined, head: string | undefined) => compound !== undefined && head !== undefined && compound.split(" ").pop() === head;
    const head = endsAt(name.kinds.get("container"), name.head) ? name.kinds.get("container") : undefined;
    const descHead = endsAt(desc?.kinds.get("container"), desc?.head) ? desc?.kinds.get("container") : undefined;
    const containerWord = head ?? descHead;
    const actionContainer = parameters.action?.category === "Destructive" ? name.kinds.get("container") : undefined;
    // Unbounded sets only: a list of ids the caller names, or cascade on one object, stays High.
    // A dispatcher's filter serves its list and search actions: it picks what a deletion removes only when it says so.
    const removesByFilter = (f: { property: PropertyInfo }) => !actionDecided || words(capText(f.property.description ?? "", 300)).some((w) => removingWords.has(w));
    const filter = [...findings("filter"), ...findings("query")].find(removesByFilter);
    const switchParameter = findings("scale-switch").find((f) => !["force", "cascade"].some((w) => splitName(f.property.name).includes(w)));
    const bulkWord = name.words.find((w) => unboundedNameWords.has(w));
    // "Manage tags: list all tags, create a new tag, delete a tag": the "all" belongs to the listing.
    const bulkPhrase = desc?.phrases.get("bulk") !== undefined && bulkPhraseRemoves(evidence.description) ? desc?.phrases.get("bulk") : undefined;
    if (switchParameter) apply("bulk-deletion", `Its '${switchParameter.name}' switch lets one call remove an unbounded set: Critical.`, "parameters", `'${switchParameter.name}'`);
    else if (bulkWord !== undefined) apply("bulk-deletion", `Its name says it removes everything of a kind ('${bulkWord}'): Critical.`, "name", `'${bulkWord}'`);
    else if (bulkPhrase !== undefined) apply("bulk-deletion", `Its description says it removes an unbounded set ('${bulkPhrase}'): Critical.`, "description", `'${bulkPhrase}'`);
    else if (filter) apply("bulk-deletion", `It removes whatever its filter '${filter.name}' matches, an unbounded set: Critical.`, "parameters", `'${filter.name}'`);
    else {
      const actionProperties = findings("action").map((f) => f.property);
      const emptying = emptyingActionValue(actionProperties);
      const byState = parameters.deletingValue === undefined ? stateSelector(evidence.schema.properties) : undefined;
      if (emptying !== undefined) apply("bulk-deletion", `Its action '${quote(emptying, 30)}' empties a whole set, no item named: Critical.`, "parameters", `'${quote(emptying, 30)}'`);
      else if (byState !== undefined) apply("bulk-deletion", `It removes whatever is in the state its '${quote(byState.name, 30)}' picks, an unbounded set: Critical.`, "parameters", `'${quote(byState.name, 30)}'`);
    }
    // A type choice names what is removed only when no action choice says what the call does.
    const container = containerWord ?? actionContainer ?? (parameters.action === undefined ? containerTypeValue(evidence.schema.properties, domain.domains) : undefined);
    if (container !== undefined) {
      apply("container-deletion", `It removes a whole ${quote(container, 30)}, with everything in it: Critical.`, head !== undefined || actionContainer !== undefined ? "name" : "description", `'${quote(container, 30)}'`);
    }
  }

  const first = applied[0];
  let risk: Risk = first ? (riskAdjustments.find((a) => a.id === first.id)?.to ?? usual) : usual;

  let conflict: AnnotationConflict | undefined;
  const decidedByHints = decision.deciding.every((c) => c.source === "annotations");
  // Saving a read's result to a file is no change the name or description states: the hints do not conflict.
  if (!decidedByHints && !decision.savedToDisk) {
    const additive = name.verb !== undefined && additiveVerbs.has(name.verb.word) && !traits.has("overwrite") && applied.length === 0;
    const annotationRisk = riskTheHintsClaim(hints, category, additive);
    if (annotationRisk !== undefined) {
      const moved = level(annotationRisk) > level(risk);
      if (moved) risk = atLevel(level(risk) + 1);
      const against = decision.deciding[0]?.phrase ?? "what it does";
      conflict = { hints: describeHints(hints), against, moved };
      signals.push({
        source: "annotations",
        evidence: describeHints(hints),
        effect: `contradicts ${quote(against, 70)}: ${moved ? `risk moves one level toward the annotation, to ${risk}` : "the category follows what the tool does"}`,
      });
    }
  }

  let raisedByHiddenInstructions = false;
  if (evidence.hidden.length > 0 && level(risk) < level("High")) {
    risk = "High";
    raisedByHiddenInstructions = true;
  }
  const result: RiskDecision = { risk, usual, adjustments: applied, raisedByHiddenInstructions, signals };
  if (conflict) result.conflict = conflict;
  return result;
}
