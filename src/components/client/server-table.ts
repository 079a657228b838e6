/**
 * Browser code. <server-table>: filters rows by text, tag and highest risk and
 * sorts by any column with a sort button, moving existing rows (no markup is
 * created from data).
 */
class ServerTable extends HTMLElement {
  #direction = new Map<string, number>();

  connectedCallback(): void {
    const tbody = this.querySelector("tbody");
    const text = this.querySelector<HTMLInputElement>("input[data-filter-text]");
    const risk = this.querySelector<HTMLSelectElement>("select[data-filter-risk]");
    const tag = this.querySelector<HTMLSelectElement>("select[data-filter-tag]");
    const status = this.querySelector("[data-status]");
    if (!tbody) return;
    const rows = () => [...tbody.querySelectorAll<HTMLTableRowElement>("tr")];

    const filter = () => {
      const needle = (text?.value ?? "").trim().toLowerCase();
      const wanted = risk?.value ?? "";
      const wantedTag = tag?.value ?? "";
      let shown = 0;
      for (const row of rows()) {
        const tagged = !wantedTag || (row.dataset.tags ?? "").includes(` ${wantedTag} `);
        const match = (!needle || (row.dataset.search ?? "").includes(needle)) && (!wanted || row.dataset.risk === wanted) && tagged;
        row.hidden = !match;
        if (match) shown++;
      }
      if (status) status.textContent = `${shown} of ${rows().length} servers shown`;
    };
    text?.addEventListener("input", filter);
    risk?.addEventListener("change", filter);
    tag?.addEventListener("change", filter);
    this.querySelector("[data-controls]")?.removeAttribute("hidden");

    for (const button of this.querySelectorAll<HTMLButtonElement>("button[data-sort]")) {
      button.addEventListener("click", () => {
        const key = button.dataset.sort ?? "";
        const numeric = button.dataset.numeric === "true";
        const direction = -(this.#direction.get(key) ?? (numeric ? 1 : -1));
        this.#direction.set(key, direction);
        const value = (row: HTMLTableRowElement) => row.dataset[key] ?? "";
        const sorted = rows().sort((a, b) =>
          direction * (numeric ? Number(value(a)) - Number(value(b)) : value(a).localeCompare(value(b))),
        );
        tbody.append(...sorted);
        for (const th of this.querySelectorAll("th[aria-sort]")) th.removeAttribute("aria-sort");
        button.closest("th")?.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
      });
    }
  }
}

customElements.define("server-table", ServerTable);
