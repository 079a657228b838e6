/** Browser code. <copy-button for="id">: copies the text of the element with that id. */
class CopyButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector("button");
    const status = this.querySelector("[data-status]");
    button?.addEventListener("click", async () => {
      const source = document.getElementById(this.getAttribute("for") ?? "");
      if (!source) return;
      try {
        await navigator.clipboard.writeText(source.textContent ?? "");
        if (status) status.textContent = "Copied";
      } catch {
        if (status) status.textContent = "Copy failed: select the text and copy it";
      }
      setTimeout(() => {
        if (status) status.textContent = "";
      }, 3000);
    });
    if (button) button.hidden = false;
  }
}

customElements.define("copy-button", CopyButton);
