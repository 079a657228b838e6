/** Browser code: download and copy, shared by the playground and the builder. */

export function downloadText(filename: string, text: string, type = "application/yaml"): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies and says so in `status` (an aria-live element); a refused clipboard gets a hint instead. */
export async function copyText(text: string, status: Element | null, what = "Copied"): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = what;
  } catch {
    if (status) status.textContent = "Copy failed: select the text and copy it by hand";
  }
}
