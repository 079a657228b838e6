/**
 * Browser code: syntax colours and problem underlines for the policy
 * editor, drawn under a textarea whose own text is transparent. The textarea
 * stays the input (typing, paste and its guard, undo, screen readers); this
 * layer only paints, and only the rows in view, placed as the line gutter
 * places its rows (absolutely, whole-pixel line height), so a 9,000-line
 * file costs what 40 lines do and the layer can never make the editor grow.
 * A line too long to paint cheaply turns the layer off while it is in view:
 * the textarea's own text shows again, uncoloured but never missing.
 */
import { lineTokens, type PolicyLanguage } from "./line-tokens.ts";

export type UnderlineSeverity = "error" | "warning";

export interface Underline {
  line: number;
  /** 1-based, in UTF-16 code units like the engine's findings. */
  column: number;
  severity: UnderlineSeverity;
}

/** A visible line longer than this shows as the textarea's plain text instead. */
export const PAINTED_LINE_LIMIT = 10_000;

export class HighlightLayer {
  #frame: HTMLElement;
  #textarea: HTMLTextAreaElement;
  #inner: HTMLElement;
  #lines: string[] = [""];
  #text: string | undefined;
  #language: PolicyLanguage = "intercept";
  #underlines = new Map<number, Underline[]>();
  #pending = 0;

  /** `frame` holds the textarea; the layer is added to it, behind the textarea. */
  constructor(frame: HTMLElement, textarea: HTMLTextAreaElement) {
    this.#frame = frame;
    this.#textarea = textarea;
    const layer = document.createElement("div");
    layer.className = "pg-highlight";
    layer.setAttribute("aria-hidden", "true");
    this.#inner = document.createElement("div");
    this.#inner.className = "pg-highlight-rows";
    layer.append(this.#inner);
    frame.prepend(layer);
    frame.classList.add("highlighting");
    textarea.addEventListener("scroll", () => this.draw());
    textarea.addEventListener("input", () => this.draw());
    new ResizeObserver(() => this.draw()).observe(textarea);
    this.draw();
  }

  setLanguage(language: PolicyLanguage): void {
    this.#language = language;
    this.draw();
  }

  /** Underlines replace the previous ones; the text is read again on the next draw. */
  setUnderlines(underlines: readonly Underline[]): void {
    this.#underlines = new Map();
    for (const underline of underlines) {
      const list = this.#underlines.get(underline.line) ?? [];
      list.push(underline);
      this.#underlines.set(underline.line, list);
    }
    this.draw();
  }

  /** Redraws on the next frame: scrolling and typing fire often. */
  draw(): void {
    if (this.#pending) return;
    this.#pending = requestAnimationFrame(() => {
      this.#pending = 0;
      this.#render();
    });
  }

  #render(): void {
    const value = this.#textarea.value;
    if (value !== this.#text) {
      this.#text = value;
      this.#lines = value.split("\n");
    }
    const style = getComputedStyle(this.#textarea);
    const lineHeight = parseFloat(style.lineHeight) || 20;
    const paddingTop = parseFloat(style.paddingTop) || 0;
    const paddingLeft = parseFloat(style.paddingLeft) || 0;
    const { scrollTop, scrollLeft, clientHeight } = this.#textarea;
    const first = Math.max(1, Math.floor((scrollTop - paddingTop) / lineHeight) + 1);
    const last = Math.min(this.#lines.length, first + Math.ceil(clientHeight / lineHeight) + 1);
    const shown = this.#lines.slice(first - 1, last);
    const paintable = shown.every((line) => line.length <= PAINTED_LINE_LIMIT);
    this.#frame.classList.toggle("highlighting", paintable);
    if (!paintable) {
      this.#inner.replaceChildren();
      return;
    }
    this.#inner.replaceChildren(...shown.map((line, i) => this.#row(line, first + i)));
    this.#inner.style.transform = `translate(${paddingLeft - scrollLeft}px, ${paddingTop + (first - 1) * lineHeight - scrollTop}px)`;
  }

  #row(line: string, number: number): HTMLElement {
    const row = document.createElement("div");
    row.className = "pg-highlight-line";
    row.dataset.line = String(number);
    const underlines = this.#underlines.get(number) ?? [];
    // Each underline marks the token its column falls in (or the line's last character, for a column past the end).
    const marked = new Map<number, Underline>();
    const tokens = lineTokens(line, this.#language);
    for (const underline of underlines) {
      const at = Math.min(Math.max(underline.column - 1, 0), Math.max(line.length - 1, 0));
      const index = tokens.findIndex((t) => t.start <= at && at < t.end);
      if (index >= 0 && (marked.get(index)?.severity !== "error")) marked.set(index, underline);
    }
    tokens.forEach((token, index) => {
      const span = document.createElement("span");
      const underline = marked.get(index);
      span.className = `tok-${token.kind}${underline ? ` underline-${underline.severity}` : ""}`;
      if (underline) span.dataset.underline = underline.severity;
      span.textContent = line.slice(token.start, token.end);
      row.append(span);
    });
    // An empty line with a problem (a missing value at the end of the file) still shows where.
    if (tokens.length === 0 && underlines.length > 0) {
      const span = document.createElement("span");
      span.className = `tok-text underline-${underlines.some((u) => u.severity === "error") ? "error" : "warning"}`;
      span.dataset.underline = span.className.endsWith("error") ? "error" : "warning";
      span.textContent = " ";
      row.append(span);
    }
    return row;
  }
}
