import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawlServer } from "../../src/crawl/crawl-server.ts";

const moduleDir = (name: string) => path.resolve("node_modules/@modelcontextprotocol", name, "dist/index.js");
const timeouts = { connectMs: 15_000, listMs: 15_000 };
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };

describe("crawlServer against the real reference servers over stdio", () => {
  it.each([
    ["server-everything", ["stdio"], 13, "get-sum"],
    ["server-filesystem", ["/tmp"], 14, "write_file"],
    ["server-memory", [], 9, "delete_entities"],
    ["server-sequential-thinking", [], 1, "sequentialthinking"],
  ])("%s lists %s tools including the one we look for", async (name, args, count, oneTool) => {
    const outcome = await crawlServer({ transport: "stdio", process: { command: process.execPath, args: [moduleDir(name), ...args.map(String)], env } }, timeouts);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.listing.tools).toHaveLength(count as number);
    expect(outcome.listing.tools.map((t) => t.name)).toContain(oneTool);
    expect(outcome.listing.dropped).toEqual([]);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startEverything(mode: "streamableHttp" | "sse"): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [moduleDir("server-everything"), mode], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server-everything ${mode} did not start`)), 15_000);
    const onData = (chunk: Buffer) => {
      if (/listening|running|port/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server-everything exited with ${code}`)));
  });
  return { child, port };
}

describe("crawlServer over HTTP against server-everything on 127.0.0.1", () => {
  let streamable: { child: ChildProcess; port: number };
  let sse: { child: ChildProcess; port: number };
  beforeAll(async () => {
    streamable = await startEverything("streamableHttp");
    sse = await startEverything("sse");
  });
  afterAll(() => {
    streamable?.child.kill("SIGKILL");
    sse?.child.kill("SIGKILL");
  });

  it("Streamable HTTP lists the same 13 tools as stdio", async () => {
    const outcome = await crawlServer({ transport: "streamable-http", url: `http://127.0.0.1:${streamable.port}/mcp`, headers: {} }, timeouts);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.listing.tools).toHaveLength(13);
    expect(outcome.ok && outcome.transportUsed).toBe("streamable-http");
  });

  it("the legacy SSE transport lists the same 13 tools", async () => {
    const outcome = await crawlServer({ transport: "sse", url: `http://127.0.0.1:${sse.port}/sse`, headers: {} }, timeouts);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.listing.tools).toHaveLength(13);
  });

  it("a Streamable HTTP definition falls back to SSE when the server only speaks SSE", async () => {
    const outcome = await crawlServer({ transport: "streamable-http", url: `http://127.0.0.1:${sse.port}/sse`, headers: {} }, timeouts);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.transportUsed).toBe("sse");
  });

  it("a refused connection fails with CONNECT_FAILED", async () => {
    const port = await freePort();
    const outcome = await crawlServer({ transport: "streamable-http", url: `http://127.0.0.1:${port}/mcp`, headers: {} }, { connectMs: 3_000, listMs: 3_000 });
    expect(outcome).toMatchObject({ ok: false, code: "CONNECT_FAILED" });
  });
});
