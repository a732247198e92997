// The simulation store: wraps one engine Simulation and exposes what the views read — the
// snapshot at the current cursor in the event log — and the actions that change it.
import { createStore } from 'zustand/vanilla';
import { Simulation, type Diagnostic, type Snapshot, type UserAction, type ActionResult } from '../engine';

export interface SimulationState {
  sim: Simulation;
  /** The manifests the running scene was loaded from. */
  text: string;
  seed: number;
  snapshot: Snapshot;
  diagnostics: readonly Diagnostic[];
  /** Index of the last event shown (the timeline cursor); equals the log's end when live. */
  cursor: number;
  load(text: string, seed?: number): void;
  act(action: UserAction): ActionResult;
  seek(eventIndex: number): void;
}

const RUN_LIMIT_MS = 10 * 60 * 1000;

export function createSimulationStore(initialText: string, seed = 1) {
  const boot = (text: string, s: number) => {
    const sim = Simulation.load([{ name: 'manifest.yaml', text }], { seed: s });
    sim.run({ until: RUN_LIMIT_MS });
    const snapshot = sim.snapshot();
    return { sim, text, seed: s, snapshot, diagnostics: sim.diagnostics, cursor: snapshot.eventIndex };
  };
  return createStore<SimulationState>()((set, get) => ({
    ...boot(initialText, seed),
    load(text, s = get().seed) {
      set(boot(text, s));
    },
    act(action) {
      const { sim } = get();
      const result = sim.apply(action);
      sim.run({ until: sim.now() + RUN_LIMIT_MS });
      const snapshot = sim.snapshot();
      set({ snapshot, cursor: snapshot.eventIndex });
      return result;
    },
    seek(eventIndex) {
      const { sim } = get();
      const snapshot = sim.snapshot(eventIndex);
      set({ snapshot, cursor: snapshot.eventIndex });
    },
  }));
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;
