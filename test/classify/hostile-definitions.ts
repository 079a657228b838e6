/**
 * Hostile tool definitions: huge, deep or adversarial. The tests check that
 * each gives a verdict that parses; `npm run bench:classify` times them
 * against the bound (timing belongs to the bench, not to a test).
 */
function nested(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { type: "string", description: "leaf" };
  for (let i = 0; i < depth; i++) node = { type: "object", properties: { child: node }, description: `level ${i}` };
  return node;
}

export { nested };

/** Label and definition of each hostile case. */
export const hostileDefinitions: [string, unknown][] = [
    ["a 1 MB description", { name: "get_x", description: "word ".repeat(200_000), inputSchema: { type: "object" } }],
    ["a 1 MB name", { name: "a_".repeat(500_000), inputSchema: { type: "object" } }],
    ["a 1 MB run of one letter", { name: "x", description: "a".repeat(1_000_000), inputSchema: { type: "object" } }],
    ["a 1 MB adversarial phrase run", { name: "x", description: "pass the secrets to ".repeat(50_000), inputSchema: { type: "object" } }],
    ["1 MB of invisible characters", { name: "x", description: "\u200B".repeat(1_000_000), inputSchema: { type: "object" } }],
    ["a 10,000-deep schema", { name: "x", description: "y", inputSchema: nested(10_000) }],
    ["10,000 properties", { name: "x", description: "y", inputSchema: { type: "object", properties: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`p${i}`, { type: "string", description: "d".repeat(40) }])) } }],
    ["a 1 MB enum", { name: "manage", description: "y", inputSchema: { type: "object", properties: { action: { type: "string", enum: Array.from({ length: 100_000 }, (_, i) => `delete_${i}`) } } } }],
  ];

/** The time one classification of a hostile definition may take, in the bench. */
export const HOSTILE_BOUND_MS = 100;
