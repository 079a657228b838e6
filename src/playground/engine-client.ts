/**
 * Browser code: talks to the policy engine's worker. Only the newest request
 * matters; when one is still running (a huge paste) and a newer one comes,
 * the worker is replaced rather than waited for.
 */
import type { CheckReply, CheckRequest } from "./check-policy.ts";
import { LatestRequestWorker, type WorkerAnswer } from "./latest-request-worker.ts";

export type EngineAnswer = WorkerAnswer<CheckReply>;

export class EngineClient {
  #worker: LatestRequestWorker<CheckRequest, CheckReply>;

  constructor(onAnswer: (answer: EngineAnswer) => void) {
    this.#worker = new LatestRequestWorker(
      {
        start: () => new Worker(new URL("./engine-worker.ts", import.meta.url), { type: "module", name: "policy-engine" }),
        abandonAfterMs: 400,
        spareUntilLoaded: false,
        name: "the checker",
      },
      onAnswer,
    );
  }

  get busy(): boolean {
    return this.#worker.busy;
  }

  check(request: Omit<CheckRequest, "id">): void {
    this.#worker.send(request);
  }
}
