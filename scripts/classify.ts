/**
 * Classifies MCP tools from a file (or `-` for stdin) and prints the
 * verdicts as JSON. Usage: npm run --silent classify -- FILE
 *
 * Exit codes: 0 verdicts printed; 2 bad usage or bad input (message on stderr).
 */
import { readFile } from "node:fs/promises";
import { classifyToolList } from "../src/classify/index.ts";

const usage = "usage: npm run --silent classify -- FILE   (FILE is a JSON array of MCP tools or a tools/list result; - reads stdin)";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(args: string[]): Promise<number> {
  const file = args[0];
  if (file === undefined || args.length > 1) {
    console.error(usage);
    return 2;
  }
  let text: string;
  const source = file === "-" ? "stdin" : file;
  try {
    text = file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message;
    console.error(`${source}: cannot read (${why}); expected a JSON file of MCP tools, or - for stdin.`);
    return 2;
  }
  const result = classifyToolList(text, source);
  if (!result.ok) {
    console.error(result.message);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(result.verdicts, null, 2)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
