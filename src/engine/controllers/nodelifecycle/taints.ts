// Node taints the node lifecycle controller manages, and toleration matching
// (pkg/controller/nodelifecycle/node_lifecycle_controller.go doNoScheduleTaintingPass /
// doNoExecuteTaintingPass; k8s.io/api/core/v1 toleration.go ToleratesTaint;
// plugin/pkg/admission/defaulttolerationseconds).
import type { KubeObject } from '../../api/types';

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal' | string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** Taint keys this controller owns: it adds and removes them, and leaves all others alone. */
export const MANAGED_TAINT_KEYS = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE, TAINT_MEMORY_PRESSURE, TAINT_DISK_PRESSURE, TAINT_PID_PRESSURE, TAINT_NETWORK_UNAVAILABLE]);

/** DefaultTolerationSeconds admission: 300 s for not-ready and unreachable NoExecute. */
export const DEFAULT_TOLERATION_SECONDS = 300;

function conditionStatus(node: KubeObject, type: string): string | undefined {
  return (node.status?.conditions ?? []).find((c: { type: string }) => c.type === type)?.status;
}

/** nodeConditionToTaintKeyStatusMap: condition type -> status -> taint key. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
};

/**
 * doNoScheduleTaintingPass: the NoSchedule taints a node should carry, in the order of its
 * conditions, then the cordon taint. NoSchedule taints carry no timeAdded.
 */
export function desiredNoScheduleTaints(node: KubeObject): Taint[] {
  const out: Taint[] = [];
  for (const c of (node.status?.conditions ?? []) as { type: string; status: string }[]) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) out.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable === true) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

/** The NoExecute taint for the Ready condition (NotReadyTaintTemplate / UnreachableTaintTemplate). */
export function desiredNoExecuteTaint(node: KubeObject): string | undefined {
  const ready = conditionStatus(node, 'Ready');
  if (ready === 'False') return TAINT_NOT_READY;
  if (ready === 'Unknown') return TAINT_UNREACHABLE;
  return undefined;
}

/**
 * The node's taints with the managed ones brought up to date. Existing taints keep their
 * timeAdded; new NoExecute taints get `now` (the taint eviction clock starts there).
 */
export function reconcileTaints(node: KubeObject, nowIso: string): Taint[] {
  const current: Taint[] = node.spec?.taints ?? [];
  const want: Taint[] = [...desiredNoScheduleTaints(node)];
  const noExec = desiredNoExecuteTaint(node);
  if (noExec) want.push({ key: noExec, effect: 'NoExecute' });
  const out: Taint[] = current.filter((t) => !MANAGED_TAINT_KEYS.has(t.key) || want.some((w) => w.key === t.key && w.effect === t.effect));
  for (const w of want) {
    if (out.some((t) => t.key === w.key && t.effect === w.effect)) continue;
    out.push(w.effect === 'NoExecute' ? { ...w, timeAdded: nowIso } : w);
  }
  return out;
}

/** v1.Toleration.ToleratesTaint */
export function toleratesTaint(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.key && tol.key !== taint.key) return false;
  const op = tol.operator ?? 'Equal';
  if (op === 'Exists') return true;
  if (op === 'Equal') return (tol.value ?? '') === (taint.value ?? '');
  return false;
}

/** What the DefaultTolerationSeconds admission plugin adds to a pod that lacks them. */
export function defaultTolerationSecondsTolerations(pod: KubeObject): Toleration[] {
  const tols: Toleration[] = pod.spec?.tolerations ?? [];
  const has = (key: string) => tols.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
  const out = [...tols];
  if (!has(TAINT_NOT_READY)) out.push({ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  if (!has(TAINT_UNREACHABLE)) out.push({ key: TAINT_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  return out;
}

/**
 * tainteviction getMinTolerationTime over the tolerations that match: undefined = not tolerated
 * (evict now), Infinity = tolerated forever, else seconds.
 */
export function minTolerationSeconds(pod: KubeObject, taints: Taint[]): number | undefined {
  const tols: Toleration[] = pod.spec?.tolerations ?? [];
  let min = Infinity;
  for (const taint of taints) {
    const matching = tols.filter((t) => toleratesTaint(t, taint));
    if (!matching.length) return undefined;
    for (const t of matching) {
      if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
      min = Math.min(min, Math.max(0, t.tolerationSeconds));
    }
  }
  return min;
}
