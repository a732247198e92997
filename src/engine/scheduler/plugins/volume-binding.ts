// VolumeBinding (plugins/volumebinding/{volume_binding,binder}.go), VolumeZone
// (plugins/volumezone/volume_zone.go) and NodeVolumeLimits (plugins/nodevolumelimits/csi.go,
// simplified). VolumeBinding checks bound PVs' node affinity, and for WaitForFirstConsumer
// claims looks for a matching available PV or a provisioner whose allowedTopologies fit.
// Storage capacity (CSIStorageCapacity) and the PreFilter narrowing to local-volume nodes are
// not modelled.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { quantityValue } from '../../api/quantity';
import type { SchedulerCache } from '../cache';
import type { Plugin, StateData } from '../plugin-api';
import type { NodeInfo } from '../node-info';
import { nodeSelectorMatches, nodeSelectorRequirementMatches } from '../node-selector';
import { skip, status, unresolvable, unschedulable } from '../status';
import { claimClass, findClass, findPV, findPVC, isDelayBinding, podClaimNames, pvClass } from './volume-helpers';

export const BIND_CONFLICT_REASON = "node(s) didn't find available persistent volumes to bind";
export const NODE_CONFLICT_REASON = 'node(s) had volume node affinity conflict';
export const PV_NOT_EXIST_REASON = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const VOLUME_ZONE_REASON = 'node(s) had no available volume zone';
export const MAX_VOLUME_COUNT_REASON = 'node(s) exceed max volume count';

interface Claims {
  bound: PersistentVolumeClaim[];
  delayed: PersistentVolumeClaim[];
}
class BindingState implements StateData {
  constructor(readonly claims: Claims) {}
  clone() {
    return this;
  }
}
const KEY = 'PreFilterVolumeBinding';

const pvMatchesNode = (pv: PersistentVolume, node: Node) => {
  const req = pv.spec?.nodeAffinity?.required;
  return !req || nodeSelectorMatches(req, node);
};

/** findMatchingVolumes: the smallest available PV of the claim's class that fits the node. */
function findMatchingPV(cache: SchedulerCache, pvc: PersistentVolumeClaim, node: Node, taken: Set<string>): PersistentVolume | null {
  const want = quantityValue(pvc.spec?.resources?.requests?.storage ?? 0);
  const modes = pvc.spec?.accessModes ?? [];
  const cls = claimClass(pvc);
  let best: PersistentVolume | null = null;
  for (const pv of cache.objects.pvs) {
    const name = pv.metadata?.name ?? '';
    if (taken.has(name) || pv.metadata?.deletionTimestamp) continue;
    const ref = pv.spec?.claimRef;
    if (ref && !(ref.name === pvc.metadata?.name && ref.namespace === pvc.metadata?.namespace)) continue;
    if (!ref && pv.status?.phase && pv.status.phase !== 'Available') continue;
    if (pvClass(pv) !== cls || (pv.spec?.volumeMode ?? 'Filesystem') !== (pvc.spec?.volumeMode ?? 'Filesystem')) continue;
    if (!modes.every((m) => (pv.spec?.accessModes ?? []).includes(m))) continue;
    const size = quantityValue(pv.spec?.capacity?.storage ?? 0);
    if (size < want || !pvMatchesNode(pv, node)) continue;
    if (!best || size < quantityValue(best.spec?.capacity?.storage ?? 0)) best = pv;
  }
  return best;
}

export const volumeBinding = (): Plugin => ({
  name: 'VolumeBinding',
  preFilter(state, pod) {
    const names = podClaimNames(pod.pod);
    if (names.length === 0) return { status: skip() };
    const claims: Claims = { bound: [], delayed: [] };
    let immediate = false;
    for (const name of names) {
      const pvc = findPVC(state.cache, pod.namespace, name);
      if (!pvc) return { status: unresolvable(`persistentvolumeclaim "${name}" not found`) };
      if (pvc.metadata?.deletionTimestamp) return { status: unresolvable(`persistentvolumeclaim "${name}" is being deleted`) };
      if (pvc.spec?.volumeName) claims.bound.push(pvc);
      else if (isDelayBinding(state.cache, pvc)) claims.delayed.push(pvc);
      else immediate = true;
    }
    if (immediate) return { status: unresolvable('pod has unbound immediate PersistentVolumeClaims') };
    state.write(KEY, new BindingState(claims));
    return { status: null };
  },
  filter(state, _pod, node) {
    const s = state.read<BindingState>(KEY);
    if (!s) return null;
    let boundOk = true;
    let pvsFound = true;
    for (const pvc of s.claims.bound) {
      const pv = findPV(state.cache, pvc.spec!.volumeName!);
      if (!pv) pvsFound = false;
      else if (!pvMatchesNode(pv, node.node)) boundOk = false;
    }
    let unboundOk = true;
    const taken = new Set<string>();
    for (const pvc of s.claims.delayed) {
      const pv = findMatchingPV(state.cache, pvc, node.node, taken);
      if (pv) {
        taken.add(pv.metadata?.name ?? '');
        continue;
      }
      const cls = findClass(state.cache, claimClass(pvc));
      if (!cls || cls.provisioner === 'kubernetes.io/no-provisioner') unboundOk = false;
      else if (cls.allowedTopologies?.length) {
        const fits = cls.allowedTopologies.some((t) =>
          (t.matchLabelExpressions ?? []).every((e) => nodeSelectorRequirementMatches({ key: e.key, operator: 'In', values: e.values }, node.labels)),
        );
        if (!fits) unboundOk = false;
      }
    }
    const reasons: string[] = [];
    if (!boundOk) reasons.push(NODE_CONFLICT_REASON);
    if (!unboundOk) reasons.push(BIND_CONFLICT_REASON);
    if (!pvsFound) reasons.push(PV_NOT_EXIST_REASON);
    return reasons.length ? status('UnschedulableAndUnresolvable', ...reasons) : null;
  },
});

