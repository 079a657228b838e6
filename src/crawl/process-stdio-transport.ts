import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { deserializeMessage, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { ProcessTreeKiller } from "./process-tree.ts";
import { StderrTail } from "./stderr-tail.ts";

export type ProcessLaunch = {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
};

/** How long a server may take to exit by itself once its stdin is closed. */
const CLOSE_GRACE_MS = 500;

/** A single stdout line longer than this is not a message we will buffer. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Put in the server's environment with a value new to each crawl, so the
 * processes it leaves behind can be found even after it has exited. What the
 * server echoes of it comes back as the placeholder, never the value.
 */
export const CRAWL_MARKER_VARIABLE = "MCP_CATALOG_CRAWL_TOKEN";
const MARKER_PLACEHOLDER = `\${${CRAWL_MARKER_VARIABLE}}`;

/**
 * A stdio transport that owns everything its server starts.
 *
 * The SDK's StdioClientTransport ends only the process it spawned, after a
 * grace period; grandchildren (browsers, language servers) survive it, and
 * those started with setsid would survive a group kill too. Here closing kills
 * the server's whole process tree (see ProcessTreeKiller). It also keeps a
 * bounded tail of stderr (with its first decisive line) and counts stdout
 * lines that are not JSON-RPC instead of failing on them.
 */
export class ProcessStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  readonly stderr = new StderrTail(8 * 1024);
  /** Lines on stdout that were not JSON-RPC (logs, junk). */
  junkLines = 0;
  /** Set once the process has exited: `code` or `signal`. */
  exit?: { code: number | null; signal: NodeJS.Signals | null };

  private child?: ChildProcess;
  private tree?: ProcessTreeKiller;
  private treeKilled = false;
  private readonly marker = `crawl-${randomBytes(16).toString("hex")}`;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private closed = false;
  private started?: Promise<void>;

  constructor(private readonly launch: ProcessLaunch) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Spawns the server once; the crawler starts it early to tell spawn failures apart, then `Client.connect` calls this again. */
  start(): Promise<void> {
    this.started ??= this.spawnServer();
    return this.started;
  }

  private spawnServer(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.launch.command, this.launch.args, {
        env: { ...this.launch.env, [CRAWL_MARKER_VARIABLE]: this.marker },
        cwd: this.launch.cwd,
        stdio: ["pipe", "pipe", "pipe"],
        detached: true,
        windowsHide: true,
      });
      this.child = child;
      child.once("error", (error) => {
        if (!child.pid) reject(error);
        else this.onerror?.(error);
      });
      child.once("spawn", () => {
        this.tree = new ProcessTreeKiller(child.pid!, `${CRAWL_MARKER_VARIABLE}=${this.marker}`);
        resolve();
      });
      child.once("exit", (code, signal) => {
        this.exit = { code, signal };
        this.finish();
      });
      child.stdout?.on("data", (chunk: Buffer) => this.receive(chunk));
      child.stderr?.on("data", (chunk: Buffer) => this.stderr.push(chunk));
      // A server that exits while we write must not crash the crawler with EPIPE.
      child.stdin?.on("error", (error) => this.onerror?.(error));
      child.stdout?.on("error", (error) => this.onerror?.(error));
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const stdin = this.child?.stdin;
      if (!stdin || this.closed || stdin.destroyed) return reject(new Error("server process is not running"));
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once("drain", () => resolve());
    });
  }

  /** What the server wrote on stderr lately, the marker's value replaced. */
  stderrText(): string {
    return this.scrub(this.stderr.text());
  }

  /**
   * Closing stdin is how stdio servers are asked to stop; a short grace lets
   * them finish writing their own files. Then the whole tree is killed, as
   * it was before the server could exit and orphan its children, and as it
   * is now.
   */
  async close(): Promise<void> {
    const child = this.child;
    if (child && !this.exit && !this.closed) {
      if (!this.treeKilled) this.tree?.remember();
      child.stdin?.end();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CLOSE_GRACE_MS);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.killProcessTree();
    this.finish();
  }

  /** Kills the server and everything it started; once is enough, since the first time finds the stragglers too. */
  killProcessTree(): void {
    if (!this.treeKilled) {
      this.treeKilled = true;
      this.tree?.killAll();
    }
    this.child?.stdin?.destroy();
    this.child?.stdout?.destroy();
    // stderr is left to drain: a crash's last lines often arrive after the exit event.
  }

  /**
   * Waits until stderr has ended, or `timeoutMs` has passed (a detached
   * grandchild may hold it open), then closes it. Call after `killProcessTree`,
   * before reading `stderr`, so a crash's tail is whole on every crawl.
   */
  async drainStderr(timeoutMs: number): Promise<void> {
    const stream = this.child?.stderr;
    if (!stream) return;
    if (timeoutMs > 0 && !stream.readableEnded && !stream.destroyed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        stream.once("end", done);
        stream.once("close", done);
      });
    }
    stream.destroy();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.killProcessTree();
    this.onclose?.();
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(0x0a, start);
    while (newline !== -1) {
      this.pending.push(chunk.subarray(start, newline));
      const line = Buffer.concat(this.pending).toString("utf8").replace(/\r$/, "");
      this.pending = [];
      this.pendingBytes = 0;
      this.dispatch(line);
      start = newline + 1;
      newline = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) {
      this.pending.push(chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
      if (this.pendingBytes > MAX_LINE_BYTES) {
        this.pending = [];
        this.pendingBytes = 0;
        this.onerror?.(new Error(`a stdout line exceeded ${MAX_LINE_BYTES} bytes`));
        void this.close();
      }
    }
  }

  private scrub(text: string): string {
    return text.includes(this.marker) ? text.replaceAll(this.marker, MARKER_PLACEHOLDER) : text;
  }

  private dispatch(raw: string): void {
    if (raw.trim() === "") return;
    // The value is hex after a letter, so it only ever sits inside a JSON string; the placeholder is as safe there.
    const line = this.scrub(raw);
    let message: JSONRPCMessage;
    try {
      message = deserializeMessage(line);
    } catch {
      this.junkLines++;
      return;
    }
    this.onmessage?.(message);
  }
}
