// Controller references, adoption and release, as pkg/controller/controller_ref_manager.go
// (BaseControllerRefManager.ClaimObject) does them: a controller claims objects it already
// controls that still match its selector, adopts orphans that match, and releases objects it
// controls that no longer match. Objects controlled by someone else are never touched.
import type { KubeObject, OwnerReference } from '../../api/types';
import type { Listers } from '../types';

export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return controllerRefOf(obj)?.uid === owner.metadata.uid;
}

/** metav1.NewControllerRef: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface ClaimResult {
  /** Objects that belong to the owner after this sync (claimed and adopted). */
  claimed: KubeObject[];
  /** Updated copies of orphans that get the owner's controllerRef. */
  adopt: KubeObject[];
  /** Updated copies of objects that lose the owner's controllerRef. */
  release: KubeObject[];
}

/**
 * Sorts candidates into claimed / adopted / released. `candidates` should be every object of
 * the kind in the owner's namespace that either matches the selector or is controlled by the
 * owner. An owner that is being deleted neither adopts nor releases (ClaimObject).
 */
export function claimObjects(owner: KubeObject, candidates: KubeObject[], matches: (obj: KubeObject) => boolean): ClaimResult {
  const result: ClaimResult = { claimed: [], adopt: [], release: [] };
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  for (const obj of candidates) {
    const ref = controllerRefOf(obj);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches(obj)) result.claimed.push(obj);
      else if (!ownerDeleting) result.release.push(withoutOwner(obj, owner.metadata.uid ?? ''));
      continue;
    }
    if (ownerDeleting || !matches(obj) || obj.metadata.deletionTimestamp) continue;
    const adopted = withOwner(obj, newControllerRef(owner));
    result.adopt.push(adopted);
    result.claimed.push(adopted);
  }
  return result;
}

/**
 * The candidates claimObjects needs, found through the host's indexes: objects of `kind` in
 * the owner's namespace that it controls (dependents) or that nobody controls (orphans).
 * Objects controlled by someone else are skipped by claimObjects anyway, so the claim is the
 * same as over every object of the namespace, at O(owned + orphans) instead of O(namespace).
 * Not in name order; callers whose output depends on order sort with `byName`.
 */
export function claimCandidates(listers: Listers, owner: KubeObject, kind: string): KubeObject[] {
  const namespace = owner.metadata.namespace ?? 'default';
  const uid = owner.metadata.uid ?? '';
  if (!listers.uncontrolled) return listers.list(kind, namespace);
  const out: KubeObject[] = [];
  for (const obj of listers.dependents(uid)) {
    if (obj.kind === kind && (obj.metadata.namespace ?? 'default') === namespace && controllerRefOf(obj)?.uid === uid) out.push(obj);
  }
  for (const obj of listers.uncontrolled(kind, namespace)) out.push(obj);
  return out;
}

/** Name order, as a namespaced list returns objects. */
export function byName(a: KubeObject, b: KubeObject): number {
  const x = a.metadata.name ?? '';
  const y = b.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

export function withOwner(obj: KubeObject, ref: OwnerReference): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, ownerReferences: [...(obj.metadata.ownerReferences ?? []), ref] } };
}

export function withoutOwner(obj: KubeObject, uid: string): KubeObject {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  const metadata = { ...obj.metadata };
  if (refs.length) metadata.ownerReferences = refs;
  else delete metadata.ownerReferences;
  return { ...obj, metadata };
}

/** Keys to enqueue for a dependent's owner (the controller named by its controllerRef). */
export function ownerKeyFor(obj: KubeObject, ownerKind: string): string | undefined {
  const ref = controllerRefOf(obj);
  if (!ref || ref.kind !== ownerKind) return undefined;
  return `${obj.metadata.namespace ?? 'default'}/${ref.name}`;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

export function keyOfObject(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? 'default'}/${obj.metadata.name ?? ''}`;
}
