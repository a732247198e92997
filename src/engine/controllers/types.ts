// The contract between a controller and the engine (STYLE.md: kernels return plans, not
// effects). A controller reads through listers and returns the writes it wants; the
// controller host applies them through the API server as that controller, emits the watch
// events, and requeues. That keeps every controller a plain function that tests can call.
import type { KubeObject, ObjectRef, WatchEvent } from '../api/types';
import type { Rng } from '../core/rng';
import type { ClusterConfig } from '../api/clusterConfig';
import type { PodGroup } from '../apiserver/controlledPodGroups';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export type Write =
  | { op: 'create'; object: KubeObject; reason: string }
  /** Replaces spec and metadata; the stored status is kept (status changes go through updateStatus). */
  | { op: 'update'; object: KubeObject; reason: string }
  /** Writes only .status (the status subresource): spec changes in `object` are ignored. */
  | { op: 'updateStatus'; object: KubeObject; reason: string }
  | { op: 'delete'; ref: ObjectRef; reason: string; propagationPolicy?: PropagationPolicy; gracePeriodSeconds?: number; uid?: string }
  /** The binding subresource: sets spec.nodeName of an unbound pod (the scheduler's write). */
  | { op: 'bind'; pod: ObjectRef; node: string; reason: string }
  /** A core/v1 Event about `involved`, as the component's event recorder would emit it. */
  | { op: 'event'; involved: KubeObject; type: 'Normal' | 'Warning'; reason: string; message: string };

export interface Plan {
  writes: Write[];
  /** Reconcile this key again after this many virtual ms (timers: probes, back-off, deadlines). */
  requeueAfterMs?: number;
  /**
   * The requeue is routine upkeep (a periodic probe, a heartbeat) rather than pending work:
   * a simulation that has only background work left counts as settled.
   */
  background?: boolean;
}

/** Read access to the store, as an informer's listers give it. Objects must not be mutated. */
export interface Listers {
  get(kind: string, namespace: string, name: string): KubeObject | undefined;
  list(kind: string, namespace?: string): KubeObject[];
  /** Objects whose ownerReferences name this uid (the garbage collector's dependents graph). */
  dependents(ownerUid: string): KubeObject[];
  /** Pods bound to a node (spec.nodeName). */
  podsOnNode(nodeName: string): KubeObject[];
  /**
   * Objects of a kind in a namespace that have no controller ownerReference (orphans a
   * controller may adopt), in no particular order. Optional: without it, callers filter `list`.
   */
  uncontrolled?(kind: string, namespace: string): KubeObject[];
  /**
   * A controller's active pods counted per label set (apiserver/controlledPodGroups.ts), so a
   * sync can check counts without visiting every pod. Optional: without it, controllers walk
   * their dependents.
   */
  controlledPodGroups?(namespace: string, controllerUid: string): PodGroup[];
  /** Services of a namespace that have a spec.selector, in no particular order. Optional. */
  selectingServices?(namespace: string): KubeObject[];
}

export interface ReconcileContext {
  listers: Listers;
  /** Virtual time, ms. */
  now: number;
  rng: Rng;
  config: ClusterConfig;
}

export interface Controller {
  /** The component name that appears in watch events and Event sources, e.g. `replicaset-controller`. */
  readonly name: string;
  /** Kinds whose watch events this controller receives. */
  readonly watches: readonly string[];
  /** Keys (usually `namespace/name` of the controller's own kind) to enqueue for one watch event. */
  keysFor(event: WatchEvent, listers: Listers, previous?: KubeObject): string[];
  reconcile(key: string, ctx: ReconcileContext): Plan;
  /** Keys to reconcile once at start-up (e.g. every existing object of the kind). */
  initialKeys?(listers: Listers): string[];
  /**
   * A node agent (kubelet, kube-proxy) names its node: the host then hands it Pod events only
   * for pods bound to that node and Node events only for that node, as the agent's
   * field-selected informers (spec.nodeName=..., metadata.name=...) would. Other kinds are
   * delivered as usual. keysFor still decides what each delivered event means.
   */
  readonly nodeName?: string;
}

export const emptyPlan = (): Plan => ({ writes: [] });
