// The simulation store: wraps one engine Simulation and exposes what the views read — the
// snapshot at the timeline cursor — and the actions that change it. Applying edited manifests
// works like `kubectl apply --prune`: added or changed objects are applied, removed ones deleted,
// and the cluster plays out the consequences from where it is.
import { createStore } from 'zustand/vanilla';
import { Simulation, SnapshotCursor, parseManifests, type Diagnostic, type Snapshot, type UserAction, type ActionResult, type KubeObject, type WatchEvent } from '../engine';
import { diffManifests } from './manifestDiff';

export interface SimulationState {
  sim: Simulation;
  /** The manifests the running scene was last applied from (the last good text). */
  appliedText: string;
  seed: number;
  events: readonly WatchEvent[];
  snapshot: Snapshot;
  diagnostics: readonly Diagnostic[];
  /** Index of the last event shown (the timeline cursor). */
  cursor: number;
  lastApply?: { ok: boolean; messages: string[] };
  load(text: string, seed?: number): void;
  /** Applies edited text to the running cluster; returns false (scene untouched) on YAML errors. */
  applyText(text: string): boolean;
  act(action: UserAction): ActionResult;
  seek(eventIndex: number): void;
}

const RUN_LIMIT_MS = 10 * 60 * 1000;

function settle(sim: Simulation) {
  sim.run({ until: sim.now() + RUN_LIMIT_MS });
}

export function createSimulationStore(initialText: string, seed = 1, opts: { startAtBeginning?: boolean } = {}) {
  // Playback steps one event at a time: the cursor folds only the new events each step.
  let snapshots: SnapshotCursor | undefined;
  const boot = (text: string, s: number, fromStart: boolean) => {
    const sim = Simulation.load([{ name: 'manifest.yaml', text }], { seed: s });
    settle(sim);
    // "From the start" means from the user's first request: the cluster's own bootstrap (nodes
    // registering, system pods starting) is already in place on screen, and the animation shows
    // what the user's manifests set in motion. Stepping back still reaches event 0.
    const firstUserEvent = sim.events().findIndex((e) => e.component === 'kubectl');
    const cursor = fromStart ? Math.max(0, firstUserEvent - 1) : sim.events().length - 1;
    snapshots = new SnapshotCursor(() => sim.events());
    return { sim, appliedText: text, seed: s, events: [...sim.events()], snapshot: snapshots.at(cursor), diagnostics: sim.diagnostics, cursor, lastApply: undefined };
  };
  return createStore<SimulationState>()((set, get) => ({
    ...boot(initialText, seed, opts.startAtBeginning ?? false),
    load(text, s = get().seed) {
      set(boot(text, s, true));
    },
    applyText(text) {
      const parsed = parseManifests(text, { file: 'manifest.yaml' });
      const fatal = parsed.diagnostics.filter((d) => d.severity === 'error' && (d.code === 'yaml-syntax' || d.code === 'duplicate-key' || d.code === 'alias-limit' || d.code === 'too-large'));
      if (fatal.length) {
        set({ diagnostics: parsed.diagnostics });
        return false;
      }
      const before = parseManifests(get().appliedText, { file: 'manifest.yaml' });
      const diff = diffManifests(before, parsed);
      if (diff.reload) {
        const start = get().events.length;
        set(boot(text, get().seed, false));
        set({ cursor: Math.min(start, get().events.length - 1) });
        return true;
      }
      const { sim } = get();
      const messages: string[] = [];
      const startCursor = sim.events().length - 1;
      for (const action of diff.actions) messages.push(sim.apply(action).message);
      settle(sim);
      const events = [...sim.events()];
      const diagnostics = [...parsed.diagnostics, ...applyDiagnostics(diff.objectsByMessage, messages)];
      set({ appliedText: text, events, diagnostics, lastApply: { ok: !messages.some((m) => m.startsWith('Error') || m.startsWith('error')), messages }, cursor: startCursor, snapshot: snapshots!.at(startCursor) });
      return true;
    },
    act(action) {
      const { sim } = get();
      const startCursor = sim.events().length - 1;
      const result = sim.apply(action);
      settle(sim);
      set({ events: [...sim.events()], cursor: startCursor, snapshot: snapshots!.at(startCursor) });
      return result;
    },
    seek(eventIndex) {
      const snapshot = snapshots!.at(eventIndex);
      set({ snapshot, cursor: snapshot.eventIndex });
    },
  }));
}

function applyDiagnostics(sources: { line: number; object: KubeObject }[], messages: string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  messages.forEach((m, i) => {
    if (!/^(Error|error)/.test(m)) return;
    out.push({ document: 0, line: sources[i]?.line ?? 1, column: 1, severity: 'error', code: 'invalid-value', message: m });
  });
  return out;
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;
