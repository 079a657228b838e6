/**
 * Decides the category: every source proposes one, the most consequential
 * wins (Financial > Destructive > Execute > Write > Read), with the
 * standard's exception that a read-only query language stays Read.
 */
import { capText, quote, words as textWords } from "./bounded-text.ts";
import type { Evidence } from "./gather-evidence.ts";
import { categoryFromHints, hintPhrase } from "./read-annotations.ts";
import { isQueryLanguage } from "./read-parameters.ts";
import type { NameReading } from "./read-name.ts";
import { readLaterEffects } from "./later-effects.ts";
import { categoryOrder, computingVerbs, dispatcherVerbs, httpMethodRules, nominalEnds, nounLikeVerbs, producingVerbs, returnedDataNouns, runWords } from "./rules.ts";

const textWordsOf = (text: string | undefined) => textWords(capText(text ?? "", 400));
import { stems } from "./read-words.ts";
import type { Category, Signal } from "./verdict-schema.ts";

export type CandidateSource = "name" | "title" | "description" | "parameters" | "annotations" | "default";

export interface Candidate {
  source: CandidateSource;
  category: Category;
  /** How the rationale names this evidence: "the name's verb 'delete'". */
  phrase: string;
  /** Kept out of the decision: corroboration only, or demoted. */
  weak?: boolean;
  /** The verb word behind a name or title candidate. */
  verb?: string;
}

export interface CategoryDecision {
  category: Category;
  candidates: Candidate[];
  /** The candidates that decided (all with the final category, strong first). */
  deciding: Candidate[];
  /** The description says read-only and the query language is read-only: Execute evidence became Read. */
  readOnlyQuery: boolean;
  /** A read became Write only because it also saves its result to a file (not an annotation conflict). */
  savedToDisk: boolean;
  /** The tool reaches any path of a service's API by an HTTP method: it takes that method's widest reach. */
  openApi: boolean;
  /** The name and the description disagree on whether the tool changes anything. */
  textConflict: boolean;
  signals: Signal[];
}

const rank = (c: Category) => categoryOrder.indexOf(c);
/** Verbs that make a new thing from what they are given: what they make may be kept, like what is generated. */
const transformingVerbs: ReadonlySet<string> = new Set(["convert", "transform", "render"]);

function namePhrase(owner: "name" | "title", reading: NameReading): string {
  const verb = reading.verb?.word ?? "";
  if (reading.decidingObject !== undefined) return `the ${owner}'s words '${quote(verb, 30)}' and '${quote(reading.decidingObject, 30)}'`;
  if (reading.joinedVerb !== undefined) return `the ${owner}'s verb '${quote(reading.joinedVerb, 30)}'`;
  return `the ${owner}'s verb '${quote(verb, 30)}'`;
}

