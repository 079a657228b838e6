/**
 * Browser code. <tool-scan>: reads a pasted or dropped tool list,
 * classifies it in the page with the catalog's classifier, shows the
 * verdicts and mounts the server policy builder (<policy-builder>, the
 * same component as /servers/<id>/policy/) for the list. Nothing is sent
 * anywhere, and a paste fetches nothing: the classifier comes with the
 * page. The builder's policy engine (a worker as large as the rest of the
 * page) is fetched from the site when the builder is first used.
 */
import "../playground/policy-builder.ts";
import type { ToolDefinition } from "../catalog/tool-definition-schema.ts";
import { toolParameters } from "../catalog/tool-parameters.ts";
import { classifyTool } from "../classify/classify-tool.ts";
import { initialRows, readLimitCount, type BuilderRow, type BuilderTool } from "../playground/builder-policy.ts";
import { MAX_STATE_CHARS } from "../playground/url-state.ts";
import type { Window } from "../policy/policy-words.ts";
import { MAX_LIST_CHARS, readToolList } from "./read-tool-list.ts";
import { builderMarkupHtml } from "../site/builder-markup.ts";
import { resultRowsHtml } from "./scan-markup.ts";
import { decodeScanFragment, encodeScanState, type BuilderChoices, type RowChoice } from "./scan-state.ts";
import { byRisk, type ScannedTool } from "./scanned-tools.ts";

/** Tools classified between two yields to the page, so a 20,000-tool list never freezes the tab. */
const CLASSIFY_CHUNK = 200;
/** Result rows added per "show more". */
const PAGE_ROWS = 100;
/** A policy for more tools passes the engine's 20,000-value cap, so the builder could not check it. */
export const MAX_BUILDER_TOOLS = 1_000;
/** A pasted text longer than this is not copied into the text box (the page reads it all the same). */
const MAX_ECHO_CHARS = 200_000;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const count = (n: number) => n.toLocaleString("en-US");

