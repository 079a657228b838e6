/**
 * Browser code (a worker started only when a Cedar check is first asked
 * for): loads the Cedar engine and validates policies off the main thread.
 */
import { loadCedarEngine } from "./cedar-engine-loader.ts";
import { checkCedar, type CedarCheckReply, type CedarCheckRequest } from "./check-cedar.ts";

const scope = self as unknown as { onmessage: ((event: MessageEvent<CedarCheckRequest>) => void) | null; postMessage(reply: CedarCheckReply | { id: number; failure: string }): void };

scope.onmessage = (event) => {
  const request = event.data;
  loadCedarEngine().then(
    (engine) => {
      try {
        scope.postMessage(checkCedar(engine, request));
      } catch (error) {
        scope.postMessage({ id: request.id, failure: (error as Error).message || String(error) });
      }
    },
    (error: Error) => scope.postMessage({ id: request.id, failure: error.message }),
  );
};
