/**
 * Browser code: line numbers beside a `wrap="off"` textarea. Only the
 * rows in view are drawn, so a 200,000-line paste costs what 40 lines do.
 * Marked lines show a sign as well as a colour (✕ error, ! warning).
 * The rows are absolutely placed, so the gutter never makes the editor
 * taller (a taller editor showed more rows, which made it taller: a loop).
 */
export type LineMark = "error" | "warning";

export class LineGutter {
  #gutter: HTMLElement;
  #textarea: HTMLTextAreaElement;
  #inner: HTMLElement;
  #lines = 1;
  #marks = new Map<number, LineMark>();
  #frame = 0;

  constructor(gutter: HTMLElement, textarea: HTMLTextAreaElement) {
    this.#gutter = gutter;
    this.#textarea = textarea;
    this.#inner = document.createElement("div");
    this.#inner.className = "gutter-rows";
    gutter.replaceChildren(this.#inner);
    textarea.addEventListener("scroll", () => this.draw());
    new ResizeObserver(() => this.draw()).observe(textarea);
  }

  setLineCount(lines: number): void {
    if (lines === this.#lines) return;
    this.#lines = lines;
    this.draw();
  }

  setMarks(marks: Map<number, LineMark>): void {
    this.#marks = marks;
    this.draw();
  }

  /** Redraws on the next frame (scrolling fires often). */
  draw(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  #render(): void {
    const style = getComputedStyle(this.#textarea);
    // The editor's line height is a whole number of pixels (see the page's CSS):
    // a fractional one is rounded by layout and the rows drift (3 lines by line 9,000).
    const lineHeight = parseFloat(style.lineHeight) || 20;
    const paddingTop = parseFloat(style.paddingTop) || 0;
    const scrollTop = this.#textarea.scrollTop;
    const first = Math.max(1, Math.floor((scrollTop - paddingTop) / lineHeight) + 1);
    const visible = Math.ceil(this.#textarea.clientHeight / lineHeight) + 1;
    const last = Math.min(this.#lines, first + visible);
    const rows: HTMLElement[] = [];
    for (let line = first; line <= last; line++) {
      const row = document.createElement("div");
      const mark = this.#marks.get(line);
      row.className = mark ? `gutter-line mark-${mark}` : "gutter-line";
      row.dataset.line = String(line);
      row.textContent = mark === "error" ? `✕ ${line}` : mark === "warning" ? `! ${line}` : String(line);
      rows.push(row);
    }
    this.#inner.replaceChildren(...rows);
    this.#inner.style.transform = `translateY(${paddingTop + (first - 1) * lineHeight - scrollTop}px)`;
    this.#gutter.dataset.marked = [...this.#marks.keys()].sort((a, b) => a - b).join(" ");
  }
}
