/**
 * Browser code: a worker asked questions where only the newest matters (the
 * policy engine's and the Cedar engine's checks). A request still running
 * after `abandonAfterMs` when a newer one comes is abandoned with its worker
 * (a huge paste must not hold up the next keystroke). A worker that loads an
 * engine first can be spared until it has answered once: abandoning it while
 * it downloads would start the download again, and on a slow link it might
 * never finish.
 */
export type WorkerAnswer<Reply> = { reply: Reply } | { failure: string };

export interface LatestRequestOptions {
  /** Made here (not passed as a URL) so the bundler sees `new Worker(new URL(...))` in each client. */
  start: () => Worker;
  abandonAfterMs: number;
  /** Never abandon a worker that has not answered yet. */
  spareUntilLoaded: boolean;
  /** "the checker", "the Cedar checker": how failures name it. */
  name: string;
}

export class LatestRequestWorker<Request extends { id: number }, Reply extends { id: number }> {
  #worker: Worker | undefined;
  #nextId = 1;
  #pending: { id: number; started: number } | undefined;
  #loaded = false;
  #options: LatestRequestOptions;
  #onAnswer: (answer: WorkerAnswer<Reply>) => void;

  constructor(options: LatestRequestOptions, onAnswer: (answer: WorkerAnswer<Reply>) => void) {
    this.#options = options;
    this.#onAnswer = onAnswer;
  }

  /** True while a request is being worked on. */
  get busy(): boolean {
    return this.#pending !== undefined;
  }

  send(request: Omit<Request, "id">): void {
    const overdue = this.#pending && performance.now() - this.#pending.started > this.#options.abandonAfterMs;
    if (overdue && (this.#loaded || !this.#options.spareUntilLoaded)) this.#restart();
    const id = this.#nextId++;
    this.#pending = { id, started: performance.now() };
    try {
      this.#ensureWorker().postMessage({ ...request, id });
    } catch (error) {
      this.#pending = undefined;
      this.#onAnswer({ failure: `${this.#options.name} could not start (${(error as Error).message})` });
    }
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#options.start();
    worker.onmessage = (event: MessageEvent<Reply | { id: number; failure: string }>) => {
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
      this.#onAnswer({ failure: `${this.#options.name} stopped (${event.message || "worker error"})` });
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