const TOPOLOGY_LABELS = [
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
];
const GA: Record<string, string> = {
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
};

class ZoneState implements StateData {
  constructor(readonly topologies: { key: string; values: Set<string> }[]) {}
  clone() {
    return this;
  }
}
const ZONE_KEY = 'PreFilterVolumeZone';

export const volumeZone = (): Plugin => ({
  name: 'VolumeZone',
  preFilter(state, pod) {
    const names = podClaimNames(pod.pod);
    if (names.length === 0) return { status: skip() };
    const tops: { key: string; values: Set<string> }[] = [];
    for (const name of names) {
      const pvc = findPVC(state.cache, pod.namespace, name);
      if (!pvc) return { status: unresolvable(`PersistentVolumeClaim was not found: "${name}"`) };
      const pvName = pvc.spec?.volumeName;
      if (!pvName) {
        if (isDelayBinding(state.cache, pvc)) continue;
        return { status: unresolvable('PersistentVolumeClaim had no pv name and storageClass name') };
      }
      const pv = findPV(state.cache, pvName);
      if (!pv) return { status: unresolvable(`PersistentVolume was not found: "${pvName}"`) };
      for (const key of TOPOLOGY_LABELS) {
        const v = pv.metadata?.labels?.[key];
        if (v) tops.push({ key, values: new Set(v.split('__')) });
      }
    }
    if (tops.length === 0) return { status: skip() };
    state.write(ZONE_KEY, new ZoneState(tops));
    return { status: null };
  },
  filter(state, _pod, node) {
    const s = state.read<ZoneState>(ZONE_KEY);
    if (!s) return null;
    // A node without any zone/region label is fine (single-zone clusters).
    if (!TOPOLOGY_LABELS.some((k) => k in node.labels)) return null;
    for (const t of s.topologies) {
      let v = node.labels[t.key];
      if (v === undefined && GA[t.key]) v = node.labels[GA[t.key]];
      if (v === undefined || !t.values.has(v)) return unresolvable(VOLUME_ZONE_REASON);
    }
    return null;
  },
});

/** The CSI driver behind a claim: the bound PV's csi.driver, else the class provisioner. */
function claimDriver(cache: SchedulerCache, ns: string, claim: string): { driver: string; handle: string } | null {
  const pvc = findPVC(cache, ns, claim);
  if (!pvc) return null;
  const pv = pvc.spec?.volumeName ? findPV(cache, pvc.spec.volumeName) : undefined;
  if (pv?.spec?.csi) return { driver: pv.spec.csi.driver, handle: pv.spec.csi.volumeHandle };
  const cls = findClass(cache, claimClass(pvc));
  return cls ? { driver: cls.provisioner, handle: `${ns}/${claim}` } : null;
}

function volumesByDriver(cache: SchedulerCache, pods: { namespace: string; pod: import('kubernetes-types/core/v1').Pod }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of pods) {
    for (const c of podClaimNames(p.pod)) {
      const d = claimDriver(cache, p.namespace, c);
      if (!d) continue;
      if (!out.has(d.driver)) out.set(d.driver, new Set());
      out.get(d.driver)!.add(d.handle);
    }
  }
  return out;
}

/**
 * NodeVolumeLimits, simplified: the limit per CSI driver is read from the node's allocatable
 * `attachable-volumes-csi-<driver>` instead of CSINode.spec.drivers[].allocatable.count
 * (CSINode objects are not part of the simulation); without it there is no limit.
 */
export const nodeVolumeLimits = (): Plugin => ({
  name: 'NodeVolumeLimits',
  preFilter(_s, pod) {
    return { status: podClaimNames(pod.pod).length === 0 ? skip() : null };
  },
  filter(state, pod, node: NodeInfo) {
    const want = volumesByDriver(state.cache, [pod]);
    if (want.size === 0) return null;
    const have = volumesByDriver(state.cache, node.pods);
    for (const [driver, handles] of want) {
      const limit = node.allocatable.scalar[`attachable-volumes-csi-${driver}`];
      if (limit === undefined) continue;
      const used = have.get(driver) ?? new Set<string>();
      let n = used.size;
      for (const h of handles) if (!used.has(h)) n++;
      if (n > limit) return unschedulable(MAX_VOLUME_COUNT_REASON);
    }
    return null;
  },
});