export function decideCategory(evidence: Evidence): CategoryDecision {
  const candidates: Candidate[] = [];
  const signals: Signal[] = [];
  const { nameReading, titleReading, descriptionReading: desc, parameters, hints } = evidence;

  const textCandidate = (owner: "name" | "title", reading: NameReading): Candidate | undefined => {
    if (reading.category === undefined) return undefined;
    const phrase = namePhrase(owner, reading);
    const candidate: Candidate = { source: owner, category: reading.category, phrase, ...(reading.verb ? { verb: reading.verb.word } : {}) };
    signals.push({ source: owner, evidence: phrase.replace(`the ${owner}'s `, ""), effect: `suggests ${reading.category}` });
    return candidate;
  };
  // A name that does not lead with its verb is a label (`extension_cli_install`); a title that leads with one says what the tool does.
  const titleLeads = titleReading?.verb?.index === 0 && titleReading.category !== undefined;
  const fromName = nameReading.verb !== undefined && !nameReading.leads && titleLeads ? undefined : textCandidate("name", nameReading);
  if (fromName) candidates.push(fromName);
  else {
    signals.push({
      source: "name",
      evidence: nameReading.words.length > 0 ? `words '${quote(nameReading.words.join(" "), 60)}'` : "no words",
      effect: nameReading.verb !== undefined ? `a label, not led by its verb '${quote(nameReading.verb.word, 30)}': the title says what it does` : "no known verb: the name alone says nothing",
    });
    // A title is a label unless it leads with its verb ("Optimize Multi-Stop Route" stops nothing).
    const fromTitle = titleReading && titleReading.verb?.index === 0 ? textCandidate("title", titleReading) : undefined;
    if (fromTitle) candidates.push(fromTitle);
  }

  // A bare verb (`add`) is ambiguous: when the description leads with the same verb, its object says what it acts on.
  // So does the description's object when it settles the same verb differently ("Removes the relation between issues").
  const sameVerbSettled = desc?.decidingObject !== undefined && desc.category !== nameReading.category && nameReading.decidingObject === undefined;
  if (fromName && (nameReading.objects.length === 0 || sameVerbSettled) && desc?.verb?.rule === nameReading.verb?.rule && desc?.category !== undefined) {
    fromName.category = desc.category;
    const last = signals.find((sig) => sig.source === "name" && sig.effect.startsWith("suggests"));
    if (last) last.effect = `a bare verb; the description's object says it is ${desc.category}`;
  }

  if (desc?.verb && desc.category !== undefined) {
    const phrase =
      desc.chineseVerb !== undefined
        ? `the description's verb '${quote(desc.chineseVerb, 10)}' (${desc.verb.word})`
        : desc.decidingObject !== undefined
          ? `the description's words '${quote(desc.verb.word, 30)}' and '${quote(desc.decidingObject, 30)}'`
          : `the description's verb '${quote(desc.verb.word, 30)}'`;
    // "Run a find query" with a structured filter reads: only query text in a language runs.
    const runsAQuery = desc.category === "Execute" && (desc.head === "query" || desc.head === "queries");
    const takesQueryText = parameters.findings.some((f) => f.kind === "sql" || f.kind === "code" || f.kind === "command" || (f.kind === "query" && isQueryLanguage(f.property, desc.traits.has("query-language"), nameReading.words, evidence.domain.domains)));
    // "Invoice items." under `ListInvoiceItems`: a description opening with a word that is as often a noun
    // does not overrule a name that acts by a plain verb.
    const nounLikeOpening = stems(desc.verb.word).some((w) => nounLikeVerbs.has(w)) && fromName?.verb !== undefined && desc.verb.rule !== nameReading.verb?.rule && (nameReading.leads || !nounLikeVerbs.has(fromName.verb));
    // "Manage Motion workspaces" with operations list | get: the dispatching verb says nothing; its operations say what it does.
    const dispatchesReads = stems(desc.verb.word).some((w) => dispatcherVerbs.has(w)) && parameters.action?.category === "Read" && desc.category !== "Read";
    const weak = (runsAQuery && !takesQueryText && fromName?.category === "Read") || (nounLikeOpening && fromName?.category !== desc.category) || dispatchesReads;
    candidates.push({ source: "description", category: desc.category, phrase, ...(weak ? { weak: true } : {}) });
    signals.push({ source: "description", evidence: phrase.replace("the description's ", ""), effect: `suggests ${desc.category}` });
  }
  // "Lists all branches or creates a new branch": the effect joined to the leading verb counts as well.
  if (desc?.joinedEffect !== undefined) {
    const { verb, category } = desc.joinedEffect;
    // Against an explicit readOnlyHint a second verb is too little ("Retrieve a prompt and execute it": the model runs it).
    candidates.push({ source: "description", category, phrase: `the description's second verb '${quote(verb, 30)}'`, ...(hints.readOnlyHint === true ? { weak: true } : {}) });
    signals.push({ source: "description", evidence: `'${quote(verb, 30)}'`, effect: `a second effect joined to the first: suggests ${category}` });
  }
  // "Funding rate history." under `coin_funding_rate`: a description that is a title of data says the tool returns it,
  // and a name word that is as often a noun ("rate", "index") is that noun.
  if (desc?.namesReturnedData !== undefined) {
    const phrase = `the description, a title of the data it returns ('${quote(desc.namesReturnedData, 40)}')`;
    candidates.push({ source: "description", category: "Read", phrase });
    signals.push({ source: "description", evidence: `'${quote(desc.namesReturnedData, 40)}'`, effect: "a title of the data it returns: suggests Read" });
    if (fromName?.verb !== undefined && fromName.category !== "Read" && stems(fromName.verb).some((w) => nounLikeVerbs.has(w))) fromName.weak = true;
  }
  // "Generate a report and save it in the workspace": what is generated is kept, not only returned.
  // "Converts a file to Sheets format. Creates a copy": converting or transforming makes something too.
  const generates = [nameReading.verb, desc?.verb].some((v) => v !== undefined && (v.rule.verbs.includes("generate") || stems(v.word).some((w) => transformingVerbs.has(w))));
  if (generates && desc?.traits.has("kept")) {
    const phrase = desc.phrases.get("kept") ?? "saves it";
    candidates.push({ source: "description", category: "Write", phrase: `the description ('${quote(phrase, 30)}')` });
    signals.push({ source: "description", evidence: `'${quote(phrase, 30)}'`, effect: "what it generates is kept: suggests Write" });
  }
  if (desc?.irreversible !== undefined) {
    candidates.push({ source: "description", category: "Destructive", phrase: `the description ('${quote(desc.irreversible, 50)}')` });
    signals.push({ source: "description", evidence: `'${desc.irreversible}'`, effect: "says data is removed for good: suggests Destructive" });
  }

  const router = desc?.traits.has("router") ?? false;
  if (router && desc?.routerAction) {
    const { verb, category } = desc.routerAction;
    candidates.push({ source: "description", category, phrase: `the sub command action '${quote(verb, 30)}' its description lists` });
    signals.push({ source: "description", evidence: `'${quote(verb, 30)}'`, effect: `the most consequential action its sub commands do: suggests ${category}` });
  }

  const inspectsInput = nameReading.traits.has("inspects-input");
  const toolSaysQueryLanguage = desc?.traits.has("query-language") ?? false;
  let queryLanguageParameter = false;
  for (const finding of parameters.findings) {
    const label = `'${finding.name}'`;
    let runs = finding.kind === "sql" || finding.kind === "command" || finding.kind === "code";
    if (finding.kind === "query") {
      runs = isQueryLanguage(finding.property, toolSaysQueryLanguage, nameReading.words, evidence.domain.domains);
      if (!runs) candidates.push({ source: "parameters", category: "Read", phrase: `the search parameter ${label}`, weak: true });
    }
    if (finding.kind === "sql" || (finding.kind === "query" && runs)) queryLanguageParameter = true;
    if (finding.kind === "command" && router) {
      signals.push({ source: "parameters", evidence: label, effect: "names one of the router's sub commands, not a shell command" });
    } else if (finding.kind === "cost-confirmation") {
      candidates.push({ source: "parameters", category: "Financial", phrase: `the parameter ${label} (a confirmed cost)` });
      signals.push({ source: "parameters", evidence: label, effect: "the call takes on a cost the user confirmed: suggests Financial" });
    } else if (runs && inspectsInput) {
      signals.push({ source: "parameters", evidence: label, effect: "code or a query to inspect, not to run: no effect" });
    } else if (runs) {
      const what = finding.kind === "command" ? "a command" : finding.kind === "code" ? "code" : "a query in a query language";
      const short = finding.kind === "command" ? "a command" : finding.kind === "code" ? "code" : "a query language";
      // A bare `code` with no description and nothing else saying the tool runs anything is one weak signal.
      const described = textWordsOf(finding.property.description).some((w) => runWords.has(w));
      // "Query the database with SQL" names the language its bare `sql` takes: that corroborates it.
      const languageNamed = finding.kind !== "command" && finding.kind !== "code" && toolSaysQueryLanguage;
      const corroborated = described || languageNamed || (desc?.category !== undefined && desc.category !== "Read") || (nameReading.category !== undefined && nameReading.category !== "Read");
      candidates.push({ source: "parameters", category: "Execute", phrase: `the parameter ${label} (${short})`, ...(corroborated ? {} : { weak: true }) });
      signals.push({ source: "parameters", evidence: label, effect: `takes ${what} to run: suggests Execute` });
    } else if (finding.kind === "pagination") {
      candidates.push({ source: "parameters", category: "Read", phrase: `the paging parameter ${label}`, weak: true });
    } else if (finding.kind === "content") {
      candidates.push({ source: "parameters", category: "Write", phrase: `the content parameter ${label}`, weak: true });
    } else if (finding.kind === "money") {
      candidates.push({ source: "parameters", category: "Financial", phrase: `the amount parameter ${label}`, weak: true });
    }
  }
  // Only a dispatcher's choice decides: `manage_issue` or `git_branch` do what their action says, while
  // `create_request` with a `method` of DELETE stores a request and `update_task` with a `status` enum updates.
  const nameVerb = nameReading.verb?.word ?? (titleLeads ? titleReading?.verb?.word : undefined);
  const dispatcher = nameVerb === undefined || dispatcherVerbs.has(nameVerb) || parameters.action?.alwaysDispatches === true;
  if (parameters.action && !dispatcher) {
    signals.push({ source: "parameters", evidence: `'${parameters.action.parameter}' allows '${parameters.action.value}'`, effect: `data for the name's verb '${quote(nameVerb ?? "", 30)}', not a choice of action` });
  } else if (parameters.action) {
    const { parameter, value, category } = parameters.action;
    // `manage_data_model` with actions get | list | docs: the dispatching verb says nothing; its actions say what it does.
    if (fromName !== undefined && nameVerb !== undefined && dispatcherVerbs.has(nameVerb) && fromName.category === "Write" && category === "Read") fromName.weak = true;
    candidates.push({ source: "parameters", category, phrase: `the '${parameter}' parameter's action '${value}'` });
    signals.push({ source: "parameters", evidence: `'${parameter}' allows '${value}'`, effect: `its most consequential action: suggests ${category}` });
  }

  const readOnlyClaim = desc?.traits.has("read-only-claim") ?? false;
  const commandParameter = parameters.findings.some((f) => f.kind === "command");
  // A read-only query language, or a command runner limited to read-only commands, and saying so, is Read.
  const readOnlyQuery = readOnlyClaim && (toolSaysQueryLanguage || queryLanguageParameter || commandParameter);
  // So is a query in a language that cannot change data by its design (JQL, PromQL, a search DSL), unless the
  // tool also takes SQL, code or commands (naming such a language beside them restricts nothing).
  const readOnlyLanguage = desc?.phrases.get("read-only-language");
  const runsOnlyQueries = !parameters.findings.some((f) => f.kind === "command" || f.kind === "code" || f.kind === "sql");
  if (readOnlyQuery) {
    for (const c of candidates) if (c.category === "Execute") c.category = "Read";
    signals.push({
      source: "description",
      evidence: `'${desc?.phrases.get("read-only-claim") ?? "read-only"}'`,
      effect: "a read-only query language, and it says so: Read",
    });
  } else if (readOnlyLanguage !== undefined && runsOnlyQueries && candidates.some((c) => c.category === "Execute")) {
    for (const c of candidates) if (c.category === "Execute") c.category = "Read";
    signals.push({ source: "description", evidence: `'${readOnlyLanguage}'`, effect: "a query language that cannot change data by its design: Read" });
  }

  const strong = candidates.filter((c) => !c.weak);
  let category: Category;
  if (strong.length > 0) {
    category = strong.reduce((best, c) => (rank(c.category) > rank(best) ? c.category : best), "Read" as Category);
  } else {
    const fromHints = categoryFromHints(hints);
    const weak = candidates.filter((c) => c.weak);
    if (fromHints !== undefined) {
      category = fromHints;
      candidates.push({ source: "annotations", category, phrase: hintPhrase(hints, category) });
    } else if (weak.some((c) => c.category !== "Financial" && c.category !== "Execute")) {
      // An amount or a bare `code` alone corroborates; it never makes a tool Financial or Execute by itself.
      category = weak.filter((c) => c.category !== "Financial" && c.category !== "Execute").reduce((best, c) => (rank(c.category) > rank(best) ? c.category : best), "Read" as Category);
    } else if (nameReading.verb === undefined && namesReturnedData(nameReading.words)) {
      // `report-list`, `server_status`, `price_history` with nothing else to go on: the name is what the call returns.
      category = "Read";
      candidates.push({ source: "name", category, phrase: `the name, which names what it returns ('${quote(nameReading.words.join(" "), 40)}')` });
      signals.push({ source: "name", evidence: `'${quote(nameReading.words.join(" "), 40)}'`, effect: "no verb anywhere; the name is a noun phrase for data it returns: Read" });
    } else {
      category = "Write";
      candidates.push({ source: "default", category, phrase: "the spec's cautious defaults" });
    }
  }

  // Cancelling something scheduled that has not started, or removing an item from a list, a cache or a
  // group (both remain), is a change, not a removal.
  if (category === "Destructive" && desc !== undefined) {
    const notStarted = desc.phrases.get("not-started");
    const detached = desc.phrases.get("detach");
    const verb = fromName?.verb ?? desc.verb?.word ?? "";
    const reason = ["cancel", "cancels", "abort"].includes(verb) || desc.verb?.word.startsWith("cancel") ? notStarted : ["remove", "removes"].some((v) => verb === v || desc.verb?.word === v) ? detached : undefined;
    if (reason !== undefined) {
      category = "Write";
      candidates.push({ source: "description", category, phrase: `the description ('${quote(reason, 40)}')` });
      signals.push({ source: "description", evidence: `'${quote(reason, 40)}'`, effect: "what it ends has not started, or stays where it is: Write, not Destructive" });
    }
  }

  // An explicit readOnlyHint is strong evidence: it is followed unless the name, the title or the
  // description itself states a change (a parameter or a listed sub action alone does not overrule it).
  if (hints.readOnlyHint === true && category !== "Read") {
    // "Create a buffer zone" with readOnlyHint and idempotentHint computes a shape and returns it: producing is no change.
    // "Format citations" with readOnlyHint returns the formatted text: transforming what is given is no change either.
    const computes = (c: Candidate) => {
      const verb = c.verb ?? desc?.verb?.word ?? "";
      return c.category === "Write" && ((hints.idempotentHint === true && producingVerbs.has(verb)) || computingVerbs.has(verb));
    };
    const statesChange = candidates.some((c) => !c.weak && c.category !== "Read" && !computes(c) && (c.source === "name" || c.source === "title" || c.phrase.startsWith("the description")));
    if (!statesChange) {
      const overruled = candidates.filter((c) => c.category === category);
      category = "Read";
      candidates.push({ source: "annotations", category: "Read", phrase: "the server's readOnlyHint" });
      signals.push({
        source: "annotations",
        evidence: "readOnlyHint: true",
        effect: `strong evidence, and neither the name nor the description states a change: Read, over ${overruled.map((c) => quote(c.phrase, 60)).join(", ")}`,
      });
    }
  }

  // Removing is Destructive when a write's switch empties or drops before writing (`truncate`, `dropTarget`),
  // or when a write can set a status that deletes.
  // Destructive beats Execute and Write: a switch that removes existing data decides either.
  if (category === "Write" || category === "Read" || category === "Execute") {
    const wipe = parameters.findings.find((f) => f.kind === "deleting-switch");
    const removal = wipe ? `the switch '${wipe.name}', which removes existing data` : parameters.deletingValue ? `the '${parameters.deletingValue.parameter}' value '${parameters.deletingValue.value}'` : undefined;
    if (removal !== undefined && (category === "Write" || fromName?.category !== "Read")) {
      category = "Destructive";
      candidates.push({ source: "parameters", category, phrase: removal });
      signals.push({ source: "parameters", evidence: removal.replace(/^the /, ""), effect: "existing data is gone afterwards: suggests Destructive" });
    }
  }

  // "Stops a process; sends SIGKILL if it does not exit" kills it; "creates a service, which the platform builds and deploys" deploys.
  const later = readLaterEffects(evidence.description);
  if ((category === "Write" || category === "Execute") && later.kills !== undefined) {
    category = "Destructive";
    candidates.push({ source: "description", category, phrase: `the description ('${quote(later.kills, 30)}')` });
    signals.push({ source: "description", evidence: `'${quote(later.kills, 30)}'`, effect: "the call kills a process: suggests Destructive" });
  } else if (category === "Write" && later.deploys !== undefined) {
    category = "Execute";
    candidates.push({ source: "description", category, phrase: `the description ('${quote(later.deploys, 30)}')` });
    signals.push({ source: "description", evidence: `'${quote(later.deploys, 30)}'`, effect: "what it creates is then built and deployed: suggests Execute" });
  }

  // A read that also saves its result to a file: the file outlives the call.
  let savedToDisk = false;
  const saveTo = parameters.findings.find((f) => f.kind === "save-path");
  // "Exports a route as GPX and saves it to a pre-configured local directory": the description says so.
  const savedByDescription = desc?.traits.has("kept") === true && /\b(?:local|disk|directory|folder|file)\b/i.test(desc.phrases.get("kept") !== undefined ? capText(evidence.description ?? "", 600) : "");
  if (category === "Read" && (saveTo !== undefined || savedByDescription) && !readOnlyQuery) {
    savedToDisk = true;
    category = "Write";
    const where = saveTo !== undefined ? `the path ${saveTo.name} its result is saved to` : `the description ('${quote(desc?.phrases.get("kept") ?? "saves it", 30)}')`;
    candidates.push({ source: saveTo !== undefined ? "parameters" : "description", category, phrase: where });
    signals.push({ source: saveTo !== undefined ? "parameters" : "description", evidence: saveTo?.name ?? `'${quote(desc?.phrases.get("kept") ?? "saves it", 30)}'`, effect: saveTo !== undefined ? "the result can be saved to a file that outlives the call: Write" : "the result is saved to a file that outlives the call: Write" });
  }

  // "markSeen: mark the message as seen": the read leaves a flag changed in the mailbox.
  const marking = parameters.findings.find((f) => f.kind === "marking-switch");
  if (category === "Read" && marking !== undefined && hints.readOnlyHint !== true) {
    category = "Write";
    candidates.push({ source: "parameters", category, phrase: `the switch '${marking.name}', which marks what it reads as seen` });
    signals.push({ source: "parameters", evidence: `'${marking.name}'`, effect: "marks what it reads as seen, a lasting change: Write" });
  }

  // A tool that takes any path of a service's API (`bb_delete` with "The API endpoint path") reaches every
  // operation of its method; on a payments server, a write there can move money.
  const apiPathFinding = parameters.findings.find((f) => f.kind === "api-path");
  const methodWord = httpMethodRules.find((m) => m.method === nameReading.verb?.word || m.method === nameReading.words[nameReading.words.length - 1]);
  // "Unified tool for all Square API operations": a dispatcher over the whole API, said in words.
  const leadWords = new Set(textWordsOf(evidence.description?.slice(0, 300)));
  const saysWholeApi = leadWords.has("api") && (leadWords.has("all") || leadWords.has("any")) && ["operation", "operations", "endpoint", "endpoints", "request", "requests"].some((w) => leadWords.has(w));
  const openApi = (apiPathFinding !== undefined && (methodWord !== undefined || dispatcher)) || (saysWholeApi && dispatcher);
  if (openApi) {
    const reach: Category = methodWord?.category ?? parameters.action?.category ?? "Write";
    const moved = reach !== "Read" && evidence.domain.domains.has("payments") ? "Financial" : reach;
    if (rank(moved) >= rank(category) || methodWord !== undefined) {
      category = moved;
      const where = apiPathFinding ? `'${apiPathFinding.name}'` : "its description: every operation of the API";
      candidates.push({ source: apiPathFinding ? "parameters" : "description", category, phrase: `any path of the API (${where})${methodWord ? ` by ${methodWord.method.toUpperCase()}` : ""}` });
      signals.push({ source: apiPathFinding ? "parameters" : "description", evidence: where, effect: `suggests ${category}: it reaches any operation of the API, and takes the widest reach of its method` });
    }
  }

  // "Execute a card query" with only the card's id: the saved query is the service's own, run to retrieve its data.
  const savedQuery = savedQueryRun(evidence);
  if (category === "Execute" && savedQuery !== undefined) {
    category = "Read";
    candidates.push({ source: "name", category, phrase: `a saved ${savedQuery} run by its id, no query or code given` });
    signals.push({ source: "parameters", evidence: `'${savedQuery}'`, effect: "runs a saved query and takes no query, code or command of its own: retrieves data, Read" });
  }

  const nameCategory = (fromName ?? candidates.find((c) => c.source === "title"))?.category;
  const descriptionCandidate = candidates.find((c) => c.source === "description" && c.phrase.startsWith("the description's"));
  const descriptionCategory = descriptionCandidate && !descriptionCandidate.weak && !readOnlyQuery ? descriptionCandidate.category : undefined;
  // A tool with an action parameter lists several verbs on purpose ("Retrieve, update or cancel").
  const textConflict =
    parameters.action === undefined &&
    nameCategory !== undefined &&
    descriptionCategory !== undefined &&
    (nameCategory === "Read") !== (descriptionCategory === "Read");

  const deciding = candidates.filter((c) => c.category === category).sort((a, b) => Number(a.weak ?? false) - Number(b.weak ?? false));
  return { category, candidates, deciding, readOnlyQuery, savedToDisk, openApi, textConflict, signals };
}

