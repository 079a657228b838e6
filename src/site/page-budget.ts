/**
 * Tool pages must stay within 30,000 bytes of HTML whatever a server sends.
 * A page that would not fit gives up, in order, what matters least to a
 * reader judging the tool: long parameter descriptions, the related-tools
 * lists, parameter descriptions altogether, the description beyond its
 * first 4,000 characters, parameter rows, and last the rest of the description.
 * Everything given up stays in catalog.json, and the page says so.
 */
import { sizeLimits } from "../classify/index.ts";
import type { SafeHtml } from "./html.ts";

export const TOOL_PAGE_BUDGET = 30_000;

/**
 * What BaseLayout adds around the article, the title, the meta description
 * and the JSON-LD: 2,340 bytes on the real catalog's pages, with room for a
 * long breadcrumb. site-build.test.ts checks whole built pages against the budget.
 */
export const LAYOUT_BYTES = 2_800;

/** What a description keeps before any parameter row gives way: enough to read what the tool does and any text aimed at the model. */
export const DESCRIPTION_KEPT = 4_000;

export interface ShownLimits {
  /** Characters of each parameter's description. */
  parameterDescription: number;
  /** Rows of the parameter table. */
  parameterRows: number;
  /** Characters of the tool's description. */
  description: number;
  /** The lists of related tools. */
  related: boolean;
}

export const fullLimits: ShownLimits = { parameterDescription: 600, parameterRows: Infinity, description: sizeLimits.descriptionCharacters, related: true };

/** The first tightenings, before any of the tool's own description is cut. */
const steps: ReadonlyArray<Partial<ShownLimits>> = [{ parameterDescription: 200 }, { related: false }, { parameterDescription: 0 }];

const bytes = (markup: SafeHtml): number => Buffer.byteLength(markup.value);

/**
 * The article rendered with the loosest limits that fit `budget` bytes.
 * `budget` is what is left once the layout and head are counted.
 */
export function fitArticle(render: (limits: ShownLimits) => SafeHtml, budget: number, sizes: { description: number; parameters: number }): { article: SafeHtml; limits: ShownLimits } {
  let limits = fullLimits;
  let article = render(limits);
  for (const step of steps) {
    if (bytes(article) <= budget) return { article, limits };
    limits = { ...limits, ...step };
    article = render(limits);
  }
  // The description's tail goes next, down to its first DESCRIPTION_KEPT characters (a character is at least one byte)...
  const cutDescription = (lowest: number) => {
    let description = Math.min(limits.description, sizes.description);
    for (let overshoot = bytes(article) - budget; overshoot > 0 && description > lowest; overshoot = bytes(article) - budget) {
      description = Math.max(lowest, description - overshoot - 200);
      limits = { ...limits, description };
      article = render(limits);
    }
  };
  cutDescription(Math.min(DESCRIPTION_KEPT, sizes.description));
  if (bytes(article) <= budget) return { article, limits };
  // ...then parameter rows, as many listed as fit (found by bisection)...
  let fits = 0;
  let over = Math.min(sizes.parameters, limits.parameterRows);
  while (over - fits > 1) {
    const rows = Math.floor((fits + over) / 2);
    if (bytes(render({ ...limits, parameterRows: rows })) <= budget) fits = rows;
    else over = rows;
  }
  limits = { ...limits, parameterRows: fits };
  article = render(limits);
  // ...and only with no row left, the rest of the description.
  cutDescription(0);
  return { article, limits };
}
