/**
 * Finds text aimed at the model rather than the user ("tool poisoning"):
 * tags such as <IMPORTANT>, "ignore previous instructions", secrecy from the
 * user, instructions to read secret files or hand data to other tools, and
 * invisible characters. Usage guidance ("ALWAYS call this first", "use this
 * tool when ...") is ordinary documentation and is not flagged.
 *
 * Every pattern is linear: no nested quantifiers, bounded gaps only.
 */
import { capText, INVISIBLE_CHARACTERS, quote, SCAN_LIMIT } from "./bounded-text.ts";

export interface HiddenInstructionRule {
  id: string;
  pattern: RegExp;
  explanation: string;
}

const gap = "[^.\\n]{0,60}?";
/** A gap inside one clause: "rather than calling once per test: the tool takes a list" names no other tool. */
const clauseGap = "[^.:;\\n]{0,60}?";

export const hiddenInstructionRules: readonly HiddenInstructionRule[] = [
  {
    id: "instruction-tag",
    pattern: /<\s{0,3}\/?\s{0,3}(?:important|system|instructions?|secret|hidden|admin|override|sudo|assistant|prompt|critical|context|note_to_ai|ai_instructions?)\b[^<>]{0,40}>/i,
    explanation: "An <IMPORTANT>-style tag: markup for the model, not the reader.",
  },
  {
    id: "ignore-instructions",
    pattern: /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|other|existing|system)\s+(?:instructions?|prompts?|messages?|rules|guidelines|directives)/i,
    explanation: "Tells the model to ignore its instructions.",
  },
  {
    id: "secrecy",
    pattern: new RegExp(
      `\\b(?:do\\s+not|don'?t|never|without)\\s+(?:tell|telling|inform|informing|mention|mentioning|show|showing|reveal|revealing|notify|notifying|alert|alerting|let)\\s+(?:the\\s+|your\\s+)?user|\\b(?:hide|conceal|keep)\\s+(?:this|it|that)${gap}\\bfrom\\s+(?:the\\s+|your\\s+)?user|\\bthe\\s+user\\s+(?:must|should|need)\\s+not\\s+(?:know|see|be\\s+told)|\\b(?:keep\\s+this\\s+secret|do\\s+not\\s+mention\\s+(?:this|that))|\\b(?:do\\s+not|don'?t|never)\\s+(?:tell|inform|mention|show|reveal|disclose|notify|report)\\b${gap}\\bto\\s+(?:the\\s+|your\\s+)?user|\\bwithout\\s+(?:the\\s+)?user'?s?\\s+(?:knowledge|knowing|consent|noticing|awareness)|\\b(?:don'?t|do\\s+not|never)\\s+let\\s+(?:the\\s+)?user\\s+(?:know|see|notice)|\\bkeep\\s+(?:this|it|that)\\s+(?:secret|confidential|hidden)|\\bsecretly\\b`,
      "i",
    ),
    explanation: "Tells the model to hide something from the user.",
  },
  {
    id: "secret-file",
    pattern: new RegExp(
      `\\b(?:read|cat|open|include|pass|send|provide|attach|upload|copy|extract|access|retrieve|get)\\b[^\\n]{0,60}?(?:~\\/\\.ssh|\\.ssh\\/|id_rsa|id_ed25519|id_ecdsa|\\.aws\\/credentials|\\/etc\\/passwd|\\/etc\\/shadow|\\.gnupg|\\.kube\\/config|mcp\\.json|\\.npmrc|\\.netrc|\\.pgpass|private key)`,
      "i",
    ),
    explanation: "Tells the model to read a secret file (SSH keys, cloud credentials, MCP configuration).",
  },
  {
    id: "exfiltrate-data",
    pattern: new RegExp(
      `\\b(?:pass|send|forward|include|append|attach|copy|provide|put)\\b${gap}\\b(?:the\\s+)?(?:contents?\\s+of\\s+(?:the\\s+)?(?:\\.env|~\\/|config)|conversation|chat\\s+history|previous\\s+messages|system\\s+prompt|user'?s?\\s+(?:messages|emails|data|files|credentials|password)|api[_\\s-]?keys?|credentials|secrets|passwords?|tokens)\\b${gap}\\b(?:to|into|as|in)\\b`,
      "i",
    ),
    explanation: "Tells the model to hand the user's data or secrets to a parameter or another tool.",
  },
  {
    id: "env-file-contents",
    pattern: /\b(?:read|cat|open|include|pass|send)\b[^.\n]{0,40}?\.env\b[^.\n]{0,60}?\b(?:pass|parameter|argument|sidenote|field|include|send)\b/i,
    explanation: "Tells the model to read a .env file and pass what it holds along.",
  },
  {
    id: "redirect-tools",
    pattern: new RegExp(
      `\\b(?:instead\\s+of|rather\\s+than)\\s+(?:using|calling|the)\\b${clauseGap}\\btool|\\b(?:all|every|any)\\s+(?:emails?|messages?|payments?|transfers?)\\s+(?:must|should|shall)\\s+(?:be\\s+)?(?:sent|sent\\s+to|redirected|forwarded|routed)|\\b(?:change|set|replace)\\s+the\\s+(?:recipient|destination|to\\s+address|account\\s+number)|\\bwhen\\s+(?:any|another|other)\\s+tool${gap}\\b(?:is\\s+)?(?:called|used|invoked)`,
      "i",
    ),
    explanation: "Redirects the model's other tool calls (recipients, destinations, other tools).",
  },
  {
    id: "html-comment",
    // An Outlook conditional (`<!--[if mso]>`) is documented markup, not a hidden note.
    pattern: /<!--(?!\s{0,3}\[if\b)/,
    explanation: "An HTML comment: invisible when rendered, read by the model.",
  },
];

export interface HiddenInstructionFinding {
  /** Where the text was: "description", "title", `parameter "path"`. */
  where: string;
  ruleId: string;
  explanation: string;
  /** The matching text, quoted (invisible characters shown by name). */
  excerpt: string;
}

/** Invisible characters by name, for evidence: the characters themselves must not be echoed. */
function invisibleCharacterName(text: string): string {
  const match = text.match(INVISIBLE_CHARACTERS);
  const code = match?.[0].codePointAt(0) ?? 0;
  if (code >= 0x202a && code <= 0x202e) return "a bidirectional-override character";
  if (code >= 0x2066 && code <= 0x2069) return "a bidirectional-isolate character";
  if (code >= 0xe0000) return "a Unicode tag character";
  return "a zero-width character";
}

/** Hidden-instruction findings in these texts, at most one per text and rule. */
export function detectHiddenInstructions(texts: readonly { where: string; text: string }[]): HiddenInstructionFinding[] {
  const findings: HiddenInstructionFinding[] = [];
  for (const { where, text } of texts) {
    const scanned = capText(text, SCAN_LIMIT);
    if (INVISIBLE_CHARACTERS.test(scanned)) {
      findings.push({
        where,
        ruleId: "invisible-characters",
        explanation: "Zero-width or bidirectional-override characters hide text from people.",
        excerpt: invisibleCharacterName(scanned),
      });
    }
    for (const rule of hiddenInstructionRules) {
      const match = rule.pattern.exec(scanned);
      if (match) findings.push({ where, ruleId: rule.id, explanation: rule.explanation, excerpt: quote(match[0], 60) });
    }
  }
  return findings;
}

export const invisibleCharactersRule: HiddenInstructionRule = {
  id: "invisible-characters",
  pattern: INVISIBLE_CHARACTERS,
  explanation: "Zero-width or bidirectional-override characters hide text from people.",
};
