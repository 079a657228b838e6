/**
 * Browser code. <site-search>: a search form that loads pagefind only when
 * the visitor focuses or uses it, and renders results with textContent only
 * (titles and excerpts come from untrusted catalog text).
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const knownBadges = new Set(["read", "write", "execute", "destructive", "financial", "low", "medium", "high", "critical"]);
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  const url = "/pagefind/pagefind.js";
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (module) => {
    await module.options({ excerptLength: 20 });
    await module.init();
    return module;
  });
  return pagefind;
}

/** Pagefind's excerpt is escaped text with <mark> around hits: keep the text, drop the tags. */
function excerptText(excerpt: string): string {
  const entities: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'", "&amp;": "&" };
  return excerpt.replace(/<\/?mark>/g, "").replace(/&(?:lt|gt|quot|#39|#x27|amp);/g, (e) => entities[e] ?? e);
}

function badge(text: string): HTMLElement {
  const span = document.createElement("span");
  const key = text.toLowerCase();
  span.className = `badge ${knownBadges.has(key) ? `badge-${key}` : "badge-none"}`;
  span.textContent = text;
  return span;
}

class SiteSearch extends HTMLElement {
  #input?: HTMLInputElement;
  #results?: HTMLElement;
  #status?: HTMLElement;
  #filters: HTMLSelectElement[] = [];
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    this.#input = this.querySelector("input[type=search]") ?? undefined;
    this.#results = this.querySelector("[data-results]") ?? undefined;
    this.#status = this.querySelector("[data-status]") ?? undefined;
    this.#filters = [...this.querySelectorAll<HTMLSelectElement>("select[data-filter]")];
    const form = this.querySelector("form");
    if (!this.#input || !this.#results || !form) return;

    this.#input.addEventListener("focus", () => void loadPagefind().catch(() => undefined), { once: true });
    this.#input.addEventListener("input", () => this.#schedule());
    this.#input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.#results?.replaceChildren();
    });
    for (const select of this.#filters) select.addEventListener("change", () => this.#schedule());
    form.addEventListener("submit", (event) => {
      // With filters on this page, search here; the header form goes to /search/ when there is nothing typed.
      if (this.#filters.length > 0 || this.#input?.value.trim()) {
        event.preventDefault();
        void this.search();
      }
    });

    const params = new URLSearchParams(location.search);
    if (this.#filters.length > 0 && (params.get("q") || params.get("category") || params.get("risk"))) {
      this.#input.value = params.get("q") ?? "";
      for (const select of this.#filters) select.value = params.get(select.dataset.filter ?? "") ?? "";
      void this.search();
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.search(), 150);
  }

  async search(): Promise<void> {
    const run = ++this.#run;
    const query = this.#input?.value.trim() ?? "";
    const filters: Record<string, string> = {};
    for (const select of this.#filters) if (select.value && select.dataset.filter) filters[select.dataset.filter] = select.value;
    if (!query && Object.keys(filters).length === 0) {
      this.#results?.replaceChildren();
      this.#setStatus("");
      return;
    }
    let found: PagefindResultData[];
    try {
      const engine = await loadPagefind();
      const response = await engine.search(query || null, { filters });
      found = await Promise.all(response.results.slice(0, 20).map((r) => r.data()));
      if (run !== this.#run) return;
      this.#setStatus(`${response.results.length} result${response.results.length === 1 ? "" : "s"}`);
    } catch {
      this.#setStatus("Search is not available (the index is built with `npm run build`).");
      return;
    }
    this.#results?.replaceChildren(...found.map((data) => this.#item(data)));
  }

  #setStatus(text: string): void {
    if (this.#status) this.#status.textContent = text;
  }

  #item(data: PagefindResultData): HTMLElement {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = data.url;
    link.className = "result-title";
    link.textContent = data.meta.title ?? data.url;
    const line = document.createElement("div");
    line.className = "badges";
    const server = data.meta.server;
    if (server && data.meta.kind === "tool") {
      const on = document.createElement("span");
      on.className = "muted";
      on.textContent = `on ${server}`;
      line.append(on);
    }
    if (data.meta.kind === "server") line.append(badge("Server"));
    for (const key of ["category", "risk"]) {
      const value = data.meta[key];
      if (value) line.append(badge(value));
    }
    const excerpt = document.createElement("p");
    excerpt.className = "muted";
    excerpt.textContent = excerptText(data.excerpt);
    li.append(link, line, excerpt);
    return li;
  }
}

customElements.define("site-search", SiteSearch);
