/**
 * Server-supplied text (error messages, stderr, names) printed to a terminal
 * must not carry escape sequences that move the cursor or rewrite the screen.
 */
export function safeForTerminal(text: string, maxLength = 2000): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, "?");
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength)}…` : cleaned;
}
