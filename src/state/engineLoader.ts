// The engine (src/engine and the yaml parser it uses) is most of the app's JavaScript. It loads as
// its own chunk, requested once at startup, so the app shell paints while it downloads (issue 6).
// Outside the lazy chunks, code takes engine *types* only (`import type`) and gets engine
// functions through the simulation store; src/state/entryImports.test.ts checks that.
export type Engine = typeof import('../engine');

let pending: Promise<Engine> | undefined;

/** Loads the engine chunk (the first call starts the request; later calls share it). */
export function loadEngine(): Promise<Engine> {
  pending ??= import('../engine').catch((error: unknown) => {
    // A failed chunk request (offline, a deploy replaced the files) may succeed on a later call.
    pending = undefined;
    throw error;
  });
  return pending;
}
