/**
 * Browser code. <policy-builder>: the server page's tool table as
 * controls. Every change rebuilds the policy object (builder-policy.ts),
 * renders it with `renderPolicy` and has the engine worker validate the
 * result against the server's tool list, as the playground does, so the
 * page itself loads no YAML parser. The page renders the table and the
 * first YAML; this element only reads controls and writes text.
 * With `data-check-on-use` (/scan/), the worker is started by the first use
 * of the builder rather than with the page, so a page that mostly shows
 * verdicts does not fetch the engine for a policy nobody looks at.
 * The ToolHive and Docker views write the same choices as Cedar and have the
 * Cedar engine check them (its worker starts when one is first opened).
 */
import type { Finding } from "../policy/findings.ts";
import { setOwn } from "../policy/own-property.ts";
import type { CedarRendering, CedarTarget } from "../policy/render-cedar.ts";
import { renderPolicy } from "../policy/render-policy.ts";
import { actionLabels, applyBulk, builderActions, builderPolicy, initialRows, limitCountProblem, readLimitCount, type BuilderAction, type BuilderRow, type BuilderSettings, type BuilderTool } from "./builder-policy.ts";
import { CedarClient, type CedarAnswer } from "./cedar-client.ts";
import { cedarTargetNames } from "./cedar-view.ts";
import { EngineClient, type EngineAnswer } from "./engine-client.ts";
import { copyText, downloadText } from "./save-file.ts";
import { decodeBuilderState, encodeBuilderState, type BuilderFormState } from "./builder-state.ts";
import { encodeState, MAX_FRAGMENT_CHARS } from "./url-state.ts";

/** What the output shows: the Intercept YAML, or one Cedar target's file. */
type OutputView = "intercept" | CedarTarget;

/** Cedar files are named after the server and the gateway that reads them. */
const cedarFileName: Record<CedarTarget, (serverId: string) => string> = {
  toolhive: (id) => `${id}.toolhive.yaml`,
  docker: (id) => `${id}.docker.cedar`,
};

interface BuilderData {
  serverId: string;
  description: string;
  tools: BuilderTool[];
}

class PolicyBuilder extends HTMLElement {
  #rows: BuilderRow[] = [];
  #data!: BuilderData;
  #yaml = "";
  #toolNames: string[] = [];
  #linkVersion = 0;
  #hashVersion = 0;
  /** A limit field does not read: the YAML shown is not the form's. */
  #stale = false;
  #engine = new EngineClient((answer) => this.#showValidation(answer));
  /** False until the builder is first used, when it checks only on use. */
  #checking = true;
  #watchingForUse = false;
  #cedar = new CedarClient((answer) => this.#showCedarValidation(answer));
  #view: OutputView = "intercept";
  /** The Cedar on show, when a Cedar view is. */
  #cedarShown: CedarRendering | undefined;
  /** The Cedar renderer, imported when a Cedar view is first opened: pages that never open one never load it. */
  #cedarRenderer: Promise<typeof import("./builder-cedar.ts")> | undefined;
  #cedarVersion = 0;

