/**
 * Browser code: talks to the Cedar worker, which is only started by the
 * first `check`, so a page that never opens Cedar never fetches the engine.
 * The worker is spared until the engine has loaded (latest-request-worker.ts).
 */
import type { CedarCheckReply, CedarCheckRequest } from "./check-cedar.ts";
import { LatestRequestWorker, type WorkerAnswer } from "./latest-request-worker.ts";

export type CedarAnswer = WorkerAnswer<CedarCheckReply>;

export class CedarClient {
  #worker: LatestRequestWorker<CedarCheckRequest, CedarCheckReply>;

  constructor(onAnswer: (answer: CedarAnswer) => void) {
    this.#worker = new LatestRequestWorker(
      {
        start: () => new Worker(new URL("./cedar-worker.ts", import.meta.url), { type: "module", name: "cedar-engine" }),
        abandonAfterMs: 2_000,
        spareUntilLoaded: true,
        name: "the Cedar checker",
      },
      onAnswer,
    );
  }

  get busy(): boolean {
    return this.#worker.busy;
  }

  check(request: Omit<CedarCheckRequest, "id">): void {
    this.#worker.send(request);
  }
}
