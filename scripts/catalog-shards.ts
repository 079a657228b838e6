/**
 * Prints the shard plan for the regeneration workflow as GitHub step outputs:
 * `count=N` and `shards=[1,...,N]` (the matrix). Usage: npm run catalog:shards -- --count N
 */
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { count: { type: "string", default: "1" } } });
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 64) {
  console.error(`catalog:shards: --count must be an integer from 1 to 64, got "${values.count}"`);
  process.exit(2);
}
console.log(`count=${count}`);
console.log(`shards=${JSON.stringify(Array.from({ length: count }, (_, i) => i + 1))}`);