  connectedCallback(): void {
    const source = this.querySelector("script[data-builder-tools]");
    if (!source) return;
    this.#data = JSON.parse(source.textContent ?? "{}") as BuilderData;
    this.#rows = initialRows(this.#data.tools);
    this.#toolNames = this.#data.tools.map((t) => t.name);

    for (const tr of this.#tableRows()) {
      tr.addEventListener("change", () => this.#readRow(tr));
      tr.addEventListener("input", (event) => {
        if ((event.target as HTMLElement).matches("[data-count]")) this.#readRow(tr);
      });
    }
    this.querySelector("[data-settings]")?.addEventListener("change", () => this.#update());
    this.querySelector("[data-settings]")?.addEventListener("input", () => this.#update());
    this.querySelector("[data-bulk-apply]")?.addEventListener("click", () => this.#bulk());
    this.querySelector("[data-copy]")?.addEventListener("click", () => void copyText(this.#shownFile(), this.querySelector("[data-output-status]"), "Policy copied"));
    this.querySelector("[data-download]")?.addEventListener("click", () => downloadText(this.#shownFileName(), this.#shownFile()));
    for (const radio of this.querySelectorAll<HTMLInputElement>("input[name='builder-view']")) {
      radio.addEventListener("change", () => radio.checked && this.#showView(radio.value === "toolhive" || radio.value === "docker" ? radio.value : "intercept"));
    }
    this.querySelectorAll<HTMLElement>("[data-needs-js]").forEach((el) => (el.hidden = false));
    if (this.hasAttribute("data-check-on-use")) this.#checkOnFirstUse();
    void this.#restore();
  }

  /** Defers the first check (and so the worker's fetch) to the first focus, press or change inside the builder. */
  #checkOnFirstUse(): void {
    if (this.#watchingForUse) return;
    this.#watchingForUse = true;
    this.#checking = false;
    const use = () => {
      if (this.#checking) return;
      this.#checking = true;
      for (const type of useEvents) this.removeEventListener(type, use);
      this.#update();
    };
    for (const type of useEvents) this.addEventListener(type, use);
  }

  /** Puts back the choices a link or a reload carries in `#b=`, then renders once. */
  async #restore(): Promise<void> {
    const state = await decodeBuilderState(location.hash);
    const status = this.querySelector("[data-output-status]");
    if (typeof state === "string") {
      if (status) status.textContent = `The link's choices were not applied (${state}); the recommendations are shown.`;
    } else if (state) {
      this.#applyForm(state);
    }
    this.#update();
  }

  #applyForm(state: BuilderFormState): void {
    // A value is set only where the control offers it: a select keeps its own options.
    const set = (control: HTMLInputElement | HTMLSelectElement | null, value: string | undefined) => {
      if (!control || value === undefined) return;
      if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === value)) return;
      control.value = value;
    };
    for (const tr of this.#tableRows()) {
      const row = this.#rows[Number(tr.dataset.index)];
      const saved = row && Object.hasOwn(state.rows, row.tool) ? state.rows[row.tool] : undefined;
      if (!saved) continue;
      set(tr.querySelector("[data-action]"), saved.action);
      set(tr.querySelector("[data-count]"), saved.count);
      set(tr.querySelector("[data-window]"), saved.window);
      set(tr.querySelector("[data-timeout]"), saved.timeout);
      this.#readRow(tr, false);
    }
    if (state.posture) {
      const radio = this.querySelector<HTMLInputElement>(`input[name='builder-default'][value='${state.posture}']`);
      if (radio) radio.checked = true;
    }
    if (state.view) {
      const radio = this.querySelector<HTMLInputElement>(`input[name='builder-view'][value='${state.view}']`);
      if (radio) {
        radio.checked = true;
        this.#showView(state.view, false);
      }
    }
    if (state.cap) {
      const on = this.querySelector<HTMLInputElement>("[data-global-on]");
      if (on) on.checked = state.cap.on;
      set(this.querySelector("[data-global-count]"), state.cap.count);
      set(this.querySelector("[data-global-window]"), state.cap.window);
    }
  }

  /** The form as it differs from the page as rendered (default values), so an untouched builder keeps a bare address. */
  #formState(): BuilderFormState {
    const changed = (control: HTMLInputElement | HTMLSelectElement | null): string | undefined => {
      if (!control) return undefined;
      const initial = control instanceof HTMLSelectElement ? [...control.options].find((o) => o.defaultSelected)?.value ?? control.options[0]?.value : control.defaultValue;
      return control.value === initial ? undefined : control.value;
    };
    const rows: BuilderFormState["rows"] = {};
    for (const tr of this.#tableRows()) {
      const tool = this.#rows[Number(tr.dataset.index)]?.tool;
      if (tool === undefined) continue;
      const entries = Object.entries({
        action: changed(tr.querySelector("[data-action]")),
        count: changed(tr.querySelector("[data-count]")),
        window: changed(tr.querySelector("[data-window]")),
        timeout: changed(tr.querySelector("[data-timeout]")),
      }).filter(([, value]) => value !== undefined);
      if (entries.length) setOwn(rows, tool, Object.fromEntries(entries));
    }
    const state: BuilderFormState = { rows };
    if (this.querySelector<HTMLInputElement>("input[name='builder-default'][value='deny']")?.checked) state.posture = "deny";
    const on = this.querySelector<HTMLInputElement>("[data-global-on]");
    const count = this.querySelector<HTMLInputElement>("[data-global-count]");
    const window = this.querySelector<HTMLSelectElement>("[data-global-window]");
    if (on && count && window && (on.checked || changed(count) !== undefined || changed(window) !== undefined)) {
      state.cap = { on: on.checked, count: count.value, window: window.value };
    }
    if (this.#view !== "intercept") state.view = this.#view;
    return state;
  }

  async #writeHash(): Promise<void> {
    const version = ++this.#hashVersion;
    const state = this.#formState();
    const untouched = Object.keys(state.rows).length === 0 && !state.posture && !state.cap && !state.view;
    const hash = untouched ? "" : await encodeBuilderState(state);
    if (version !== this.#hashVersion) return;
    history.replaceState(null, "", hash || location.pathname);
  }

  #tableRows(): HTMLTableRowElement[] {
    return [...this.querySelectorAll<HTMLTableRowElement>("tr[data-index]")];
  }

  #readRow(tr: HTMLTableRowElement, update = true): void {
    const index = Number(tr.dataset.index);
    const row = this.#rows[index];
    if (!row) return;
    const action = tr.querySelector<HTMLSelectElement>("[data-action]")?.value as BuilderAction;
    const countInput = tr.querySelector<HTMLInputElement>("[data-count]");
    const count = countInput ? readLimitCount(countInput.value) : undefined;
    const window = tr.querySelector<HTMLSelectElement>("[data-window]")?.value as BuilderRow["limit"]["window"] | undefined;
    const timeout = tr.querySelector<HTMLSelectElement>("[data-timeout]")?.value;
    this.#rows[index] = {
      ...row,
      action: builderActions.includes(action) ? action : row.action,
      limit: { count: count ?? row.limit.count, window: window ?? row.limit.window },
      approvalTimeout: timeout ?? row.approvalTimeout,
    };
    this.#syncRow(tr, this.#rows[index]!);
    if (update) this.#update();
  }

  /**
   * Marks a limit field that does not read (aria-invalid, a message tied to
   * it by aria-describedby); a disabled field is never invalid. Returns the
   * problem, so the YAML is not presented as the form's while one remains.
   */
  #checkCount(input: HTMLInputElement | null, what: string): string | undefined {
    if (!input) return undefined;
    const problem = input.disabled ? undefined : limitCountProblem(input.value);
    const messageId = `${input.id}-error`;
    let message = document.getElementById(messageId);
    if (problem) {
      if (!message) {
        message = document.createElement("span");
        message.id = messageId;
        message.className = "pb-field-error";
        input.after(message);
      }
      message.textContent = problem;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", messageId);
    } else {
      message?.remove();
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
    return problem && `${what}: ${problem}`;
  }

  /** Every limit field that does not read, as "where: what" lines. */
  #fieldProblems(): string[] {
    const problems = this.#tableRows().map((tr) => this.#checkCount(tr.querySelector("[data-count]"), `Limit of ${this.#rows[Number(tr.dataset.index)]?.tool ?? "?"}`));
    problems.push(this.#checkCount(this.querySelector("[data-global-count]"), "Cap on all calls"));
    return problems.filter((p): p is string => p !== undefined);
  }

  /** Limit and timeout controls are only enabled where the action uses them. */
  #syncRow(tr: HTMLTableRowElement, row: BuilderRow): void {
    const select = tr.querySelector<HTMLSelectElement>("[data-action]");
    if (select && select.value !== row.action) select.value = row.action;
    const limited = row.countable && (row.action === "rate_limit" || row.action === "require_approval");
    for (const control of tr.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-count], [data-window]")) control.disabled = !limited;
    const timeout = tr.querySelector<HTMLSelectElement>("[data-timeout]");
    if (timeout) timeout.disabled = row.action !== "require_approval";
    tr.dataset.action = row.action;
  }

  #settings(): BuilderSettings {
    const posture = this.querySelector<HTMLInputElement>("input[name='builder-default']:checked")?.value === "deny" ? "deny" : "allow";
    const capOn = this.querySelector<HTMLInputElement>("[data-global-on]")?.checked ?? false;
    const countInput = this.querySelector<HTMLInputElement>("[data-global-count]");
    const windowSelect = this.querySelector<HTMLSelectElement>("[data-global-window]");
    if (countInput) countInput.disabled = !capOn;
    if (windowSelect) windowSelect.disabled = !capOn;
    // An unreadable cap is reported at its field (#fieldProblems) and no YAML is offered for it.
    const count = countInput ? readLimitCount(countInput.value) : undefined;
    const window = (windowSelect?.value ?? "minute") as "minute" | "hour" | "day";
    return {
      default: posture,
      ...(capOn && count !== undefined ? { globalLimit: { count, window } } : {}),
      description: this.#data.description,
    };
  }

  #bulk(): void {
    const [by, value] = (this.querySelector<HTMLSelectElement>("[data-bulk-target]")?.value ?? "").split(":");
    const action = this.querySelector<HTMLSelectElement>("[data-bulk-action]")?.value as BuilderAction;
    if ((by !== "category" && by !== "risk") || !value || !builderActions.includes(action)) return;
    const result = applyBulk(this.#rows, { by, value }, action);
    this.#rows = result.rows;
    const trs = this.#tableRows();
    this.#rows.forEach((row, i) => trs[i] && this.#syncRow(trs[i], row));
    const skipped = result.matched - result.changed;
    const status = this.querySelector("[data-bulk-status]");
    if (status) {
      status.textContent = `${actionLabels[action]} applied to ${result.changed} of ${result.matched} ${value} ${result.matched === 1 ? "tool" : "tools"}${skipped ? ` (${skipped} already set or unable to take it)` : ""}.`;
    }
    this.#update();
  }

  #update(): void {
    const settings = this.#settings();
    const problems = this.#fieldProblems();
    void this.#writeHash();
    this.#showStale(problems);
    // A link or reload can bring a bad field back; the YAML then still shows every choice that reads, marked stale.
    if (problems.length > 0 && this.#yaml !== "") {
      // Rows keep their last readable limits, so the Cedar shown is the one the YAML was written from.
      if (this.#view !== "intercept") this.#showCedar(this.#view, settings, false);
      return;
    }
    const { policy, comments } = builderPolicy(this.#rows, settings);
    this.#yaml = renderPolicy(policy, { comments });
    if (this.#view !== "intercept") {
      this.#showCedar(this.#view, settings, problems.length === 0);
      return;
    }
    const output = this.querySelector("[data-output] code");
    if (output) output.textContent = this.#yaml;
    if (problems.length > 0) return;
    void this.#updateLink();
    const status = this.querySelector("[data-validation]");
    if (!this.#checking) {
      if (status) status.textContent = "Not checked yet: the policy is checked against the proxy's rules once you use the builder.";
      return;
    }
    // Busy until the worker answers for this text: the status is not read out, or trusted, before.
    status?.setAttribute("aria-busy", "true");
    this.#engine.check({ text: this.#yaml, tools: this.#toolNames, batches: [] });
  }

  /**
   * While a field does not read, the YAML shown is the last one that did:
   * the status says so, the output is marked stale and cannot be copied,
   * downloaded or opened, so no file claims a value nobody typed.
   */
  #showStale(problems: string[]): void {
    const stale = problems.length > 0;
    this.querySelector("[data-output]")?.toggleAttribute("data-stale", stale);
    for (const control of this.querySelectorAll<HTMLButtonElement>("[data-copy], [data-download]")) control.disabled = stale;
    const link = this.querySelector<HTMLAnchorElement>("[data-playground-link]");
    if (link) link.toggleAttribute("hidden", stale);
    this.#stale = stale;
    if (!stale) return;
    const status = this.querySelector("[data-validation]");
    if (!status) return;
    status.textContent = `Not updated: ${problems.length === 1 ? "a field needs" : `${problems.length} fields need`} fixing, and the YAML below is the last valid one. ${problems.join(" ")}`;
    status.setAttribute("data-errors", String(problems.length));
    status.removeAttribute("data-warnings");
    status.setAttribute("aria-busy", "false");
  }

  #showView(view: OutputView, update = true): void {
    this.#view = view;
    const heading = this.querySelector("#pb-output-heading");
    if (heading) heading.textContent = this.#shownFileName();
    const download = this.querySelector("[data-download]");
    if (download) download.textContent = `Download ${this.#shownFileName()}`;
    this.querySelector("[data-output]")?.setAttribute("aria-label", view === "intercept" ? "Generated policy YAML" : `Generated Cedar for ${cedarTargetNames[view]}`);
    const notes = this.querySelector<HTMLElement>("[data-cedar-notes]");
    if (notes) notes.hidden = view === "intercept";
    if (view === "intercept") this.#cedarShown = undefined;
    if (update) this.#update();
  }

