/**
 * Browser-safe: the terminal table of `npm run scan`. Names come from the
 * server, so the caller passes them through `clean` (the crawler's
 * `safeForTerminal`) before they reach the screen; long ones are shortened.
 */
import { flagsInWords, parametersInWords, type ScannedTool } from "./scanned-tools.ts";

const MAX_NAME = 48;

export function scanTable(scanned: readonly ScannedTool[], clean: (text: string) => string): string {
  const header = ["tool", "category", "risk", "confidence", "parameters", "flags"];
  const rows = scanned.map(({ tool, verdict }) => {
    const name = clean(tool.name);
    return [
      name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name,
      verdict.category,
      verdict.risk,
      verdict.confidence,
      parametersInWords(verdict),
      flagsInWords(verdict.flags) || "-",
    ];
  });
  // The last column is not padded: flags can be long and end the line.
  const widths = header.slice(0, -1).map((title, i) => Math.max(title.length, ...rows.map((row) => [...row[i]!].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < widths.length ? cell + " ".repeat(widths[i]! - [...cell].length) : cell)).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
