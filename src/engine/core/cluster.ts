// One simulated cluster: the virtual clock and agenda, the seeded RNG, the API server with its
// store and indexes, and the controller host every component runs in. The Simulation facade
// (simulation.ts) builds one of these per run; replay builds a fresh one.
import { EventQueue } from './eventQueue';
import { Rng } from './rng';
import { newUid } from './uid';
import type { Activity } from './activity';
import { ObjectStore } from '../apiserver/store';
import { ApiServer } from '../apiserver/apiserver';
import { Indexes } from '../apiserver/indexes';
import { ControllerHost } from '../controllers/host';
import type { ClusterConfig } from '../api/clusterConfig';
import type { AdmissionPlugin } from '../apiserver/admission';
import type { Kubelet } from '../kubelet';
import { ClusterIpam } from '../network/cni/podIpam';
import type { NodeProxyState } from '../network/kubeproxy/kubeProxyComponent';

export interface ComponentError {
  t: number;
  component: string;
  key: string;
  message: string;
}

export class Cluster {
  readonly queue = new EventQueue();
  readonly rng: Rng;
  readonly store: ObjectStore;
  readonly api: ApiServer;
  readonly indexes: Indexes;
  readonly host: ControllerHost;
  readonly activities: Activity[] = [];
  readonly errors: ComponentError[] = [];
  /** Each node's kube-proxy state (rules from its last sync), by node name. */
  readonly proxies = new Map<string, NodeProxyState>();
  /** Each machine's kubelet (for user actions on nodes and containers). */
  readonly kubelets = new Map<string, Kubelet>();
  /** The CNI's host-local IPAM, per node. */
  readonly ipam = new ClusterIpam();
  private time = 0;

  constructor(
    readonly config: ClusterConfig,
    seed: number,
    admission: (cluster: Cluster) => AdmissionPlugin[],
  ) {
    this.rng = new Rng(seed);
    this.store = new ObjectStore({ now: () => this.time, newUid: () => newUid(this.rng) });
    this.indexes = new Indexes(this.store);
    const plugins: AdmissionPlugin[] = [];
    this.api = new ApiServer({ store: this.store, rng: this.rng, now: () => this.time, admission: plugins });
    plugins.push(...admission(this));
    this.host = new ControllerHost({
      api: this.api,
      listers: this.indexes,
      queue: this.queue,
      rng: this.rng,
      now: () => this.time,
      config,
      onError: (component, key, error) =>
        this.errors.push({ t: this.time, component, key, message: error instanceof Error ? error.message : String(error) }),
    });
    this.store.watch((e, previous) => this.host.onWatchEvent(e, previous));
  }

  now(): number {
    return this.time;
  }

  /** Runs the next task on the agenda, advancing the clock to it. False when nothing is left. */
  step(): boolean {
    const task = this.queue.pop();
    if (!task) return false;
    if (task.at > this.time) this.time = task.at;
    task.run();
    return true;
  }

  nextTaskTime(): number | undefined {
    return this.queue.peek()?.at;
  }

  /** Moves the clock forward without running anything (nothing is due before `t`). */
  advanceTo(t: number): void {
    if (t > this.time) this.time = t;
  }

  /** True when only routine upkeep (heartbeats, periodic probes) is left on the agenda. */
  settled(): boolean {
    return this.host.foregroundTasks === 0 && this.pendingExtra() === 0;
  }

  /** Components outside the controller host that still have work (registered by wiring). */
  extraPending: (() => number)[] = [];

  private pendingExtra(): number {
    let n = 0;
    for (const f of this.extraPending) n += f();
    return n;
  }

  addActivity(component: string, type: string, message: string, detail?: unknown): void {
    this.activities.push({ index: this.activities.length, t: this.time, afterEvent: this.store.events().length, component, type, message, detail });
  }
}
