// The engine's public facade: load manifests, run the cluster on the virtual clock, act on it,
// look at it at any point, and replay. Everything a run does follows from its input (files,
// seed, timed actions), so rewinding to time t is replaying the same input up to t.
import type { Diagnostic, KubeObject, SourceRange, WatchEvent } from '../api/types';
import { keyOf, refOf } from '../api/types';
import type { Activity } from './activity';
import { Cluster } from './cluster';
import { loadInto, type LoadedScene } from './loader';
import type { UserAction, ActionResult } from '../actions/types';
import { runAction } from '../actions/run';
import { buildSnapshot, type Snapshot } from './snapshot';

export interface ManifestFile {
  name: string;
  text: string;
}

export interface TimedAction {
  /** Virtual ms at which the action runs. */
  at: number;
  action: UserAction;
}

export interface SimulationInput {
  files: ManifestFile[];
  seed: number;
  actions: TimedAction[];
}

export interface RunOptions {
  /** Stop at this virtual time (ms). */
  until?: number;
  /** Stop once only routine upkeep is left (default true). */
  settle?: boolean;
  /** Safety bound on tasks run by this call. */
  maxTasks?: number;
}

export interface RunReport {
  tasks: number;
  events: number;
  settled: boolean;
  time: number;
}

export const DEFAULT_SEED = 1;

export class Simulation {
  private cluster: Cluster;
  private scene: LoadedScene;
  private pendingActions: TimedAction[];
  private actionResults: { at: number; action: UserAction; result: ActionResult }[] = [];

  private constructor(readonly input: SimulationInput) {
    const { cluster, scene } = loadInto(input.files, input.seed);
    this.cluster = cluster;
    this.scene = scene;
    this.pendingActions = [...input.actions].sort((a, b) => a.at - b.at);
  }

  /** Loads manifests (one text, or named files) and creates the cluster at virtual time 0. */
  static load(files: string | ManifestFile[], opts: { seed?: number; actions?: TimedAction[] } = {}): Simulation {
    const list = typeof files === 'string' ? [{ name: 'manifest.yaml', text: files }] : files;
    return new Simulation({ files: list, seed: opts.seed ?? DEFAULT_SEED, actions: opts.actions ?? [] });
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.scene.diagnostics;
  }

  /** Where each user object came from, keyed by `Kind/namespace/name`. */
  get sources(): ReadonlyMap<string, SourceRange> {
    return this.scene.sources;
  }

  get config() {
    return this.cluster.config;
  }

  /** The configuration documents the manifests carried (ClusterConfig, KubeProxyConfiguration, KubeSchedulerConfiguration). */
  get engineConfigs() {
    return this.scene.configs;
  }

  /** The engine internals, for the CLI and tests that need listers or components. */
  get internals(): Cluster {
    return this.cluster;
  }

  now(): number {
    return this.cluster.now();
  }

  events(): readonly WatchEvent[] {
    return this.cluster.store.events();
  }

  activities(): readonly Activity[] {
    return this.cluster.activities;
  }

  actionLog(): readonly { at: number; action: UserAction; result: ActionResult }[] {
    return this.actionResults;
  }

  /** Runs one task (a component's work, or a due action). False when nothing is pending at all. */
  step(): boolean {
    const nextTask = this.cluster.nextTaskTime();
    const nextAction = this.pendingActions[0];
    if (nextAction && (nextTask === undefined || nextAction.at <= nextTask)) {
      this.pendingActions.shift();
      this.cluster.advanceTo(nextAction.at);
      this.actionResults.push({ at: this.cluster.now(), action: nextAction.action, result: runAction(this.cluster, nextAction.action) });
      return true;
    }
    return this.cluster.step();
  }

  /** Runs until the cluster settles (only upkeep left and no timed action pending), or `until`. */
  run(opts: RunOptions = {}): RunReport {
    const until = opts.until ?? Infinity;
    const settle = opts.settle ?? true;
    const maxTasks = opts.maxTasks ?? 50_000_000;
    const startEvents = this.events().length;
    let tasks = 0;
    for (;;) {
      if (settle && this.cluster.settled() && this.pendingActions.length === 0) break;
      const nextTask = this.cluster.nextTaskTime();
      const nextAction = this.pendingActions[0]?.at;
      const next = Math.min(nextTask ?? Infinity, nextAction ?? Infinity);
      if (next === Infinity || next > until || tasks >= maxTasks) break;
      this.step();
      tasks++;
    }
    if (Number.isFinite(until) && !settle) this.cluster.advanceTo(until);
    return { tasks, events: this.events().length - startEvents, settled: this.cluster.settled() && this.pendingActions.length === 0, time: this.now() };
  }

  /** Runs an action now (as the user at the keyboard), and records it so replay repeats it. */
  apply(action: UserAction): ActionResult {
    const at = this.now();
    this.input.actions.push({ at, action });
    const result = runAction(this.cluster, action);
    this.actionResults.push({ at, action, result });
    return result;
  }

  /** The cluster's objects after event `eventIndex` (default: now), rebuilt from the event log. */
  snapshot(eventIndex?: number): Snapshot {
    return buildSnapshot(this.cluster, eventIndex);
  }

  /** A new simulation with the same input, run to virtual time `t` (rewind is replay). */
  replayTo(t: number): Simulation {
    const sim = new Simulation({ files: this.input.files, seed: this.input.seed, actions: [...this.input.actions] });
    sim.run({ until: t, settle: false });
    return sim;
  }

  /** The objects the user's manifests created, with their source ranges (for the editor). */
  objectSource(obj: KubeObject): SourceRange | undefined {
    return this.scene.sources.get(keyOf(refOf(obj)));
  }
}
