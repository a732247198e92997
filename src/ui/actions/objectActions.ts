// The user actions that apply to one object, as data: the inspector's buttons and the canvas
// context menu both render this list, so they never disagree. Pure (no React, no DOM).
import type { KubeObject, Target, UserAction } from '../../engine';

/** A translation key and its values; the UI calls t(key, values). */
export interface LabelKey {
  key: string;
  values?: Record<string, string | number>;
}

export interface ObjectAction {
  /** Stable id: the inspector's `action-<id>` and the menu's `menu-<id>` test ids. */
  id: string;
  label: LabelKey;
  action: UserAction;
  /** Destroys something (shown apart, in the warning colour). */
  danger?: boolean;
}

export interface ObjectActionContext {
  /** Whether the node's kubelet is stopped (for the start/stop toggle). */
  kubeletStopped?: boolean;
}

/** Kinds with a `scale` subresource that the engine's `scale` action accepts. */
export const SCALABLE_KINDS: readonly string[] = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];

/** The most replicas the "Scale…" input accepts: more would stall the browser for minutes. */
export const MAX_MENU_REPLICAS = 1000;

export function isScalable(obj: KubeObject): boolean {
  return SCALABLE_KINDS.includes(obj.kind);
}

export function targetOf(obj: KubeObject): Target {
  return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' };
}

/** `spec.replicas`, defaulted to 1 as the API server defaults it. */
export function replicasOf(obj: KubeObject): number {
  return typeof obj.spec?.replicas === 'number' ? obj.spec.replicas : 1;
}

export function scaleAction(obj: KubeObject, replicas: number): UserAction {
  return { type: 'scale', target: targetOf(obj), replicas };
}

/** Parses what the user typed into the "Scale…" input: a whole number in [0, MAX_MENU_REPLICAS]. */
export function parseReplicas(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n <= MAX_MENU_REPLICAS ? n : undefined;
}

/** The engine actions for `obj`, in the order the inspector shows them (delete last). */
export function objectActions(obj: KubeObject, ctx: ObjectActionContext = {}): ObjectAction[] {
  const target = targetOf(obj);
  const out: ObjectAction[] = [];
  if (isScalable(obj)) {
    const replicas = replicasOf(obj);
    out.push({ id: 'scale-up', label: { key: 'actions.scaleTo', values: { n: replicas + 1 } }, action: scaleAction(obj, replicas + 1) });
    if (replicas > 0) out.push({ id: 'scale-down', label: { key: 'actions.scaleTo', values: { n: replicas - 1 } }, action: scaleAction(obj, replicas - 1) });
  }
  if (obj.kind === 'Deployment') {
    out.push({ id: 'restart', label: { key: 'actions.rolloutRestart' }, action: { type: 'rollout-restart', target } });
    out.push({ id: 'undo', label: { key: 'actions.rolloutUndo' }, action: { type: 'rollout-undo', target } });
  }
  if (obj.kind === 'Node') {
    const node = obj.metadata.name ?? '';
    out.push(obj.spec?.unschedulable ? { id: 'uncordon', label: { key: 'actions.uncordon' }, action: { type: 'uncordon', node } } : { id: 'cordon', label: { key: 'actions.cordon' }, action: { type: 'cordon', node } });
    out.push({ id: 'drain', label: { key: 'actions.drain' }, action: { type: 'drain', node } });
    out.push(ctx.kubeletStopped ? { id: 'start-kubelet', label: { key: 'actions.startKubelet' }, action: { type: 'start-kubelet', node } } : { id: 'stop-kubelet', label: { key: 'actions.stopKubelet' }, action: { type: 'stop-kubelet', node } });
  }
  // Containers run only once the pod is bound to a node.
  if (obj.kind === 'Pod' && obj.spec?.nodeName) {
    const container: string | undefined = obj.spec?.containers?.[0]?.name;
    out.push({ id: 'kill', label: { key: 'actions.killContainer', values: { container: container ?? '' } }, action: { type: 'kill-container', pod: target, container } });
    out.push({ id: 'fail-probe', label: { key: 'actions.failReadiness' }, action: { type: 'fail-probe', pod: target, container, probe: 'readiness' } });
    out.push({ id: 'pass-probe', label: { key: 'actions.passReadiness' }, action: { type: 'pass-probe', pod: target, container, probe: 'readiness' } });
  }
  // Nodes are machines: taking one away is the kubelet/drain story, not `kubectl delete`.
  if (obj.kind !== 'Node') {
    out.push({ id: 'delete', label: { key: 'actions.delete' }, action: { type: 'delete', target }, danger: true });
  }
  return out;
}

