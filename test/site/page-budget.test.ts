import { describe, expect, it } from "vitest";
import { html } from "../../src/site/html.ts";
import { DESCRIPTION_KEPT, fitArticle, fullLimits, type ShownLimits } from "../../src/site/page-budget.ts";

/** A page of a known make-up: a description, parameter rows each with a description, and related tools. */
function page(make: { description: number; parameters: number; parameterDescription: number; related: number }) {
  return (limits: ShownLimits) =>
    html`${"d".repeat(Math.min(make.description, limits.description))}${Array.from({ length: Math.min(make.parameters, limits.parameterRows) }, () => `row${"p".repeat(Math.min(make.parameterDescription, limits.parameterDescription))}`)}${limits.related && "r".repeat(make.related)}`;
}

const bytes = (text: string) => Buffer.byteLength(text);

describe("fitting a tool page's article to its budget", () => {
  it("leaves a page that fits exactly as it is", () => {
    const { article, limits } = fitArticle(page({ description: 5_000, parameters: 10, parameterDescription: 600, related: 3_000 }), 20_000, { description: 5_000, parameters: 10 });
    expect(limits).toEqual(fullLimits);
    expect(bytes(article.value)).toBe(5_000 + 10 * 603 + 3_000);
  });

  it.each([
    ["shortens long parameter descriptions first", { description: 5_000, parameters: 20, parameterDescription: 600, related: 3_000 }, { parameterDescription: 200, related: true, description: 10_000 }],
    ["then drops the related tools", { description: 5_000, parameters: 40, parameterDescription: 600, related: 3_000 }, { parameterDescription: 200, related: false, description: 10_000 }],
    ["then drops parameter descriptions", { description: 5_000, parameters: 60, parameterDescription: 600, related: 3_000 }, { parameterDescription: 0, related: false, description: 10_000 }],
  ])("%s", (_, make, expected) => {
    const { article, limits } = fitArticle(page(make), 16_000, { description: make.description, parameters: make.parameters });
    expect(limits).toMatchObject(expected);
    expect(bytes(article.value)).toBeLessThanOrEqual(16_000);
  });

  it("cuts a long description to what fits, but not below its first 4,000 characters, before any parameter row", () => {
    const { article, limits } = fitArticle(page({ description: 10_000, parameters: 3, parameterDescription: 600, related: 3_000 }), 8_000, { description: 10_000, parameters: 3 });
    expect(limits.parameterRows).toBe(Infinity);
    // The cut takes the overshoot and a margin of 200 characters.
    expect(limits.description).toBe(8_000 - 9 - 200);
    expect(bytes(article.value)).toBeLessThanOrEqual(8_000);
  });

  it("then lists as many parameter rows as fit", () => {
    const { article, limits } = fitArticle(page({ description: 5_000, parameters: 5_000, parameterDescription: 10, related: 0 }), 10_000, { description: 5_000, parameters: 5_000 });
    expect(limits.description).toBe(DESCRIPTION_KEPT);
    expect(limits.parameterRows).toBe(2_000);
    expect(bytes(article.value)).toBe(DESCRIPTION_KEPT + 2_000 * 3);
  });

  it("cuts the rest of the description only when no parameter row is left", () => {
    const { article, limits } = fitArticle(page({ description: 10_000, parameters: 100, parameterDescription: 600, related: 3_000 }), 3_000, { description: 10_000, parameters: 100 });
    expect(limits.parameterRows).toBe(0);
    expect(limits.description).toBe(3_000 - 200);
    expect(bytes(article.value)).toBeLessThanOrEqual(3_000);
  });
});
