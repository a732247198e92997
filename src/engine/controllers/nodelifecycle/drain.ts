// Cordon, uncordon and drain planning as kubectl does them (k8s.io/kubectl/pkg/drain/drain.go,
// filters.go, cordon.go). Cordon only sets spec.unschedulable; the node lifecycle controller
// then adds the node.kubernetes.io/unschedulable:NoSchedule taint. Draining evicts pods
// through the Eviction API (see disruption/eviction.ts), which respects PodDisruptionBudgets.
import type { KubeObject } from '../../api/types';
import { controllerRefOf } from '../gc/ownerRefs';
import { isMirrorPod, isPodTerminal } from '../endpoints/podState';

export function cordon(node: KubeObject): KubeObject {
  const next = structuredClone(node);
  next.spec = { ...(next.spec ?? {}), unschedulable: true };
  return next;
}

export function uncordon(node: KubeObject): KubeObject {
  const next = structuredClone(node);
  next.spec = { ...(next.spec ?? {}) };
  delete next.spec.unschedulable;
  return next;
}

export interface DrainOptions {
  /** --ignore-daemonsets */
  ignoreDaemonSets?: boolean;
  /** --delete-emptydir-data */
  deleteEmptyDirData?: boolean;
  /** --force: also delete pods no controller manages. */
  force?: boolean;
}

export interface DrainPlan {
  /** Pods to evict, in the order kubectl lists them. */
  evict: KubeObject[];
  /** Pods left on the node with kubectl's reason (mirror pods, ignored DaemonSet pods). */
  skipped: { pod: KubeObject; reason: string }[];
  /** kubectl's warnings, e.g. `ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x`. */
  warnings: string[];
  /** Blocking errors (drain stops before evicting anything), in kubectl's words. */
  errors: string[];
}

const nsName = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;

/** drain.go GetPodsForDeletion with the default filter chain. */
export function planDrain(pods: KubeObject[], opts: DrainOptions = {}): DrainPlan {
  const plan: DrainPlan = { evict: [], skipped: [], warnings: [], errors: [] };
  const ds: string[] = [], dsIgnored: string[] = [], unmanaged: string[] = [], unmanagedForced: string[] = [], local: string[] = [], localAllowed: string[] = [];
  for (const pod of pods) {
    if (isMirrorPod(pod)) {
      plan.skipped.push({ pod, reason: 'mirror pod' });
      continue;
    }
    const finished = isPodTerminal(pod);
    const ref = controllerRefOf(pod);
    if (ref?.kind === 'DaemonSet' && !finished) {
      if (opts.ignoreDaemonSets) {
        dsIgnored.push(nsName(pod));
        plan.skipped.push({ pod, reason: 'DaemonSet-managed' });
      } else ds.push(nsName(pod));
      continue;
    }
    if (pod.metadata.deletionTimestamp) {
      plan.skipped.push({ pod, reason: 'already terminating' });
      continue;
    }
    let ok = true;
    if (!ref && !finished) {
      if (opts.force) unmanagedForced.push(nsName(pod));
      else {
        unmanaged.push(nsName(pod));
        ok = false;
      }
    }
    const hasEmptyDir = (pod.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir !== undefined);
    if (hasEmptyDir && !finished) {
      if (opts.deleteEmptyDirData) localAllowed.push(nsName(pod));
      else {
        local.push(nsName(pod));
        ok = false;
      }
    }
    if (ok) plan.evict.push(pod);
  }
  if (ds.length) plan.errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds.join(', ')}`);
  if (unmanaged.length) plan.errors.push(`cannot delete Pods declare no controller (use --force to override): ${unmanaged.join(', ')}`);
  if (local.length) plan.errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.join(', ')}`);
  if (dsIgnored.length) plan.warnings.push(`ignoring DaemonSet-managed Pods: ${dsIgnored.join(', ')}`);
  if (unmanagedForced.length) plan.warnings.push(`deleting Pods that declare no controller: ${unmanagedForced.join(', ')}`);
  if (localAllowed.length) plan.warnings.push(`deleting Pods with local storage: ${localAllowed.join(', ')}`);
  return plan;
}
