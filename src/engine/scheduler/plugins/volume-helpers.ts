// Lookups the volume plugins share: a pod's PVCs, PVs and StorageClasses from the cache.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { SchedulerCache } from '../cache';

export function podClaimNames(pod: Pod): string[] {
  const out: string[] = [];
  const podName = pod.metadata?.name ?? '';
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push(v.persistentVolumeClaim.claimName);
    // Generic ephemeral volumes are backed by a PVC named <pod>-<volume>.
    else if (v.ephemeral) out.push(`${podName}-${v.name}`);
  }
  return out;
}

export function findPVC(cache: SchedulerCache, ns: string, name: string): PersistentVolumeClaim | undefined {
  return cache.objects.pvcs.find((c) => c.metadata?.name === name && (c.metadata?.namespace ?? 'default') === ns);
}

export function findPV(cache: SchedulerCache, name: string): PersistentVolume | undefined {
  return cache.objects.pvs.find((v) => v.metadata?.name === name);
}

export function findClass(cache: SchedulerCache, name: string | undefined): StorageClass | undefined {
  if (!name) return undefined;
  return cache.objects.storageClasses.find((s) => s.metadata?.name === name);
}

/** storagehelpers.GetPersistentVolumeClaimClass: spec.storageClassName, else the beta annotation. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

export function pvClass(pv: PersistentVolume): string {
  return pv.spec?.storageClassName ?? pv.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

export function isDelayBinding(cache: SchedulerCache, pvc: PersistentVolumeClaim): boolean {
  return findClass(cache, claimClass(pvc))?.volumeBindingMode === 'WaitForFirstConsumer';
}
