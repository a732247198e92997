// The simulation store: wraps one engine Simulation and exposes what the views read — the
// snapshot at the timeline cursor — and the actions that change it. Applying edited manifests
// works like `kubectl apply --prune`: added or changed objects are applied, removed ones deleted,
// and the cluster plays out the consequences from where it is.
//
// The engine arrives as its own chunk (engineLoader.ts): the store starts in `loading` with an
// empty cluster, so the shell can paint, and boots the scene when the module resolves.
import { createStore } from 'zustand/vanilla';
import type { Simulation, SnapshotCursor, Diagnostic, Snapshot, UserAction, ActionResult, KubeObject, WatchEvent } from '../engine';
import { loadEngine, type Engine } from './engineLoader';
import { diffManifests } from './manifestDiff';

export type EngineStatus = 'loading' | 'ready' | 'failed';

export interface SimulationState {
  /** `loading` until the engine chunk has arrived and booted the scene; `failed` if it could not load. */
  status: EngineStatus;
  /** The engine module, for views that need its helpers (quantities, durations). Set when ready. */
  engine?: Engine;
  /** The running simulation. Set when ready. */
  sim?: Simulation;
  /** The manifests the running scene was last applied from (the last good text). */
  appliedText: string;
  seed: number;
  events: readonly WatchEvent[];
  snapshot: Snapshot;
  diagnostics: readonly Diagnostic[];
  /** Index of the last event shown (the timeline cursor; -1 before the scene has booted). */
  cursor: number;
  lastApply?: { ok: boolean; messages: string[] };
  /** Why the engine could not load (status `failed`). */
  loadError?: string;
  load(text: string, seed?: number): void;
  /** Applies edited text to the running cluster; returns false (scene untouched) on YAML errors. */
  applyText(text: string): boolean;
  act(action: UserAction): ActionResult;
  seek(eventIndex: number): void;
}

/** What the views show before the engine has booted the scene: a cluster with no objects. */
export const EMPTY_SNAPSHOT: Snapshot = { time: 0, eventIndex: -1, resourceVersion: '', objects: {} };

const RUN_LIMIT_MS = 10 * 60 * 1000;

function settle(sim: Simulation) {
  sim.run({ until: sim.now() + RUN_LIMIT_MS });
}

export function createSimulationStore(initialText: string, seed = 1, opts: { startAtBeginning?: boolean } = {}, engine: Promise<Engine> = loadEngine()) {
  // Playback steps one event at a time: the cursor folds only the new events each step.
  let snapshots: SnapshotCursor | undefined;
  const boot = (e: Engine, text: string, s: number, fromStart: boolean) => {
    const sim = e.Simulation.load([{ name: 'manifest.yaml', text }], { seed: s });
    settle(sim);
    // "From the start" means from the user's first request: the cluster's own bootstrap (nodes
    // registering, system pods starting) is already in place on screen, and the animation shows
    // what the user's manifests set in motion. Stepping back still reaches event 0.
    const firstUserEvent = sim.events().findIndex((ev) => ev.component === 'kubectl');
    const cursor = fromStart ? Math.max(0, firstUserEvent - 1) : sim.events().length - 1;
    snapshots = new e.SnapshotCursor(() => sim.events());
    return { sim, appliedText: text, seed: s, events: [...sim.events()], snapshot: snapshots.at(cursor), diagnostics: sim.diagnostics, cursor, lastApply: undefined };
  };
  const store = createStore<SimulationState>()((set, get) => ({
    status: 'loading',
    appliedText: initialText,
    seed,
    events: [],
    snapshot: EMPTY_SNAPSHOT,
    diagnostics: [],
    cursor: -1,
    load(text, s = get().seed) {
      const e = get().engine;
      // Still loading: the scene boots from this text when the engine arrives.
      if (!e) set({ appliedText: text, seed: s });
      else set(boot(e, text, s, true));
    },
    applyText(text) {
      const e = get().engine;
      if (!e) {
        set({ appliedText: text });
        return true;
      }
      const parsed = e.parseManifests(text, { file: 'manifest.yaml' });
      const fatal = parsed.diagnostics.filter((d) => d.severity === 'error' && (d.code === 'yaml-syntax' || d.code === 'duplicate-key' || d.code === 'alias-limit' || d.code === 'too-large'));
      if (fatal.length) {
        set({ diagnostics: parsed.diagnostics });
        return false;
      }
      const before = e.parseManifests(get().appliedText, { file: 'manifest.yaml' });
      const diff = diffManifests(before, parsed);
      if (diff.reload) {
        const start = get().events.length;
        set(boot(e, text, get().seed, false));
        set({ cursor: Math.min(start, get().events.length - 1) });
        return true;
      }
      const sim = get().sim!;
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
      // Nothing on screen offers an action before the scene exists.
      if (!sim) return { ok: false, message: 'error: the cluster is still starting' };
      const startCursor = sim.events().length - 1;
      const result = sim.apply(action);
      settle(sim);
      set({ events: [...sim.events()], cursor: startCursor, snapshot: snapshots!.at(startCursor) });
      return result;
    },
    seek(eventIndex) {
      if (!snapshots) return;
      const snapshot = snapshots.at(eventIndex);
      set({ snapshot, cursor: snapshot.eventIndex });
    },
  }));
  engine
    .then((e) => {
      const { appliedText, seed: s } = store.getState();
      store.setState({ status: 'ready', engine: e, ...boot(e, appliedText, s, opts.startAtBeginning ?? false) });
    })
    .catch((error: unknown) => store.setState({ status: 'failed', loadError: error instanceof Error ? error.message : String(error) }));
  return store;
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