  #shownFile(): string {
    return this.#cedarShown?.file ?? this.#yaml;
  }

  #shownFileName(): string {
    return this.#view === "intercept" ? `${this.#data.serverId}.policy.yaml` : cedarFileName[this.#view](this.#data.serverId);
  }

  /** Writes the Cedar for a target, what it cannot express, and (when the form reads) asks the engine. */
  #showCedar(target: CedarTarget, settings: BuilderSettings, check: boolean): void {
    const version = ++this.#cedarVersion;
    const rows = this.#rows;
    this.#cedarRenderer ??= import("./builder-cedar.ts");
    this.#cedarRenderer.then(
      ({ builderCedar }) => {
        if (version === this.#cedarVersion && this.#view === target) this.#writeCedar(builderCedar(rows, settings, target), target, check);
      },
      (error: Error) => {
        this.#cedarRenderer = undefined;
        const status = this.querySelector("[data-validation]");
        if (status) status.textContent = `The Cedar could not be written: ${error.message}`;
      },
    );
  }

  #writeCedar(rendering: CedarRendering, target: CedarTarget, check: boolean): void {
    this.#cedarShown = rendering;
    const output = this.querySelector("[data-output] code");
    if (output) output.textContent = rendering.file;
    const notes = this.querySelector<HTMLElement>("[data-cedar-notes]");
    if (notes) {
      const items = rendering.unexpressed.map((line) => {
        const item = document.createElement("li");
        item.textContent = line;
        return item;
      });
      notes.querySelector("ul")?.replaceChildren(...items);
      const lead = notes.querySelector("[data-cedar-notes-lead]");
      if (lead) lead.textContent = items.length ? `Not expressed in ${cedarTargetNames[target]} (also said in the file):` : `${cedarTargetNames[target]} expresses every choice above.`;
    }
    void this.#updateLink();
    if (!check) return;
    this.querySelector("[data-validation]")?.setAttribute("aria-busy", "true");
    this.#cedar.check({ text: rendering.policies, target });
  }

  #showCedarValidation(answer: CedarAnswer): void {
    const status = this.querySelector("[data-validation]");
    if (!status || this.#stale || this.#view === "intercept") return;
    if ("failure" in answer) {
      status.textContent = `The Cedar could not be checked: ${answer.failure}`;
      status.removeAttribute("data-errors");
      status.removeAttribute("data-warnings");
    } else {
      const { findings, target } = answer.reply;
      if (target !== this.#view) return;
      const errors = findings.filter((f) => f.severity === "error").length;
      const place = (f: Finding) => (f.line === undefined ? "" : `line ${f.line}: `);
      status.textContent = findings.length === 0
        ? `Valid: the Cedar engine parses these policies and validates them against ${cedarTargetNames[target]}'s schema (0 errors, 0 warnings).`
        : `${errors} errors, ${findings.length - errors} warnings from the Cedar engine: ${findings.map((f) => `${place(f)}${f.message}`).join("; ")}`;
      status.setAttribute("data-errors", String(errors));
      status.setAttribute("data-warnings", String(findings.length - errors));
    }
    status.setAttribute("aria-busy", "false");
  }

  #showValidation(answer: EngineAnswer): void {
    const status = this.querySelector("[data-validation]");
    // An answer for a YAML shown before a field went bad must not call it valid.
    if (!status || this.#stale || this.#view !== "intercept") return;
    if ("failure" in answer) {
      status.textContent = `The policy could not be checked: ${answer.failure}`;
      status.removeAttribute("data-errors");
      status.removeAttribute("data-warnings");
    } else {
      const { findings } = answer.reply;
      const errors = findings.filter((f) => f.severity === "error").length;
      status.textContent = findings.length === 0
        ? "Valid: the proxy loads this policy (0 errors, 0 warnings)."
        : `${errors} errors, ${findings.length - errors} warnings: ${findings.map((f) => `${f.path}: ${f.message}`).join("; ")}`;
      status.setAttribute("data-errors", String(errors));
      status.setAttribute("data-warnings", String(findings.length - errors));
    }
    status.setAttribute("aria-busy", "false");
  }

  async #updateLink(): Promise<void> {
    const version = ++this.#linkVersion;
    const link = this.querySelector<HTMLAnchorElement>("[data-playground-link]");
    if (!link) return;
    // A Cedar view opens its policies in the playground's Cedar mode.
    const cedar = this.#view !== "intercept" && this.#cedarShown;
    const hash = await encodeState(cedar ? { policy: cedar.policies, cedar: this.#view as CedarTarget, batches: [] } : { policy: this.#yaml, server: this.#data.serverId, batches: [] });
    if (version !== this.#linkVersion) return;
    link.href = hash.length - 1 <= MAX_FRAGMENT_CHARS ? `/playground/${hash}` : "/playground/";
  }
}

/** What counts as using the builder: reaching a control, pressing one, or changing one. */
const useEvents = ["focusin", "pointerdown", "change", "input"] as const;

customElements.define("policy-builder", PolicyBuilder);
