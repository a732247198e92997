// The garbage collector (pkg/controller/garbagecollector/garbagecollector.go attemptToDeleteItem,
// processDeletingDependentsItem, orphanDependents), driven by the dependents index:
// - background: an object whose owners are all gone (no object with that uid) is deleted;
//   an object with some owners left just loses the references to the gone ones;
// - foreground: an owner being deleted with the `foregroundDeletion` finalizer has its
//   dependents deleted, and loses the finalizer once no dependent with blockOwnerDeletion is left;
// - orphan: an owner being deleted with the `orphan` finalizer has its ownerReferences removed
//   from every dependent, then loses the finalizer.
// Keys are `Kind/namespace/name` (or `Kind/name` for cluster-scoped objects).
import type { KubeObject, OwnerReference, WatchEvent } from '../../api/types';
import { keyOf, refOf } from '../../api/types';
import { KINDS, isNamespaced } from '../../api/kinds';
import type { Controller, Listers, Plan, PropagationPolicy, ReconcileContext, Write } from '../types';

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

/**
 * The finalizers the API server adds on DELETE for a propagationPolicy
 * (apiserver/pkg/registry/generic/registry/store.go deletionFinalizersForGarbageCollection).
 * Background adds none: the collector finds the dependents once the owner is gone.
 */
export function finalizersForPropagation(policy: PropagationPolicy | undefined): string[] {
  if (policy === 'Foreground') return [FOREGROUND_FINALIZER];
  if (policy === 'Orphan') return [ORPHAN_FINALIZER];
  return [];
}

function parseKey(key: string): { kind: string; namespace: string; name: string } {
  const parts = key.split('/');
  return parts.length === 3 ? { kind: parts[0], namespace: parts[1], name: parts[2] } : { kind: parts[0], namespace: '', name: parts.slice(1).join('/') };
}

function ownerOf(ref: OwnerReference, dependent: KubeObject, listers: Listers): KubeObject | undefined {
  const ns = isNamespaced(ref.kind) ? (dependent.metadata.namespace ?? '') : '';
  const owner = listers.get(ref.kind, ns, ref.name);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

const deletingWith = (obj: KubeObject, finalizer: string) => Boolean(obj.metadata.deletionTimestamp) && (obj.metadata.finalizers ?? []).includes(finalizer);

function keysFor(event: WatchEvent, listers: Listers): string[] {
  const obj = event.object;
  const keys: string[] = [];
  if (event.type !== 'DELETED' && (deletingWith(obj, FOREGROUND_FINALIZER) || deletingWith(obj, ORPHAN_FINALIZER))) keys.push(keyOf(refOf(obj)));
  // An owner that went away (or started going) concerns its dependents.
  if (event.type === 'DELETED' || obj.metadata.deletionTimestamp) {
    for (const dep of listers.dependents(obj.metadata.uid ?? '')) keys.push(keyOf(refOf(dep)));
  }
  for (const ref of obj.metadata.ownerReferences ?? []) {
    const owner = ownerOf(ref, obj, listers);
    if (!owner) {
      if (event.type !== 'DELETED') keys.push(keyOf(refOf(obj)));
    } else if (deletingWith(owner, FOREGROUND_FINALIZER)) {
      // A dependent of a foreground deletion changed or went: the owner may be free to go.
      keys.push(keyOf(refOf(owner)));
      if (event.type !== 'DELETED') keys.push(keyOf(refOf(obj)));
    }
  }
  return [...new Set(keys)];
}

function withoutOwnerRefs(obj: KubeObject, uids: Set<string>): KubeObject {
  const next = structuredClone(obj);
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => !uids.has(r.uid));
  if (refs.length) next.metadata.ownerReferences = refs;
  else delete next.metadata.ownerReferences;
  return next;
}

function withoutFinalizer(obj: KubeObject, finalizer: string): KubeObject {
  const next = structuredClone(obj);
  next.metadata.finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  return next;
}