class ToolScan extends HTMLElement {
  #generation = 0;
  #scanned: ScannedTool[] = [];
  #shown = 0;
  #tools: ToolDefinition[] = [];
  #recommended: BuilderRow[] = [];
  #builder = document.createElement("policy-builder");
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const input = this.#find<HTMLTextAreaElement>("[data-scan-input]");
    this.#find("[data-scan-run]").addEventListener("click", () => void this.#run(input.value));
    input.addEventListener("paste", () => setTimeout(() => void this.#run(input.value), 0));
    this.#find<HTMLInputElement>("[data-scan-file]").addEventListener("change", (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) void this.#readFile(file);
    });
    const zone = this.#find("[data-scan-drop]");
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.toggleAttribute("data-dragging", true);
    });
    zone.addEventListener("dragleave", () => zone.removeAttribute("data-dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.removeAttribute("data-dragging");
      const file = event.dataTransfer?.files[0];
      const text = event.dataTransfer?.getData("text/plain");
      if (file) void this.#readFile(file);
      else if (text) void this.#run(text);
    });
    this.#find("[data-scan-more]").addEventListener("click", () => this.#showMore());
    for (const type of ["change", "input", "click"]) this.#builder.addEventListener(type, () => this.#saveSoon());
    this.#builder.setAttribute("data-check-on-use", "");
    this.dataset.ready = "";
    void this.#restore();
  }

  #find<T extends HTMLElement = HTMLElement>(selector: string): T {
    const element = this.querySelector<T>(selector);
    if (!element) throw new Error(`the scan page has no ${selector}`);
    return element;
  }

  async #restore(): Promise<void> {
    const decoded = await decodeScanFragment(location.hash);
    if (decoded.ok === "empty") return;
    if (decoded.ok === false) return this.#showError(decoded.message);
    const text = JSON.stringify(decoded.state.tools);
    if (text.length <= MAX_ECHO_CHARS) this.#find<HTMLTextAreaElement>("[data-scan-input]").value = text;
    await this.#run(text, decoded.state.choices);
  }

  async #readFile(file: File): Promise<void> {
    // Checked before reading: a huge file is refused without loading it.
    if (file.size > MAX_LIST_CHARS) {
      return this.#showError(`Too large: ${file.name} is ${count(file.size)} bytes, more than the ${count(MAX_LIST_CHARS)} this page reads.`);
    }
    const text = await file.text();
    const input = this.#find<HTMLTextAreaElement>("[data-scan-input]");
    input.value = text.length <= MAX_ECHO_CHARS ? text : "";
    input.placeholder = text.length <= MAX_ECHO_CHARS ? input.placeholder : `${file.name}: ${count(text.length)} characters, read from the file.`;
    await this.#run(text);
  }

  async #run(text: string, choices?: BuilderChoices): Promise<void> {
    const generation = ++this.#generation;
    this.#showError("");
    this.#status("Reading the list…");
    await yieldToPage();
    const read = readToolList(text);
    if (generation !== this.#generation) return;
    if (!read.ok) return this.#showError(read.message);
    const context = read.serverName ? { serverName: read.serverName } : {};
    const scanned: ScannedTool[] = [];
    for (let i = 0; i < read.tools.length; i += CLASSIFY_CHUNK) {
      for (const tool of read.tools.slice(i, i + CLASSIFY_CHUNK)) scanned.push({ tool, verdict: classifyTool(tool, context) });
      this.#status(`Classified ${count(scanned.length)} of ${count(read.tools.length)} tools…`);
      await yieldToPage();
      if (generation !== this.#generation) return;
    }
    this.#scanned = scanned.sort(byRisk);
    this.#tools = read.tools;
    const byLevel = ["Critical", "High", "Medium", "Low"].map((risk) => [risk, scanned.filter((s) => s.verdict.risk === risk).length] as const).filter(([, n]) => n > 0);
    const dropped = read.dropped.length === 0 ? "" : ` ${count(read.dropped.length)} ${read.dropped.length === 1 ? "item was" : "items were"} not a tool and left out (${read.dropped.slice(0, 3).map((d) => `item ${d.index}: ${d.reason}`).join("; ")}${read.dropped.length > 3 ? "; …" : ""}).`;
    this.#status(`${count(scanned.length)} ${scanned.length === 1 ? "tool" : "tools"} classified in this page: ${byLevel.map(([risk, n]) => `${count(n)} ${risk}`).join(", ") || "none"}.${dropped}`);
    this.#find("[data-scan-results]").hidden = false;
    this.#find("[data-scan-rows]").replaceChildren();
    this.#shown = 0;
    this.#showMore();
    this.#showBuilder(read.serverName, choices);
    this.#saveSoon();
  }

  #showMore(): void {
    const next = this.#scanned.slice(this.#shown, this.#shown + PAGE_ROWS);
    // Escaped by the `html` template: the list's text only ever lands as text.
    this.#find("[data-scan-rows]").insertAdjacentHTML("beforeend", resultRowsHtml(next).value);
    this.#shown += next.length;
    const more = this.#find<HTMLButtonElement>("[data-scan-more]");
    const left = this.#scanned.length - this.#shown;
    more.hidden = left === 0;
    more.textContent = `Show ${count(Math.min(PAGE_ROWS, left))} more (${count(left)} not shown)`;
  }

  #showBuilder(serverName: string | undefined, choices: BuilderChoices | undefined): void {
    const note = this.#find("[data-builder-note]");
    const slot = this.#find("[data-builder-slot]");
    if (this.#tools.length > MAX_BUILDER_TOOLS) {
      slot.hidden = true;
      note.textContent = `The policy builder takes up to ${count(MAX_BUILDER_TOOLS)} tools, and this list has ${count(this.#tools.length)}: a policy that long passes the limits of the checker that validates it. npm run scan -- --policy FILE writes the recommended policy for a server of any size.`;
      return;
    }
    note.textContent = "Every tool starts from its recommended rule; the YAML follows every change and is checked as it changes.";
    slot.hidden = false;
    const tools: BuilderTool[] = this.#scanned.map(({ tool, verdict }) => ({
      name: tool.name,
      parameters: toolParameters(tool).map(({ name, type, required }) => ({ name, type, required })),
      verdict: { category: verdict.category, risk: verdict.risk, flags: verdict.flags },
    }));
    const slug = (serverName ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "scanned-server";
    this.#mountBuilder(tools, initialRows(tools), slug, `Recommended policy for ${serverName ?? "a scanned server"}, from the MCP Tool Catalog's scan`, choices);
  }

  /**
   * The builder reads its rows and data when it is connected, so a new
   * list is a fresh inside for the same element, connected again: its
   * engine worker, once fetched, is kept for the next list.
   */
  #mountBuilder(tools: BuilderTool[], recommended: BuilderRow[], fileStem: string, description: string, choices?: BuilderChoices): void {
    this.#recommended = recommended;
    const chosen = new Map(choices?.rows);
    const rows = recommended.map((row) => {
      const choice = chosen.get(row.tool);
      return choice ? { ...row, action: choice.action, limit: { count: choice.count, window: choice.window }, approvalTimeout: choice.timeout } : row;
    });
    this.#builder.remove();
    const markup = builderMarkupHtml({ rows, caption: "The scanned tools and what the policy does with each", fileName: `${fileStem}.policy.yaml`, settings: choices });
    // Escaped by the `html` template, as on the server page.
    this.#builder.innerHTML = markup.value;
    const data = document.createElement("script");
    data.type = "application/json";
    data.setAttribute("data-builder-tools", "");
    data.textContent = JSON.stringify({ serverId: fileStem, description, tools });
    this.#builder.prepend(data);
    this.#find("[data-builder-slot]").append(this.#builder);
    // The component starts from the recommendations; a row restored from the link is read from its controls.
    this.#builder.querySelectorAll<HTMLTableRowElement>("tr[data-index]").forEach((tr, i) => {
      if (chosen.has(rows[i]?.tool ?? "")) tr.dispatchEvent(new Event("change"));
    });
  }

  /** The builder's choices that differ from the recommendations, read from its controls. */
  #choices(): BuilderChoices {
    const value = (root: ParentNode, selector: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)?.value ?? "";
    const rows: BuilderChoices["rows"] = [];
    this.#builder.querySelectorAll<HTMLTableRowElement>("tr[data-index]").forEach((tr) => {
      const recommended = this.#recommended[Number(tr.dataset.index)];
      if (!recommended) return;
      const choice: RowChoice = {
        action: value(tr, "[data-action]") as RowChoice["action"],
        count: readLimitCount(value(tr, "[data-count]")) ?? recommended.limit.count,
        window: (value(tr, "[data-window]") || recommended.limit.window) as Window,
        timeout: value(tr, "[data-timeout]") || recommended.approvalTimeout,
      };
      const same = choice.action === recommended.action && choice.count === recommended.limit.count && choice.window === recommended.limit.window && choice.timeout === recommended.approvalTimeout;
      if (!same) rows.push([recommended.tool, choice]);
    });
    const deny = this.#builder.querySelector<HTMLInputElement>("input[name='builder-default'][value='deny']")?.checked ?? false;
    const capOn = this.#builder.querySelector<HTMLInputElement>("[data-global-on]")?.checked ?? false;
    const capCount = readLimitCount(value(this.#builder, "[data-global-count]"));
    return { default: deny ? "deny" : "allow", ...(capOn && capCount !== undefined ? { cap: { count: capCount, window: value(this.#builder, "[data-global-window]") as Window } } : {}), rows };
  }

  #saveSoon(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.#save(), 250);
  }

  async #save(): Promise<void> {
    if (this.#tools.length === 0) return;
    const generation = this.#generation;
    const linkStatus = this.#find("[data-link-status]");
    const tools = JSON.stringify(this.#tools);
    const encoded = tools.length > MAX_STATE_CHARS
      ? { ok: false as const, message: `This list is too large to keep in the page's link: it is ${count(tools.length)} characters, more than the ${count(MAX_STATE_CHARS)} a link's state may hold. The page works as usual; save the tool list to share it.` }
      : await encodeScanState({ tools: this.#tools, choices: this.#choices() });
    if (generation !== this.#generation) return;
    if (encoded.ok) {
      history.replaceState(null, "", encoded.hash);
      linkStatus.textContent = "The address now holds this list and your choices: copy it to share this page as it is.";
    } else {
      history.replaceState(null, "", location.pathname);
      linkStatus.textContent = encoded.message;
    }
  }

  #status(text: string): void {
    this.#find("[data-scan-status]").textContent = text;
  }

  #showError(message: string): void {
    const error = this.#find("[data-scan-error]");
    error.textContent = message;
    error.hidden = message === "";
    if (message !== "") {
      this.#status("");
      this.#find("[data-scan-results]").hidden = true;
      this.#find("[data-builder-slot]").hidden = true;
    }
  }
}

customElements.define("tool-scan", ToolScan);
