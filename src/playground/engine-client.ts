/**
 * Browser code: talks to the engine worker. Only the newest request
 * matters; when one is still running (a huge paste) and a newer one comes,
 * the worker is replaced rather than waited for.
 */
import type { CheckReply, CheckRequest } from "./check-policy.ts";

export type EngineAnswer = { reply: CheckReply } | { failure: string };

/** A request running longer than this is abandoned for a newer one. */
const ABANDON_AFTER_MS = 400;

export class EngineClient {
  #worker: Worker | undefined;
  #nextId = 1;
  #pending: { id: number; started: number } | undefined;
  #onAnswer: (answer: EngineAnswer) => void;

  constructor(onAnswer: (answer: EngineAnswer) => void) {
    this.#onAnswer = onAnswer;
  }

  /** True while a request is being worked on. */
  get busy(): boolean {
    return this.#pending !== undefined;
  }

  check(request: Omit<CheckRequest, "id">): void {
    if (this.#pending && performance.now() - this.#pending.started > ABANDON_AFTER_MS) this.#restart();
    const id = this.#nextId++;
    this.#pending = { id, started: performance.now() };
    try {
      this.#ensureWorker().postMessage({ ...request, id } satisfies CheckRequest);
    } catch (error) {
      this.#pending = undefined;
      this.#onAnswer({ failure: `the checker could not start (${(error as Error).message})` });
    }
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL("./engine-worker.ts", import.meta.url), { type: "module", name: "policy-engine" });
    worker.onmessage = (event: MessageEvent<CheckReply | { id: number; failure: string }>) => {
      const data = event.data;
      if (data.id !== this.#nextId - 1) return;
      this.#pending = undefined;
      this.#onAnswer("failure" in data ? { failure: data.failure } : { reply: data });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.#pending = undefined;
      this.#restart();
      this.#onAnswer({ failure: `the checker stopped (${event.message || "worker error"})` });
    };
    this.#worker = worker;
    return worker;
  }

  #restart(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
