/**
 * Classifies MCP tools from a file (or `-` for stdin) and prints the
 * verdicts as JSON. Usage: npm run --silent classify -- FILE [--server NAME] [--tags a,b]
 *
 * `--server` and `--tags` give the context a user has about the server
 * (its name is dropped from the front of tool names; tags name its domain).
 * Neither is needed: a private server has no tags.
 *
 * Exit codes: 0 verdicts printed; 2 bad usage or bad input (message on stderr).
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { classifyToolList, type ClassifyContext } from "../src/classify/index.ts";

const usage =
  "usage: npm run --silent classify -- FILE [--server NAME] [--tags a,b]   (FILE is a JSON array of MCP tools or a tools/list result; - reads stdin)";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function readContext(server: string | undefined, tags: string | undefined): ClassifyContext | string {
  const context: ClassifyContext = {};
  if (server !== undefined) {
    if (server.trim() === "") return "--server: expected a server name, got an empty value.";
    context.serverName = server.trim();
  }
  if (tags !== undefined) {
    const list = tags.split(",").map((t) => t.trim()).filter((t) => t !== "");
    if (list.length === 0) return "--tags: expected a comma-separated list of words such as payments,database, got an empty value.";
    context.tags = list;
  }
  return context;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { server: { type: "string" }, tags: { type: "string" } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (file === undefined || parsed.positionals.length > 1) {
    console.error(usage);
    return 2;
  }
  const context = readContext(parsed.values.server, parsed.values.tags);
  if (typeof context === "string") {
    console.error(`${context}\n${usage}`);
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
  const result = classifyToolList(text, source, context);
  if (!result.ok) {
    console.error(result.message);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(result.verdicts, null, 2)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
