/**
 * Browser code. <policy-playground>: the policy editor, live validation,
 * server tool lists, the call simulator and sharing. The page renders
 * every control; this element wires them. The engine runs in a worker
 * (engine-client.ts); untrusted text only ever reaches the page through
 * textContent and form values.
 */
import type { Finding } from "../policy/index.ts";
import type { CheckReply } from "./check-policy.ts";
import { CedarClient, type CedarAnswer } from "./cedar-client.ts";
import { describeCedarFindings, describeCedarTarget } from "./cedar-view.ts";
import { EngineClient, type EngineAnswer } from "./engine-client.ts";
import { exampleCedar } from "./example-cedar.ts";
import { describeFindings, renderFindings } from "./findings-view.ts";
import { HighlightLayer } from "./highlight-layer.ts";
import { LineGutter, type LineMark } from "./line-gutter.ts";
import { copyText, downloadText } from "./save-file.ts";
import { argumentSkeletonText } from "./schema-skeleton.ts";
import { readServerToolsFile, serverToolsPath, type ServerToolsFile } from "./server-tools.ts";
import { parseArguments } from "./call-arguments.ts";
import { pasteRefusal, sizeRefusal } from "./paste-guard.ts";
import { lineCount, offsetOf } from "./text-positions.ts";
import { describeEntry, renderTimeline } from "./timeline-view.ts";
import { MAX_TOOL_PAGE_CHARS, snippetFromPage, snippetPagePath, type SnippetLink } from "./snippet-link.ts";
import { callTimeProblem, decodeFragment, encodeState, MAX_BATCH_CALLS, MAX_BATCHES, MAX_FRAGMENT_CHARS, MAX_TOTAL_CALLS, type CallBatch, type CedarTargetChoice, type DecodeResult, type PlaygroundState, type SimulatorForm } from "./url-state.ts";

const CHECK_DELAY_MS = 200;
const URL_DELAY_MS = 400;

/** The editor holds Intercept YAML or Cedar; each keeps its own text while the other is shown. */
type Language = "intercept" | "cedar";

class PolicyPlayground extends HTMLElement {
  #engine = new EngineClient((answer) => this.#onAnswer(answer));
  // Created now, but its worker (and the engine's wasm) only start with the first Cedar check.
  #cedar = new CedarClient((answer) => this.#onCedarAnswer(answer));
  #language: Language = "intercept";
  #texts: Record<Language, string> = { intercept: "", cedar: exampleCedar };
  #gutter!: LineGutter;
  #highlight!: HighlightLayer;
  #server: ServerToolsFile | undefined;
  #batches: CallBatch[] = [];
  #policyTools: string[] = [];
  #lastSkeleton = "";
  #checkTimer = 0;
  #urlTimer = 0;
  #busyTimer = 0;
  #writingHash = "";
  #pendingAnnouncement = false;

