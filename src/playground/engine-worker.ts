/** Browser code (a module worker): checks and simulates off the main thread. */
import { createChecker, type CheckReply, type CheckRequest } from "./check-policy.ts";

const checkPolicy = createChecker();

const scope = self as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage(reply: CheckReply | { id: number; failure: string }): void };

scope.onmessage = (event) => {
  try {
    scope.postMessage(checkPolicy(event.data));
  } catch (error) {
    // The engine never throws on any input; this is a last resort so the page says something.
    scope.postMessage({ id: event.data.id, failure: (error as Error).message || String(error) });
  }
};
