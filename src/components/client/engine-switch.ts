/**
 * Browser code. <engine-switch>: remembers the gateway a reader chose, so
 * the next tool page opens on it. Reading needs none of this: the radio
 * buttons and site.css switch panels on their own.
 */
const storageKey = "mcp-tool-catalog:engine";

function remembered(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    // Storage can be refused (private windows, blocked cookies): every page then opens on Intercept.
    return null;
  }
}

class EngineSwitch extends HTMLElement {
  connectedCallback(): void {
    const choice = remembered();
    const radios = [...this.querySelectorAll<HTMLInputElement>('input[type="radio"][name="engine"]')];
    const saved = radios.find((radio) => radio.value === choice);
    if (saved) saved.checked = true;
    this.addEventListener("change", (event) => {
      const radio = event.target;
      if (!(radio instanceof HTMLInputElement) || radio.name !== "engine") return;
      try {
        localStorage.setItem(storageKey, radio.value);
      } catch {
        // Not remembered: the choice still holds on this page.
      }
    });
  }
}

customElements.define("engine-switch", EngineSwitch);