function deleteWrite(obj: KubeObject, policy: PropagationPolicy, reason: string): Write {
  return { op: 'delete', ref: refOf(obj), reason, propagationPolicy: policy, uid: obj.metadata.uid };
}

/** attemptToDeleteItem for one dependent. */
function attemptToDelete(obj: KubeObject, listers: Listers): Write[] {
  const refs = obj.metadata.ownerReferences ?? [];
  if (!refs.length) return [];
  const solid: OwnerReference[] = [];
  const dangling: OwnerReference[] = [];
  const waiting: OwnerReference[] = [];
  for (const ref of refs) {
    const owner = ownerOf(ref, obj, listers);
    if (!owner) dangling.push(ref);
    else if (deletingWith(owner, FOREGROUND_FINALIZER)) waiting.push(ref);
    else solid.push(ref);
  }
  if (!dangling.length && !waiting.length) return [];
  if (solid.length) {
    // Other owners remain: only the references to gone or going owners are dropped.
    const gone = new Set([...dangling, ...waiting].map((r) => r.uid));
    return [{ op: 'update', object: withoutOwnerRefs(obj, gone), reason: 'RemoveDanglingOwnerReferences' }];
  }
  if (obj.metadata.deletionTimestamp) return [];
  // A dependent of a foreground deletion that has dependents itself goes in the foreground
  // too, so the chain is deleted bottom-up.
  const hasDependents = listers.dependents(obj.metadata.uid ?? '').length > 0;
  const policy: PropagationPolicy = waiting.length && hasDependents ? 'Foreground' : 'Background';
  return [deleteWrite(obj, policy, 'GarbageCollected')];
}

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const { kind, namespace, name } = parseKey(key);
  const obj = ctx.listers.get(kind, namespace, name);
  if (!obj) return { writes: [] };
  const writes: Write[] = [];
  const uid = obj.metadata.uid ?? '';

  if (deletingWith(obj, ORPHAN_FINALIZER)) {
    // orphanDependents, then the finalizer goes.
    for (const dep of ctx.listers.dependents(uid)) writes.push({ op: 'update', object: withoutOwnerRefs(dep, new Set([uid])), reason: 'OrphanDependent' });
    writes.push({ op: 'update', object: withoutFinalizer(obj, ORPHAN_FINALIZER), reason: 'RemoveOrphanFinalizer' });
    return { writes };
  }

  if (deletingWith(obj, FOREGROUND_FINALIZER)) {
    // processDeletingDependentsItem: delete dependents, wait for the blocking ones.
    const dependents = ctx.listers.dependents(uid);
    const blocking = dependents.filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true));
    if (!blocking.length) {
      writes.push({ op: 'update', object: withoutFinalizer(obj, FOREGROUND_FINALIZER), reason: 'RemoveForegroundFinalizer' });
      return { writes };
    }
    for (const dep of dependents) writes.push(...attemptToDelete(dep, ctx.listers));
    return { writes };
  }

  writes.push(...attemptToDelete(obj, ctx.listers));
  return { writes };
}

/** Every kind the API serves except Event: the collector watches them all. */
export const GC_WATCHED_KINDS: readonly string[] = [...new Set(KINDS.filter((k) => k.kind !== 'Event').map((k) => k.kind))];

export const garbageCollector: Controller = {
  name: 'garbage-collector',
  watches: GC_WATCHED_KINDS,
  keysFor,
  reconcile,
  initialKeys: (listers) => {
    const keys: string[] = [];
    for (const kind of GC_WATCHED_KINDS) {
      for (const obj of listers.list(kind)) {
        if (obj.metadata.ownerReferences?.length || deletingWith(obj, FOREGROUND_FINALIZER) || deletingWith(obj, ORPHAN_FINALIZER)) keys.push(keyOf(refOf(obj)));
      }
    }
    return keys;
  },
};
