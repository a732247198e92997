// The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go and
// staging/src/k8s.io/endpointslice/reconciler.go): for every Service with a selector, slices
// named `<service>-<random>` hold its pods' endpoints, grouped by address type and by the
// resolved port list (pods whose named targetPort resolves to different numbers land in
// different slices), at most maxEndpointsPerSlice (100) per slice. Services without a selector
// are left alone: their EndpointSlices are the user's.
import type { KubeObject, WatchEvent } from '../../api/types';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';
import { controllerRefOf, splitKey } from '../gc/ownerRefs';
import { endpointPorts, podToEndpoint, selectedPods, serviceAddressTypes, shouldPodBeInEndpoints, type SliceEndpoint, type SlicePort } from './podEndpoint';
import { packEndpoints } from './slicePacking';

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY_CONTROLLER = 'endpointslice-controller.k8s.io';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** kube-controller-manager --max-endpoints-per-slice default. */
export const DEFAULT_MAX_ENDPOINTS_PER_SLICE = 100;

export const ENDPOINTSLICE_NOTES = [
  'The endpoints.kubernetes.io/last-change-trigger-time annotation is not written.',
  'Node changes (zone labels) are picked up on the Service\'s next sync, not by watching Nodes.',
  'Endpoints inside a slice are in pod-name order; upstream\'s order comes from a hash set.',
];

function serviceKeysForPod(pod: KubeObject, listers: Listers): string[] {
  const ns = pod.metadata.namespace ?? '';
  const keys = new Set<string>();
  for (const svc of servicesSelecting(pod, listers)) keys.add(`${ns}/${svc.metadata.name}`);
  // A pod whose labels changed still sits in a slice of the Service it left.
  const uid = pod.metadata.uid ?? '';
  for (const slice of listers.list('EndpointSlice', ns)) {
    if (slice.metadata.labels?.[LABEL_MANAGED_BY] !== MANAGED_BY_CONTROLLER) continue;
    const svcName = slice.metadata.labels?.[LABEL_SERVICE_NAME];
    if (!svcName || keys.has(`${ns}/${svcName}`)) continue;
    if (sliceTargetUids(slice).has(uid)) keys.add(`${ns}/${svcName}`);
  }
  return [...keys];
}

/** Services of the pod's namespace whose selector selects it, in name order (list order). */
export function servicesSelecting(pod: KubeObject, listers: Listers): KubeObject[] {
  const ns = pod.metadata.namespace ?? '';
  const candidates = listers.selectingServices?.(ns) ?? listers.list('Service', ns);
  const out = candidates.filter((svc) => !!svc.spec?.selector && selectedPods(svc, [pod]).length > 0);
  return out.sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
}

// Stored objects are never mutated, so a slice's target uids can be remembered per object;
// a pod event then costs one set lookup per slice instead of a walk over every endpoint.
const targetUidsBySlice = new WeakMap<KubeObject, Set<string>>();

function sliceTargetUids(slice: KubeObject): Set<string> {
  let uids = targetUidsBySlice.get(slice);
  if (!uids) {
    uids = new Set();
    for (const e of (slice.endpoints as SliceEndpoint[] | null) ?? []) if (e.targetRef?.uid) uids.add(e.targetRef.uid);
    targetUidsBySlice.set(slice, uids);
  }
  return uids;
}

function keysFor(event: WatchEvent, listers: Listers): string[] {
  if (event.kind === 'Service') return [`${event.namespace}/${event.name}`];
  if (event.kind === 'Pod') return serviceKeysForPod(event.object, listers);
  if (event.kind === 'EndpointSlice') {
    const svc = event.object.metadata.labels?.[LABEL_SERVICE_NAME];
    return svc && event.object.metadata.labels?.[LABEL_MANAGED_BY] === MANAGED_BY_CONTROLLER ? [`${event.namespace}/${svc}`] : [];
  }
  return [];
}

/** setEndpointSliceLabels: the Service's labels, plus service-name, managed-by and headless. */
export function sliceLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === LABEL_HEADLESS) continue;
    labels[k] = v;
  }
  if (svc.spec?.clusterIP === 'None') labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = MANAGED_BY_CONTROLLER;
  return labels;
}

/** getEndpointSlicePrefix: `<service>-`, shortened so the generated name stays a DNS subdomain. */
export function slicePrefix(serviceName: string): string {
  const prefix = `${serviceName}-`;
  return prefix.length > 253 - 5 ? prefix.slice(0, 253 - 5) : prefix;
}

function newSlice(svc: KubeObject, addressType: string, ports: SlicePort[], endpoints: SliceEndpoint[]): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: slicePrefix(svc.metadata.name ?? ''),
      namespace: svc.metadata.namespace,
      labels: sliceLabels(svc),
      // metav1.NewControllerRef(service, v1 Service)
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name ?? '', uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType,
    endpoints,
    ports,
  };
}

