import { splitName } from "./split-name.ts";
import { domainRules, type DomainName } from "./rules.ts";

export interface DomainReading {
  domains: Set<DomainName>;
  /** The word that marked each domain. */
  evidence: Map<DomainName, string>;
  /** Domains marked by the tool's own name rather than the server's. */
  byToolName: Set<DomainName>;
}

/**
 * The server's domains, from its tags and the words of its name; a domain
 * that may be named by a tool (`readGmailDraft` on a Google Workspace server)
 * also from the words of the tool's own name.
 */
export function readDomain(serverName: unknown, tags: unknown, toolNameWords: readonly string[] = []): DomainReading {
  const found: string[] = [];
  if (typeof serverName === "string") found.push(...splitName(serverName));
  if (Array.isArray(tags)) for (const tag of tags.slice(0, 50)) if (typeof tag === "string") found.push(...splitName(tag));
  const reading: DomainReading = { domains: new Set(), evidence: new Map(), byToolName: new Set() };
  for (const rule of domainRules) {
    const serverWord = found.find((w) => rule.words.includes(w));
    const toolWord = serverWord === undefined && rule.fromToolName ? toolNameWords.find((w) => rule.words.includes(w)) : undefined;
    const word = serverWord ?? toolWord;
    if (word !== undefined) {
      reading.domains.add(rule.domain);
      reading.evidence.set(rule.domain, word);
      if (toolWord !== undefined) reading.byToolName.add(rule.domain);
    }
  }
  return reading;
}
