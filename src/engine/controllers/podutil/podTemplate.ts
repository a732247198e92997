// Pods from templates (pkg/controller/controller_utils.go GetPodFromTemplate), names for
// generated objects, and the small plan conventions the workload controllers share.
import type { KubeObject } from '../../api/types';
import type { Rng } from '../../core/rng';
import type { Write } from '../types';
import { newControllerRef } from './ownership';

/** The most replicas a ReplicaSet creates or deletes in one sync (replica_set.go BurstReplicas). */
export const BURST_REPLICAS = 500;

/** slowStartBatch with SlowStartInitialBatchSize 1: batch sizes 1, 2, 4, ... summing to count. */
export function slowStartBatches(count: number, initial = 1): number[] {
  const out: number[] = [];
  let remaining = count;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    out.push(size);
    remaining -= size;
  }
  return out;
}

/**
 * A pod as a controller creates it from its template: labels, annotations, finalizers and spec
 * copied, the owner's controllerRef, and `generateName: <owner>-`.
 */
export function podFromTemplate(template: any, owner: KubeObject): KubeObject {
  const meta = template?.metadata ?? {};
  const metadata: KubeObject['metadata'] = {
    generateName: `${owner.metadata.name}-`,
    namespace: owner.metadata.namespace ?? 'default',
    ownerReferences: [newControllerRef(owner)],
  };
  if (meta.labels) metadata.labels = { ...meta.labels };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(template?.spec ?? {}) };
}

/**
 * Picks the name the API server would generate (generateName + 5 characters of Kubernetes'
 * alphabet, apiserver/pkg/storage/names) from the seeded RNG, so that the controller's event
 * can name the pod ("Created pod: web-7d4b9c8f6d-x2x9q") in the same plan as the create.
 * On the rare collision the create fails with AlreadyExists and the key is requeued.
 */
export function withGeneratedName(obj: KubeObject, rng: Rng): KubeObject {
  const base = (obj.metadata.generateName ?? '').slice(0, 58);
  return { ...obj, metadata: { ...obj.metadata, name: base + rng.string(5) } };
}

/**
 * The second and later writes to one object in a plan carry no resourceVersion, so that the
 * API server does not reject them as conflicts with the first write of the same plan.
 */
export function dropResourceVersion(obj: KubeObject): KubeObject {
  const metadata = { ...obj.metadata };
  delete metadata.resourceVersion;
  return { ...obj, metadata };
}

export function eventWrite(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): Write {
  return { op: 'event', involved, type, reason, message };
}

/** A deep equality for plain JSON (status comparisons before writing). */
export { jsonEqual } from '../../api/jsonEqual';
