// Namespace lifecycle (pkg/controller/namespace/namespace_controller.go and
// deletion/namespaced_resources_deleter.go): a Namespace being deleted is Terminating; the
// controller deletes everything in it, reports progress in status.conditions, and once nothing
// is left removes the `kubernetes` finalizer from spec.finalizers (the finalize subresource),
// which lets the API server remove the Namespace.
import type { KubeObject, WatchEvent } from '../../api/types';
import { KINDS } from '../../api/kinds';
import { isoAt } from '../../core/time';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';

export const NAMESPACE_FINALIZER = 'kubernetes';

/** Namespaced kinds the deleter walks (discovery of deletable namespaced resources). */
const NAMESPACED = KINDS.filter((k) => k.namespaced);

/** What the API server does on create (registry/core/namespace/strategy.go PrepareForCreate). */
export function defaultNamespace(ns: KubeObject): KubeObject {
  const next = structuredClone(ns);
  next.spec = { ...(next.spec ?? {}), finalizers: next.spec?.finalizers ?? [NAMESPACE_FINALIZER] };
  next.status = { ...(next.status ?? {}), phase: 'Active' };
  return next;
}

/**
 * What the API server does on DELETE of a Namespace (registry/core/namespace/storage.go Delete):
 * with spec.finalizers left it stays, with a deletionTimestamp and phase Terminating.
 * The store must also keep a Namespace whose spec.finalizers is not empty.
 */
export function markNamespaceTerminating(ns: KubeObject, now: number): KubeObject {
  const next = structuredClone(ns);
  next.metadata.deletionTimestamp = next.metadata.deletionTimestamp ?? isoAt(now);
  next.status = { ...(next.status ?? {}), phase: 'Terminating' };
  return next;
}

interface NsCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

function condition(type: string, status: 'True' | 'False', reason: string, message: string, now: number, previous: NsCondition[]): NsCondition {
  // updateConditions: lastTransitionTime moves only when the status does.
  const prev = previous.find((c) => c.type === type);
  const lastTransitionTime = prev && prev.status === status ? prev.lastTransitionTime : isoAt(now);
  return { type, status, lastTransitionTime, reason, message };
}

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const ns = ctx.listers.get('Namespace', '', key);
  if (!ns || !ns.metadata.deletionTimestamp) return { writes: [] };
  const finalizers: string[] = ns.spec?.finalizers ?? [];
  if (!finalizers.includes(NAMESPACE_FINALIZER)) return { writes: [] };
  const writes: Write[] = [];
  const remaining: string[] = [];
  const finalizerCounts = new Map<string, number>();
  let maxGraceSeconds = 0;
  for (const info of NAMESPACED) {
    const objects = ctx.listers.list(info.kind, key);
    if (info.group === 'events.k8s.io') continue; // same objects as core/v1 Event
    if (!objects.length) continue;
    // Upstream counts what is left after its deleteCollection: objects held by finalizers,
    // pods in graceful termination on a node, and anything already being deleted.
    let left = 0;
    for (const obj of objects) {
      for (const f of obj.metadata.finalizers ?? []) finalizerCounts.set(f, (finalizerCounts.get(f) ?? 0) + 1);
      const graceful = info.kind === 'Pod' && obj.spec?.nodeName && !['Succeeded', 'Failed'].includes(obj.status?.phase);
      if (obj.metadata.deletionTimestamp || obj.metadata.finalizers?.length || graceful) left++;
      if (obj.metadata.deletionTimestamp) continue;
      if (info.kind === 'Pod') maxGraceSeconds = Math.max(maxGraceSeconds, obj.spec?.terminationGracePeriodSeconds ?? 30);
      writes.push({ op: 'delete', ref: { kind: info.kind, namespace: key, name: obj.metadata.name ?? '' }, reason: 'NamespaceDeletion', uid: obj.metadata.uid });
    }
    if (left) remaining.push(`${info.plural}.${info.group} has ${left} resource instances`);
  }
  const previous: NsCondition[] = ns.status?.conditions ?? [];
  const { now } = ctx;
  const finalizerText = [...finalizerCounts.entries()].sort().map(([f, n]) => `${f} in ${n} resource instances`);
  const conditions = [
    condition('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered', now, previous),
    condition('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed', now, previous),
    condition('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization', now, previous),
    remaining.length
      ? condition('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${remaining.sort().join(', ')}`, now, previous)
      : condition('NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed', now, previous),
    finalizerText.length
      ? condition('NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${finalizerText.join(', ')}`, now, previous)
      : condition('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished', now, previous),
  ];
  if (JSON.stringify(conditions) !== JSON.stringify(previous) || ns.status?.phase !== 'Terminating') {
    writes.unshift({ op: 'updateStatus', object: { ...ns, status: { ...(ns.status ?? {}), phase: 'Terminating', conditions } }, reason: 'NamespaceDeletionStatus' });
  }
  if (!remaining.length) {
    // finalizeNamespace: drop `kubernetes` from spec.finalizers.
    const next = structuredClone(ns);
    // Written after the status update in this plan: no stale resourceVersion precondition.
    delete next.metadata.resourceVersion;
    next.spec = { ...(next.spec ?? {}), finalizers: finalizers.filter((f) => f !== NAMESPACE_FINALIZER) };
    writes.push({ op: 'update', object: next, reason: 'NamespaceFinalized' });
    return { writes };
  }
  // Content with finalizers or grace periods takes time: look again (upstream requeues by its estimate).
  return { writes, requeueAfterMs: Math.max(1000, maxGraceSeconds * 1000) };
}

function keysFor(event: WatchEvent, listers: Listers): string[] {
  if (event.kind === 'Namespace') return event.type === 'DELETED' || !event.object.metadata.deletionTimestamp ? [] : [event.name];
  // Content going away moves a terminating namespace along.
  if (event.type !== 'DELETED') return [];
  return listers.get('Namespace', '', event.namespace)?.metadata.deletionTimestamp ? [event.namespace] : [];
}

export const namespaceController: Controller = {
  name: 'namespace-controller',
  watches: ['Namespace', ...NAMESPACED.filter((k) => k.kind !== 'Event').map((k) => k.kind)],
  keysFor,
  reconcile,
  initialKeys: (listers) => listers.list('Namespace').filter((n) => n.metadata.deletionTimestamp).map((n) => n.metadata.name ?? ''),
};