const portsKey = (ports: SlicePort[]) => JSON.stringify([...ports].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const svc = ctx.listers.get('Service', namespace, name);
  if (!svc || svc.metadata.deletionTimestamp) return { writes: [] }; // the garbage collector removes owned slices
  if (!svc.spec?.selector || svc.spec?.type === 'ExternalName') return { writes: [] };
  const maxPerSlice = DEFAULT_MAX_ENDPOINTS_PER_SLICE;
  const owned = ctx.listers
    .list('EndpointSlice', namespace)
    .filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === MANAGED_BY_CONTROLLER && s.metadata.labels?.[LABEL_SERVICE_NAME] === name);
  const ownedBySvc = (s: KubeObject) => controllerRefOf(s)?.uid === svc.metadata.uid;

  const pods = selectedPods(svc, ctx.listers.list('Pod', namespace));
  const toCreate: KubeObject[] = [];
  const toUpdate: KubeObject[] = [];
  const toDelete: KubeObject[] = [];
  const addressTypes = serviceAddressTypes(svc);
  // Slices of an address type the Service no longer has, or of another Service's uid, go.
  for (const s of owned) if (!addressTypes.includes(s.addressType as 'IPv4') || !ownedBySvc(s)) toDelete.push(s);

  for (const addressType of addressTypes) {
    // Desired endpoints grouped by their resolved port list (endpointSliceCacheKey).
    const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const nodeName: string | undefined = pod.spec?.nodeName;
      const node = nodeName ? ctx.listers.get('Node', '', nodeName) : undefined;
      // reconciler.go: a pod on a Node that does not exist is left out until the Node shows up.
      if (nodeName && !node) continue;
      const ep = podToEndpoint(pod, node, svc, addressType);
      if (!ep.addresses.length) continue;
      const ports = endpointPorts(svc, pod);
      const k = portsKey(ports);
      const g = groups.get(k) ?? { ports, endpoints: [] };
      g.endpoints.push(ep);
      groups.set(k, g);
    }
    const existingByPorts = new Map<string, KubeObject[]>();
    for (const s of owned) {
      if (s.addressType !== addressType || !ownedBySvc(s)) continue;
      const k = portsKey((s.ports as SlicePort[] | null) ?? []);
      existingByPorts.set(k, [...(existingByPorts.get(k) ?? []), s]);
    }
    for (const [k, existing] of existingByPorts) if (!groups.has(k)) toDelete.push(...existing);
    for (const [k, group] of groups) {
      const packed = packEndpoints(existingByPorts.get(k) ?? [], group.endpoints, maxPerSlice);
      for (const eps of packed.toCreate) toCreate.push(newSlice(svc, addressType, group.ports, eps));
      for (const u of packed.toUpdate) toUpdate.push({ ...structuredClone(u.slice), endpoints: u.endpoints, metadata: { ...structuredClone(u.slice.metadata), labels: sliceLabels(svc) } });
      toDelete.push(...packed.toDelete);
    }
  }

  // A Service with no endpoints keeps one empty placeholder slice (reconciler.go reconcile).
  const primary = addressTypes[0];
  if (owned.length === toDelete.length && toCreate.length === 0) {
    const placeholder = toDelete.find((s) => s.addressType === primary && ownedBySvc(s) && !((s.endpoints as unknown[] | null) ?? []).length && !((s.ports as unknown[] | null) ?? []).length);
    if (placeholder) toDelete.splice(toDelete.indexOf(placeholder), 1);
    else toCreate.push(newSlice(svc, primary, [], []));
  }

  // finalize(): turn a delete + create pair of the same address type into one update.
  for (let i = 0; i < toDelete.length && toCreate.length; ) {
    const old = toDelete[i];
    const fresh = toCreate[toCreate.length - 1];
    if (old.addressType === fresh.addressType && ownedBySvc(old)) {
      toCreate.pop();
      toUpdate.push({ ...fresh, metadata: { ...structuredClone(old.metadata), labels: fresh.metadata.labels, ownerReferences: fresh.metadata.ownerReferences } });
      toDelete.splice(i, 1);
    } else i++;
  }

  const writes: Write[] = [
    ...toCreate.map((o): Write => ({ op: 'create', object: o, reason: 'EndpointSliceCreated' })),
    ...toUpdate.map((o): Write => ({ op: 'update', object: o, reason: 'EndpointSliceUpdated' })),
    ...toDelete.map((s): Write => ({ op: 'delete', ref: { kind: 'EndpointSlice', namespace, name: s.metadata.name ?? '' }, reason: 'EndpointSliceDeleted', uid: s.metadata.uid })),
  ];
  return { writes };
}

export const endpointSliceController: Controller = {
  name: 'endpointslice-controller',
  watches: ['Service', 'Pod', 'EndpointSlice'],
  keysFor,
  reconcile,
  initialKeys: (listers) => listers.list('Service').map((s) => `${s.metadata.namespace}/${s.metadata.name}`),
};