/** Whether the Rules view's packet tracer can start at this object (a pod with its own IP). */
export function canTraceFrom(obj: KubeObject): boolean {
  return obj.kind === 'Pod' && Boolean(obj.status?.podIP) && !obj.spec?.hostNetwork;
}

export type MenuEntry =
  | { type: 'inspect'; id: 'inspect'; label: LabelKey }
  | ({ type: 'action' } & ObjectAction)
  | { type: 'scale'; id: 'scale'; label: LabelKey; replicas: number }
  | { type: 'trace'; id: 'trace'; label: LabelKey; from: string }
  | { type: 'separator'; id: string };

/**
 * The context menu for `obj`: Inspect, then the same engine actions as the inspector with a
 * "Scale…" entry after the scale steps, the packet tracer for pods, and Delete set apart.
 */
export function menuEntries(obj: KubeObject, ctx: ObjectActionContext = {}): MenuEntry[] {
  const actions = objectActions(obj, ctx).map((a): MenuEntry => ({ type: 'action', ...a }));
  const isDanger = (e: MenuEntry) => e.type === 'action' && e.danger;
  const scaleSteps = actions.filter((e) => e.id === 'scale-up' || e.id === 'scale-down');
  const others = actions.filter((e) => !scaleSteps.includes(e) && !isDanger(e));
  const dangers = actions.filter(isDanger);
  const out: MenuEntry[] = [{ type: 'inspect', id: 'inspect', label: { key: 'menu.inspect' } }];
  if (scaleSteps.length > 0 || isScalable(obj)) {
    out.push({ type: 'separator', id: 'sep-scale' }, ...scaleSteps, { type: 'scale', id: 'scale', label: { key: 'menu.scale' }, replicas: replicasOf(obj) });
  }
  if (others.length > 0) out.push({ type: 'separator', id: 'sep-actions' }, ...others);
  if (canTraceFrom(obj)) out.push({ type: 'separator', id: 'sep-trace' }, { type: 'trace', id: 'trace', label: { key: 'menu.trace' }, from: `${obj.metadata.namespace}/${obj.metadata.name}` });
  if (dangers.length > 0) out.push({ type: 'separator', id: 'sep-danger' }, ...dangers);
  return out;
}

/** Drops separators that would sit first, last or next to another after entries were filtered out. */
export function tidySeparators(entries: MenuEntry[]): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const e of entries) {
    if (e.type === 'separator' && (out.length === 0 || out[out.length - 1].type === 'separator')) continue;
    out.push(e);
  }
  while (out.length > 0 && out[out.length - 1].type === 'separator') out.pop();
  return out;
}

/** The attributes the canvases put on what can be picked (see ClusterCanvas and GraphNodes). */
export interface PickAttributes {
  pod?: string | null;
  node?: string | null;
  ref?: string | null;
}

/** The selection key (`Kind/ns/name` or `Kind/name`) an element's data-pod/-node/-ref stands for. */
export function refFromAttributes({ pod, node, ref }: PickAttributes): string | undefined {
  if (pod) return `Pod/${pod}`;
  if (node) return `Node/${node}`;
  return ref || undefined;
}

/** CSS selectors that find an object's element on any canvas, best first. */
export function selectorsForRef(ref: string, escape: (s: string) => string): string[] {
  const parts = ref.split('/');
  const out: string[] = [];
  if (parts[0] === 'Pod' && parts.length === 3) out.push(`[data-pod="${escape(`${parts[1]}/${parts[2]}`)}"]`);
  if (parts[0] === 'Node' && parts.length === 2) out.push(`[data-node="${escape(parts[1])}"]`);
  out.push(`[data-ref="${escape(ref)}"]`);
  return out;
}
