// Owner-reference helpers every controller in this tree uses (apimachinery metav1
// GetControllerOf / NewControllerRef, and the controller-manager's key convention).
import type { KubeObject, OwnerReference } from '../../api/types';

/** The ownerReference with controller=true, if any (metav1.GetControllerOf). */
export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r) => r.controller === true);
}

/** An ownerReference naming `owner` as the controller that blocks its deletion (metav1.NewControllerRef). */
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

/** `namespace/name` (cache.MetaNamespaceKeyFunc); cluster-scoped objects are keyed by name. */
export function objectKey(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

/** Splits a `namespace/name` key; a key without a slash is a cluster-scoped name. */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** A copy of obj with its metadata copied too, safe to modify for a write. */
export function cloneForWrite<T extends KubeObject>(obj: T): T {
  return structuredClone(obj);
}