  #el<T extends HTMLElement = HTMLElement>(selector: string): T {
    const found = this.querySelector<T>(selector);
    if (!found) throw new Error(`policy-playground: missing ${selector}`);
    return found;
  }

  get #text() { return this.#el<HTMLTextAreaElement>("#policy-text"); }
  get #serverSelect() { return this.#el<HTMLSelectElement>("#policy-server"); }
  get #tool() { return this.#el<HTMLInputElement>("#sim-tool"); }
  get #args() { return this.#el<HTMLTextAreaElement>("#sim-args"); }
  get #clock() { return this.#el<HTMLInputElement>("#sim-clock"); }
  get #step() { return this.#el<HTMLInputElement>("#sim-step"); }
  get #count() { return this.#el<HTMLInputElement>("#sim-count"); }
  get #approved() { return this.#el<HTMLInputElement>("#sim-approved"); }
  get #cedarTarget() { return this.#el<HTMLSelectElement>("#cedar-target"); }

  connectedCallback(): void {
    this.#gutter = new LineGutter(this.#el("[data-gutter]"), this.#text);
    this.#highlight = new HighlightLayer(this.#el("[data-code]"), this.#text);
    const example = this.#text.value;
    this.#texts.intercept = example;
    this.#clock.value ||= new Date().toISOString().slice(0, 19);

    this.#text.addEventListener("input", () => this.#policyChanged());
    this.#text.addEventListener("paste", (event) => this.#guardPaste(event));
    this.#serverSelect.addEventListener("change", () => void this.#chooseServer(this.#serverSelect.value, true));
    this.#tool.addEventListener("change", () => this.#toolChosen());
    for (const input of [this.#args, this.#clock, this.#step, this.#count, this.#approved]) input.addEventListener("change", () => this.#scheduleUrl());
    this.#el("[data-fill-args]").addEventListener("click", () => this.#fillArguments(true));
    this.#el<HTMLFormElement>("[data-sim-form]").addEventListener("submit", (event) => {
      event.preventDefault();
      this.#call();
    });
    this.#el("[data-clear-calls]").addEventListener("click", () => {
      this.#batches = [];
      this.#status("[data-sim-status]", "Timeline cleared.");
      this.#check(true);
    });
    this.#el("[data-copy-policy]").addEventListener("click", () => void copyText(this.#text.value, this.querySelector("[data-share-status]"), "Policy copied"));
    this.#el("[data-download-policy]").addEventListener("click", () => downloadText(this.#fileName(), this.#text.value));
    this.#el("[data-link-download]").addEventListener("click", () => downloadText(this.#fileName(), this.#text.value));
    for (const radio of this.querySelectorAll<HTMLInputElement>("input[name=pg-language]")) {
      radio.addEventListener("change", () => radio.checked && this.#switchLanguage(radio.value === "cedar" ? "cedar" : "intercept"));
    }
    this.#cedarTarget.addEventListener("change", () => this.#check(true));
    this.#el("[data-copy-link]").addEventListener("click", () => void this.#copyLink());
    this.querySelector("[data-load-sample]")?.addEventListener("click", () => void this.#loadSample());
    this.#el("[data-reset]").addEventListener("click", () => {
      this.#text.value = this.#language === "cedar" ? exampleCedar : example;
      this.#batches = [];
      this.#policyChanged(true);
      this.#text.focus();
    });
    window.addEventListener("hashchange", () => {
      if (location.hash !== this.#writingHash) void this.#loadFromUrl(example);
    });
    this.querySelectorAll<HTMLElement>("[data-needs-js]").forEach((el) => (el.hidden = false));
    void this.#loadFromUrl(example);
  }

  /** Refuses a paste the engine would refuse anyway, before Chromium lays it out. */
  #guardPaste(event: ClipboardEvent): void {
    const text = this.#text;
    const pasted = event.clipboardData?.getData("text/plain") ?? "";
    const refusal = pasteRefusal({ current: text.value.length, selected: Math.abs(text.selectionEnd - text.selectionStart), pasted: pasted.length });
    const notice = this.#el("[data-paste-message]");
    notice.textContent = refusal ?? "";
    notice.hidden = refusal === undefined;
    if (refusal) event.preventDefault();
  }

  async #loadFromUrl(example: string): Promise<void> {
    const fragment = await decodeFragment(location.hash);
    let decoded = fragment.ok === "snippet" ? await loadSnippet(fragment.link) : fragment;
    // A link is held to the paste limit too: the editor never lays out megabytes.
    if (decoded.ok === true) {
      const refusal = sizeRefusal(decoded.state.policy.length);
      if (refusal) decoded = { ok: false, message: `The link's policy was not opened: ${refusal} The example policy is shown instead.` };
    }
    const notice = this.#el("[data-load-message]");
    notice.textContent = decoded.ok === false ? decoded.message : "";
    notice.hidden = decoded.ok !== false;
    const state: PlaygroundState = decoded.ok === true ? decoded.state : { policy: example, batches: [] };
    this.#showLanguage(state.cedar ? "cedar" : "intercept");
    if (state.cedar) this.#cedarTarget.value = state.cedar;
    this.#text.value = state.policy;
    this.#batches = state.batches;
    if (state.form) this.#applyForm(state.form);
    this.#gutter.setLineCount(lineCount(this.#text.value));
    this.#highlight.draw();
    if (state.server && [...this.#serverSelect.options].some((o) => o.value === state.server)) {
      this.#serverSelect.value = state.server;
      await this.#chooseServer(state.server, false);
      // A tool page's link names a tool but no arguments: fill them from its schema.
      if (state.form && state.form.args === "") this.#fillArguments(false);
    } else {
      if (state.form && state.form.args === "") this.#args.value = "{}";
      this.#serverSelect.value = "";
      this.#server = undefined;
      this.#check(false);
    }
  }

  /** Keeps the text of the language left, shows the other's, and checks it. */
  #switchLanguage(language: Language): void {
    if (language === this.#language) return;
    this.#texts[this.#language] = this.#text.value;
    this.#showLanguage(language);
    this.#text.value = this.#texts[language];
    this.#policyChanged(true);
  }

  /** Shows the controls of one language; the simulator and the server check are Intercept's only. */
  #showLanguage(language: Language): void {
    this.#language = language;
    this.#highlight.setLanguage(language);
    const cedar = language === "cedar";
    for (const radio of this.querySelectorAll<HTMLInputElement>("input[name=pg-language]")) radio.checked = radio.value === language;
    this.querySelectorAll<HTMLElement>("[data-intercept-only]").forEach((el) => (el.hidden = cedar));
    this.querySelectorAll<HTMLElement>("[data-cedar-only]").forEach((el) => (el.hidden = !cedar));
    this.#el("[data-editor-label]").textContent = cedar ? "Cedar policies" : "Policy YAML";
    this.#el("[data-download-policy]").textContent = `Download ${this.#fileName()}`;
    this.#el("[data-link-download]").textContent = `Download ${this.#fileName()}`;
    // The findings on show belong to the other language's text.
    this.#showFindings([], "");
  }

  #fileName(): string {
    return this.#language === "cedar" ? "policy.cedar" : "policy.yaml";
  }

  #applyForm(form: SimulatorForm): void {
    this.#tool.value = form.tool;
    this.#args.value = form.args;
    if (form.clock) this.#clock.value = form.clock;
    this.#step.value = String(form.stepSeconds);
    this.#count.value = String(form.count);
    this.#approved.checked = form.approved;
  }

  #policyChanged(now = false): void {
    this.#gutter.setLineCount(lineCount(this.#text.value));
    this.#highlight.draw();
    clearTimeout(this.#checkTimer);
    if (now) this.#check(true);
    else this.#checkTimer = window.setTimeout(() => this.#check(true), CHECK_DELAY_MS);
  }

  /** Replaces the text with a catalog server's recommended policy and selects that server, so names and arguments are checked. */
  async #loadSample(): Promise<void> {
    const select = this.#el<HTMLSelectElement>("#policy-sample");
    const option = select.selectedOptions[0];
    const status = this.#el("[data-sample-status]");
    const url = option?.dataset.url;
    if (!option || !url) return;
    status.textContent = "Loading the sample…";
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      this.#text.value = text;
      this.#batches = [];
      status.textContent = `Loaded: ${option.textContent ?? ""}.`;
      if ([...this.#serverSelect.options].some((o) => o.value === option.value)) {
        this.#serverSelect.value = option.value;
        await this.#chooseServer(option.value, true);
      }
      this.#policyChanged(true);
    } catch (error) {
      status.textContent = `Could not load the sample (${(error as Error).message}); the editor is unchanged.`;
    }
  }

  async #chooseServer(id: string, userChoice: boolean): Promise<void> {
    const status = this.#el("[data-server-status]");
    this.#server = undefined;
    if (id) {
      status.textContent = "Loading the server's tools…";
      try {
        const response = await fetch(serverToolsPath(id));
        const file = response.ok ? readServerToolsFile(await response.json()) : undefined;
        if (!file) throw new Error(`HTTP ${response.status}`);
        if (this.#serverSelect.value !== id) return;
        this.#server = file;
        status.textContent = `Checking tool names against ${file.tools.length} ${file.tools.length === 1 ? "tool" : "tools"} of ${file.name}.`;
      } catch (error) {
        status.textContent = `Could not load the server's tools (${(error as Error).message}); names are not checked.`;
      }
    } else {
      status.textContent = "Tool names are not checked against a server.";
    }
    this.#fillToolPicker();
    this.#check(userChoice);
  }

  #fillToolPicker(): void {
    const list = this.#el<HTMLDataListElement>("#sim-tools");
    const names = new Map<string, string>();
    for (const tool of this.#server?.tools ?? []) names.set(tool.name, tool.category ? `${tool.category}, ${tool.risk} risk` : "not classified");
    for (const name of this.#policyTools) if (!names.has(name)) names.set(name, "in the policy");
    const options = [...names].slice(0, 2_000).map(([name, label]) => {
      const option = document.createElement("option");
      option.value = name;
      option.label = label;
      return option;
    });
    list.replaceChildren(...options);
  }

  #toolChosen(): void {
    const args = this.#args.value.trim();
    // Replace the arguments only while they are empty or still the previous skeleton.
    if (args === "" || args === "{}" || args === this.#lastSkeleton.trim()) this.#fillArguments(false);
    this.#scheduleUrl();
  }

  #fillArguments(announce: boolean): void {
    const tool = this.#server?.tools.find((t) => t.name === this.#tool.value);
    const skeleton = tool ? argumentSkeletonText(tool.inputSchema) : "{}";
    this.#args.value = skeleton;
    this.#lastSkeleton = skeleton;
    if (announce) {
      this.#status("[data-sim-status]", tool ? "Arguments filled from the tool's input schema." : "No input schema known for this tool (pick a server); arguments set to {}.");
    }
    this.#scheduleUrl();
  }

  #call(): void {
    const tool = this.#tool.value;
    const problem = (message: string, field: HTMLElement) => {
      this.#status("[data-sim-status]", message);
      field.setAttribute("aria-invalid", "true");
      field.focus();
    };
    for (const field of [this.#tool, this.#args, this.#clock, this.#count, this.#step]) field.removeAttribute("aria-invalid");
    if (tool === "") return problem("Choose or type a tool name first.", this.#tool);
    const args = parseArguments(this.#args.value);
    if (!args.ok) return problem(`Not called: ${args.message}.`, this.#args);
    const at = Date.parse(`${this.#clock.value}Z`);
    if (!this.#clock.value || Number.isNaN(at)) return problem("Not called: set the simulated time (UTC).", this.#clock);
    const count = Number(this.#count.value);
    if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH_CALLS) return problem(`Not called: the number of calls must be a whole number from 1 to ${MAX_BATCH_CALLS}.`, this.#count);
    const step = Number(this.#step.value || "0");
    if (!Number.isInteger(step) || step < 0 || step > 86_400) return problem("Not called: the step must be a whole number of seconds from 0 to 86400.", this.#step);
    const range = callTimeProblem(at, count, step);
    if (range) return problem(`Not called: ${range}.`, this.#clock);
    const total = this.#batches.reduce((n, b) => n + b.count, 0);
    if (this.#batches.length >= MAX_BATCHES || total + count > MAX_TOTAL_CALLS) {
      return problem(`Not called: the timeline holds at most ${MAX_TOTAL_CALLS} calls in ${MAX_BATCHES} presses; clear it first.`, this.#count);
    }
    this.#batches = [...this.#batches, { tool, args: this.#args.value, at: new Date(at).toISOString(), stepSeconds: step, count, approved: this.#approved.checked }];
    if (step > 0) this.#clock.value = new Date(at + count * step * 1000).toISOString().slice(0, 19);
    this.#pendingAnnouncement = true;
    this.#check(true);
  }

  #check(updateUrl: boolean): void {
    clearTimeout(this.#busyTimer);
    if (this.#language === "cedar") {
      this.#checkCedar();
      if (updateUrl) this.#scheduleUrl();
      return;
    }
    this.#busyTimer = window.setTimeout(() => {
      if (this.#engine.busy) this.#status("[data-findings-summary]", "Checking… (a large policy can take a few seconds; you can keep typing)");
    }, 300);
    const server = this.#server;
    // Schemas come with the names from one server file, so the checker's cache keyed on names stays right.
    const fromServer = server ? { tools: server.tools.map((t) => t.name), toolSchemas: Object.fromEntries(server.tools.map((t) => [t.name, t.inputSchema])) } : {};
    this.#engine.check({ text: this.#text.value, ...fromServer, batches: this.#batches });
    if (updateUrl) this.#scheduleUrl();
  }

  #checkCedar(): void {
    const first = !this.#cedar.busy && this.#el("[data-cedar-status]").textContent === "";
    if (first) this.#status("[data-cedar-status]", "Loading the Cedar engine (cedar-wasm, a 4.2 MB file from this site)…");
    this.#busyTimer = window.setTimeout(() => {
      if (this.#cedar.busy) this.#status("[data-findings-summary]", "Checking with the Cedar engine…");
    }, 300);
    this.#cedar.check({ text: this.#text.value, target: this.#cedarTarget.value as CedarTargetChoice });
  }

  #onCedarAnswer(answer: CedarAnswer): void {
    if (this.#language !== "cedar") return;
    clearTimeout(this.#busyTimer);
    if ("failure" in answer) {
      this.#status("[data-cedar-status]", "");
      this.#status("[data-findings-summary]", `The policy could not be checked: ${answer.failure}.`);
      return;
    }
    this.#status("[data-cedar-status]", describeCedarTarget(answer.reply));
    this.#showFindings(answer.reply.findings, describeCedarFindings(answer.reply.findings, answer.reply.target));
  }

  #onAnswer(answer: EngineAnswer): void {
    // A late answer about the YAML text once Cedar is on show is not about what the editor holds.
    if (this.#language !== "intercept") return;
    clearTimeout(this.#busyTimer);
    if ("failure" in answer) {
      this.#status("[data-findings-summary]", `The policy could not be checked: ${answer.failure}.`);
      return;
    }
    const reply: CheckReply = answer.reply;
    this.#showFindings(reply.findings, describeFindings(reply.findings));
    this.#policyTools = reply.policyTools;
    this.#fillToolPicker();
    this.#showTimeline(reply);
  }

  #showFindings(findings: Finding[], summary: string): void {
    this.#status("[data-findings-summary]", summary);
    renderFindings(this.#el("[data-findings]"), findings, (finding) => this.#goTo(finding));
    const marks = new Map<number, LineMark>();
    for (const finding of findings) {
      if (finding.line === undefined) continue;
      if (finding.severity === "error" || !marks.has(finding.line)) marks.set(finding.line, finding.severity);
    }
    this.#gutter.setMarks(marks);
    this.#highlight.setUnderlines(
      findings.flatMap((f) => (f.line === undefined ? [] : [{ line: f.line, column: f.column ?? 1, severity: f.severity }])),
    );
  }

  /** Puts the cursor at the finding (or a timeline rule's line) and scrolls its line into the middle of the box. */
  #goTo(finding: Pick<Finding, "line" | "column">): void {
    const text = this.#text;
    const offset = offsetOf(text.value, finding.line ?? 1, finding.column ?? 1);
    text.focus();
    text.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 20;
    text.scrollTop = Math.max(0, ((finding.line ?? 1) - 1) * lineHeight - text.clientHeight / 2);
    this.#gutter.draw();
    this.#highlight.draw();
  }

  #showTimeline(reply: CheckReply): void {
    const list = this.#el("[data-timeline]");
    const note = this.#el("[data-timeline-note]");
    const announce = this.#pendingAnnouncement;
    this.#pendingAnnouncement = false;
    if (!reply.timeline) {
      list.replaceChildren();
      const ownLimit = reply.findings.some((f) => f.ownLimit);
      note.textContent = !this.#batches.length
        ? ""
        : ownLimit
          ? "The policy is past one of this playground's own limits, so no call is simulated (the proxy may well load it)."
          : "The proxy would refuse this policy, so no call is simulated: fix the errors above and the timeline comes back.";
      if (announce) this.#status("[data-sim-status]", ownLimit ? "Not simulated: the policy is past this playground's own limits." : "Not simulated: the policy has errors.");
      return;
    }
    note.textContent = reply.timeline.length > 500 ? `Showing the last 500 of ${reply.timeline.length} calls.` : "";
    renderTimeline(list, reply.timeline, (line) => this.#goTo({ line, column: 1 }));
    const last = reply.timeline.at(-1);
    if (announce && last) {
      const added = this.#batches.at(-1)?.count ?? 1;
      this.#status("[data-sim-status]", `${added > 1 ? `${added} calls simulated. Last: ` : ""}${describeEntry(last)}`);
    }
  }

  #state(): PlaygroundState {
    return {
      policy: this.#text.value,
      ...(this.#language === "cedar" ? { cedar: this.#cedarTarget.value as CedarTargetChoice } : {}),
      ...(this.#serverSelect.value ? { server: this.#serverSelect.value } : {}),
      form: {
        tool: this.#tool.value,
        args: this.#args.value,
        clock: this.#clock.value,
        stepSeconds: Math.max(0, Math.trunc(Number(this.#step.value) || 0)),
        count: Math.min(MAX_BATCH_CALLS, Math.max(1, Math.trunc(Number(this.#count.value) || 1))),
        approved: this.#approved.checked,
      },
      batches: this.#batches,
    };
  }

  #scheduleUrl(): void {
    clearTimeout(this.#urlTimer);
    this.#urlTimer = window.setTimeout(() => void this.#writeUrl(), URL_DELAY_MS);
  }

  /**
   * Keeps the link in the address bar current. A state too large for a link
   * leaves the address bar, and the page says so and offers the file: a
   * reload would otherwise lose the policy without a word.
   */
  async #writeUrl(): Promise<boolean> {
    clearTimeout(this.#urlTimer);
    const hash = await encodeState(this.#state());
    const notice = this.#el("[data-link-message]");
    const tooLarge = hash.length - 1 > MAX_FRAGMENT_CHARS;
    notice.hidden = !tooLarge;
    if (tooLarge) {
      const size = (hash.length - 1).toLocaleString("en-US");
      this.#el("[data-link-text]").textContent = `This policy is too large for a link: its link would be ${size} characters, more than the ${MAX_FRAGMENT_CHARS.toLocaleString("en-US")} the playground reads, so the address bar no longer holds it and a reload would lose it. Download it to keep it.`;
      this.#writingHash = "";
      history.replaceState(null, "", location.pathname);
      return false;
    }
    this.#writingHash = hash;
    history.replaceState(null, "", hash);
    return true;
  }

  async #copyLink(): Promise<void> {
    const status = this.querySelector("[data-share-status]");
    if (!(await this.#writeUrl())) {
      if (status) status.textContent = "This policy is too large to share in a link; download it instead.";
      return;
    }
    await copyText(location.href, status, "Link copied: it opens this policy, server and timeline");
  }

  #status(selector: string, text: string): void {
    const el = this.querySelector(selector);
    if (el) el.textContent = text;
  }
}

customElements.define("policy-playground", PolicyPlayground);

/** A tool page's snippet, read from the page itself, as the state its link stands for. */
async function loadSnippet(link: SnippetLink): Promise<DecodeResult> {
  const path = snippetPagePath(link);
  let text: string;
  try {
    const response = await fetch(path, { headers: { accept: "text/html" } });
    if (!response.ok) return { ok: false, message: `The tool page ${path} could not be read (HTTP ${response.status}); the example policy is shown instead.` };
    text = await response.text();
  } catch {
    return { ok: false, message: `The tool page ${path} could not be read; the example policy is shown instead.` };
  }
  if (text.length > MAX_TOOL_PAGE_CHARS) return { ok: false, message: `The tool page ${path} is too large to be one; the example policy is shown instead.` };
  const found = snippetFromPage(new DOMParser().parseFromString(text, "text/html"), link);
  if (typeof found === "string") return { ok: false, message: found };
  // The call's arguments are left empty for the playground to fill from the tool's input schema.
  const form: SimulatorForm = { tool: found.tool, args: "", clock: "", stepSeconds: 0, count: 1, approved: false };
  return { ok: true, state: { policy: found.policy, server: link.server, form, batches: [] } };
}
