/**
 * Browser code: talks to the Cedar worker, which is only started by the
 * first `check` (so a page that never opens Cedar never fetches the
 * engine). As with the YAML engine, only the newest request matters; once
 * the engine has answered, a check still running when a newer one comes
 * after a while is abandoned with its worker. Before that the worker is
 * still fetching and compiling the engine: abandoning it would start the
 * download again, and on a slow link it might never finish.
 */
import type { CedarCheckReply, CedarCheckRequest } from "./check-cedar.ts";

export type CedarAnswer = { reply: CedarCheckReply } | { failure: string };

/** A check of a loaded engine running longer than this is abandoned for a newer one. */
const ABANDON_AFTER_MS = 2_000;

export class CedarClient {
  #worker: Worker | undefined;
  #nextId = 1;
  #pending: { id: number; started: number } | undefined;
  /** The current worker has answered once, so its engine is loaded. */
  #loaded = false;
  #onAnswer: (answer: CedarAnswer) => void;

  constructor(onAnswer: (answer: CedarAnswer) => void) {
    this.#onAnswer = onAnswer;
  }

  get busy(): boolean {
    return this.#pending !== undefined;
  }

  check(request: Omit<CedarCheckRequest, "id">): void {
    if (this.#loaded && this.#pending && performance.now() - this.#pending.started > ABANDON_AFTER_MS) this.#restart();
    const id = this.#nextId++;
    this.#pending = { id, started: performance.now() };
    try {
      this.#ensureWorker().postMessage({ ...request, id } satisfies CedarCheckRequest);
    } catch (error) {
      this.#pending = undefined;
      this.#onAnswer({ failure: `the Cedar checker could not start (${(error as Error).message})` });
    }
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL("./cedar-worker.ts", import.meta.url), { type: "module", name: "cedar-engine" });
    worker.onmessage = (event: MessageEvent<CedarCheckReply | { id: number; failure: string }>) => {
      const data = event.data;
      if (!("failure" in data)) this.#loaded = true;
      if (data.id !== this.#nextId - 1) return;
      this.#pending = undefined;
      this.#onAnswer("failure" in data ? { failure: data.failure } : { reply: data });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.#pending = undefined;
      this.#restart();
      this.#onAnswer({ failure: `the Cedar checker stopped (${event.message || "worker error"})` });
    };
    this.#worker = worker;
    return worker;
  }

  #restart(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#loaded = false;
  }
}