/** Things a service stores a query in: running one by its id retrieves what it selects. */
const savedQueryHeads: ReadonlySet<string> = new Set(["card", "cards", "question", "questions", "report", "reports", "saved search", "saved query", "saved queries"]);
const runningVerbs: ReadonlySet<string> = new Set(["run", "execute", "exec"]);

/** The saved thing a run-verb tool runs when it takes no query, code, command or API path of its own. */
function savedQueryRun(evidence: Evidence): string | undefined {
  const { nameReading, parameters } = evidence;
  if (nameReading.verb === undefined || !runningVerbs.has(nameReading.verb.word)) return undefined;
  const saved = nameReading.objects.find((w, i) => savedQueryHeads.has(w) || savedQueryHeads.has(`${w} ${nameReading.objects[i + 1] ?? ""}`));
  if (saved === undefined) return undefined;
  const runsOwnText = parameters.findings.some((f) => ["sql", "code", "command", "query", "api-path", "url"].includes(f.kind));
  return runsOwnText ? undefined : saved;
}

/**
 * A name whose last word is a result noun (`list`, `status`, `history`, `summary`...). Not `report`:
 * with no verb, `bug_report` may as well file one.
 */
function namesReturnedData(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  return words.length >= 2 && last !== undefined && last !== "report" && last !== "reports" && (nominalEnds.has(last) || returnedDataNouns.has(last));
}
