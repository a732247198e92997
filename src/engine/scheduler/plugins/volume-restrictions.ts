// VolumeRestrictions (plugins/volumerestrictions/volume_restrictions.go): in-tree disks that
// cannot be mounted twice (GCE PD, AWS EBS, RBD, iSCSI) and ReadWriteOncePod claims already
// used by another pod.
import type { Volume } from 'kubernetes-types/core/v1';
import type { Plugin, StateData } from '../plugin-api';
import type { PodInfo } from '../pod-info';
import { skip, unschedulable } from '../status';
import { findPVC, podClaimNames } from './volume-helpers';

export const DISK_CONFLICT_REASON = 'node(s) had no available disk';
export const RWOP_CONFLICT_REASON = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';

/** isVolumeConflict: the same disk used twice, unless every use is read-only. */
export function volumesConflict(a: Volume, b: Volume): boolean {
  if (a.gcePersistentDisk && b.gcePersistentDisk) {
    return a.gcePersistentDisk.pdName === b.gcePersistentDisk.pdName && !(a.gcePersistentDisk.readOnly && b.gcePersistentDisk.readOnly);
  }
  if (a.awsElasticBlockStore && b.awsElasticBlockStore) return a.awsElasticBlockStore.volumeID === b.awsElasticBlockStore.volumeID;
  if (a.iscsi && b.iscsi) return a.iscsi.iqn === b.iscsi.iqn && !(a.iscsi.readOnly && b.iscsi.readOnly);
  if (a.rbd && b.rbd) {
    const overlap = a.rbd.monitors.some((m) => b.rbd!.monitors.includes(m));
    return overlap && (a.rbd.pool ?? 'rbd') === (b.rbd.pool ?? 'rbd') && a.rbd.image === b.rbd.image && !(a.rbd.readOnly && b.rbd.readOnly);
  }
  return false;
}

class RwopState implements StateData {
  constructor(
    readonly claims: Set<string>,
    public conflicts: number,
  ) {}
  clone() {
    return new RwopState(this.claims, this.conflicts);
  }
}
const KEY = 'PreFilterVolumeRestrictions';

function rwopUses(state: RwopState, other: PodInfo): number {
  let n = 0;
  for (const c of podClaimNames(other.pod)) if (state.claims.has(`${other.namespace}/${c}`)) n++;
  return n;
}

export const volumeRestrictions = (): Plugin => ({
  name: 'VolumeRestrictions',
  preFilter(state, pod, nodes) {
    const vols = pod.pod.spec?.volumes ?? [];
    const needs = vols.some((v) => v.gcePersistentDisk || v.awsElasticBlockStore || v.rbd || v.iscsi || v.persistentVolumeClaim);
    if (!needs) return { status: skip() };
    const claims = new Set<string>();
    for (const name of podClaimNames(pod.pod)) {
      const pvc = findPVC(state.cache, pod.namespace, name);
      if (pvc?.spec?.accessModes?.includes('ReadWriteOncePod')) claims.add(`${pod.namespace}/${name}`);
    }
    const s = new RwopState(claims, 0);
    if (claims.size > 0) for (const n of nodes) for (const p of n.pods) if (p.key !== pod.key) s.conflicts += rwopUses(s, p);
    state.write(KEY, s);
    return { status: null };
  },
  addPod(state, _pod, add) {
    const s = state.read<RwopState>(KEY);
    if (s) s.conflicts += rwopUses(s, add);
  },
  removePod(state, _pod, remove) {
    const s = state.read<RwopState>(KEY);
    if (s) s.conflicts -= rwopUses(s, remove);
  },
  filter(state, pod, node) {
    for (const v of pod.pod.spec?.volumes ?? []) {
      if (!(v.gcePersistentDisk || v.awsElasticBlockStore || v.rbd || v.iscsi)) continue;
      for (const ex of node.pods) for (const ev of ex.pod.spec?.volumes ?? []) if (volumesConflict(v, ev)) return unschedulable(DISK_CONFLICT_REASON);
    }
    const s = state.read<RwopState>(KEY);
    if (s && s.conflicts > 0) return unschedulable(RWOP_CONFLICT_REASON);
    return null;
  },
});
