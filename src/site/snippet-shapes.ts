/**
 * A tool page's policy snippets, Cedar panels and simulated refusals depend
 * on the tool only through its recommendation and, where a file or a message
 * writes it, its name. Most names are written as they are (letters, digits,
 * `_` and `-`, starting with a letter): for those, each recommendation shape
 * is rendered once with a stand-in name and the tool's name put in its
 * place, which took their share of a tool page's own work from about a
 * third to under a tenth in a profile (issue #18). Any other name (quoted in
 * YAML, escaped in Cedar, holding a dot the proxy cannot count) is rendered
 * directly. snippet-shapes.test.ts holds both ways equal for every tool of
 * the catalog and for generated names.
 */
import { cedarToolSnippet, policySnippets, type CedarTarget, type Policy, type PolicySnippet, type RecommendableTool, type RuleRecommendation, type SnippetVariant } from "../policy/index.ts";
import { agentTextFor } from "./agent-text.ts";

/** A name YAML, Cedar and the proxy's messages write verbatim, and which no other text of a snippet can contain. */
const plainName = /^[A-Za-z][A-Za-z0-9_-]{0,199}$/;
/** Words YAML 1.1 readers take for booleans or null: a key spelled so is quoted, so it is rendered directly. */
const yamlWords = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
const STAND_IN = "zzStandInToolNamezz";

export function writtenAsIs(name: string): boolean {
  return plainName.test(name) && !yamlWords.test(name) && !name.includes(STAND_IN);
}

/** The recommendation without the tool's name: what a shape's snippets are rendered from. */
function shapeKey(recommendation: RuleRecommendation): string {
  const { tool: _name, ...shape } = recommendation;
  return JSON.stringify(shape);
}

const withName = (text: string, name: string): string => text.replaceAll(STAND_IN, name);

const snippetShapes = new Map<string, PolicySnippet[]>();
const cedarShapes = new Map<string, ReturnType<typeof cedarToolSnippet>>();

/** `policySnippets(tool, recommendation)`, from the shape's rendering when the name is written as it is. */
export function toolSnippets(tool: RecommendableTool, recommendation: RuleRecommendation): PolicySnippet[] {
  if (!writtenAsIs(tool.name)) return policySnippets(tool, recommendation);
  const key = shapeKey(recommendation);
  let shape = snippetShapes.get(key);
  if (!shape) {
    shape = policySnippets({ ...tool, name: STAND_IN }, { ...recommendation, tool: STAND_IN });
    snippetShapes.set(key, shape);
  }
  return shape.map((snippet) => {
    let policy: Policy | undefined;
    return {
      ...snippet,
      yaml: withName(snippet.yaml, tool.name),
      // Rebuilt from its JSON only when asked for (a page shows the YAML; the FAQ's refusals come from agentText).
      get policy(): Policy {
        return (policy ??= JSON.parse(withName(JSON.stringify(snippet.policy), tool.name)) as Policy);
      },
    };
  });
}

const agentTextShapes = new Map<string, string | undefined>();

/**
 * `agentTextFor(snippets, variant, name, args)`: what the agent receives when
 * the snippet refuses a call, from the shape's simulation when the name is
 * written as it is.
 */
export function agentText(tool: RecommendableTool, recommendation: RuleRecommendation, snippets: readonly PolicySnippet[], variant: SnippetVariant, args: Record<string, unknown> = {}): string | undefined {
  if (!writtenAsIs(tool.name)) return agentTextFor(snippets, variant, tool.name, args);
  const key = `${variant} ${JSON.stringify(args)} ${shapeKey(recommendation)}`;
  if (!agentTextShapes.has(key)) {
    const standIn = { ...tool, name: STAND_IN };
    agentTextShapes.set(key, agentTextFor(toolSnippets(standIn, { ...recommendation, tool: STAND_IN }), variant, STAND_IN, args));
  }
  const text = agentTextShapes.get(key);
  return text === undefined ? undefined : withName(text, tool.name);
}

/** `cedarToolSnippet(recommendation, target)`, from the shape's rendering when the name is written as it is. */
export function toolCedarSnippet(recommendation: RuleRecommendation, target: CedarTarget): ReturnType<typeof cedarToolSnippet> {
  if (!writtenAsIs(recommendation.tool)) return cedarToolSnippet(recommendation, target);
  const key = `${target} ${shapeKey(recommendation)}`;
  let shape = cedarShapes.get(key);
  if (!shape) {
    shape = cedarToolSnippet({ ...recommendation, tool: STAND_IN }, target);
    cedarShapes.set(key, shape);
  }
  return { text: withName(shape.text, recommendation.tool), unexpressed: shape.unexpressed.map((line) => withName(line, recommendation.tool)) };
}
