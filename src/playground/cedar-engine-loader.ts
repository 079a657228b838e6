/**
 * Browser code: the Cedar engine (cedar-wasm's web build), fetched and
 * compiled on first use only. The import is dynamic, so neither the glue
 * nor the 4 MB wasm is in any page's up-front JS: Vite emits the wasm as
 * its own asset, and nothing is requested until a Cedar check is asked for.
 * Shared by the playground and the builder (both call it in the Cedar worker).
 */
export type CedarEngine = typeof import("@cedar-policy/cedar-wasm/web");

let loading: Promise<CedarEngine> | undefined;

export function loadCedarEngine(): Promise<CedarEngine> {
  loading ??= (async () => {
    const engine = await import("@cedar-policy/cedar-wasm/web");
    // The default export fetches the wasm from the URL Vite gave it (same origin, under /_astro/).
    await engine.default();
    return engine;
  })().catch((error: unknown) => {
    // A failed fetch is not remembered: the next check tries again.
    loading = undefined;
    throw new Error(`the Cedar engine could not load (${(error as Error).message || String(error)})`, { cause: error });
  });
  return loading;
}
