/**
 * JSON-LD for the FAQ. The JSON goes inside a <script> element, where HTML
 * escaping does not apply, so every character that could end the element or
 * start markup (`<`, `>`, `&`) and the two JavaScript line separators are
 * written as \u escapes: the output holds no markup whatever the catalog says.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export interface FaqItem {
  question: string;
  answer: string;
}

export function faqPageJsonLd(items: readonly FaqItem[], url: string): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    url,
    mainEntity: items.map((item) => ({
      "@type": "Question",
      name: item.question,
      acceptedAnswer: { "@type": "Answer", text: item.answer },
    })),
  };
}
