// The legacy Endpoints controller (pkg/controller/endpoint/endpoints_controller.go): one
// Endpoints object per selector Service, same name, with ready pods in `addresses` and the
// rest in `notReadyAddresses`, repacked into subsets of identical port lists.
//
// The core/v1 Endpoints API is deprecated since v1.33 (the API server warns on use and points
// to discovery.k8s.io/v1 EndpointSlice); kube-controller-manager still runs this controller in
// v1.34, so clusters still have these objects, and so do we.
import type { KubeObject, WatchEvent } from '../../api/types';
import type { Controller, Listers, Plan, ReconcileContext } from '../types';
import { splitKey } from '../gc/ownerRefs';
import { byName } from '../podutil/ownership';
import { findPort, selectedPods, shouldPodBeInEndpoints } from './podEndpoint';
import { isPodReady } from './podState';
import { LABEL_HEADLESS } from './endpointSliceController';

export const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
export const ANNOTATION_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
/** maxCapacity in endpoints_controller.go. */
export const MAX_ENDPOINTS_CAPACITY = 1000;

export const ENDPOINTS_NOTES = [
  'The endpoints.kubernetes.io/last-change-trigger-time annotation is not written.',
  'Subsets and ports are ordered by IP and by port name/number; upstream orders them by an object hash (RepackSubsets), which is stable but not readable.',
];

interface Address {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}
interface Port {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}
interface Subset {
  addresses?: Address[];
  notReadyAddresses?: Address[];
  ports?: Port[];
}

function keysFor(event: WatchEvent, listers: Listers): string[] {
  if (event.kind === 'Service') return [`${event.namespace}/${event.name}`];
  // endpoints_controller.go registers only a DeleteFunc on the Endpoints informer (to recreate
  // what it manages); a user's Endpoints without a Service is left alone until a restart.
  if (event.kind === 'Endpoints') return event.type === 'DELETED' ? [`${event.namespace}/${event.name}`] : [];
  if (event.kind !== 'Pod') return [];
  const ns = event.namespace;
  const keys: string[] = [];
  // The Services with a selector, in name order as a list gives them (the index is unordered).
  const services = listers.selectingServices ? listers.selectingServices(ns).sort(byName) : listers.list('Service', ns);
  for (const svc of services) {
    if (!svc.spec?.selector) continue;
    const selects = selectedPods(svc, [event.object]).length > 0;
    const listed = () => {
      const ep = listers.get('Endpoints', ns, svc.metadata.name ?? '');
      return ((ep?.subsets as Subset[] | undefined) ?? []).some((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].some((a) => a.targetRef?.uid === event.object.metadata.uid));
    };
    if (selects || listed()) keys.push(`${ns}/${svc.metadata.name}`);
  }
  return keys;
}

const portKey = (ports: Port[]) => JSON.stringify(ports);

/** endpoints.RepackSubsets: one subset per distinct port list, addresses sorted by IP then uid. */
export function repackSubsets(entries: { address: Address; ready: boolean; ports: Port[] }[]): Subset[] {
  const groups = new Map<string, { ports: Port[]; ready: Map<string, Address>; notReady: Map<string, Address> }>();
  for (const e of entries) {
    const ports = [...e.ports].sort((a, b) => ((a.name ?? '') + a.port < (b.name ?? '') + b.port ? -1 : 1));
    const k = portKey(ports);
    const g = groups.get(k) ?? { ports, ready: new Map(), notReady: new Map() };
    const id = `${e.address.ip}/${e.address.targetRef.uid}`;
    (e.ready ? g.ready : g.notReady).set(id, e.address);
    groups.set(k, g);
  }
  const byIp = (a: Address, b: Address) => (a.ip === b.ip ? (a.targetRef.uid < b.targetRef.uid ? -1 : 1) : compareIp(a.ip, b.ip));
  const subsets: Subset[] = [];
  for (const g of groups.values()) {
    const s: Subset = {};
    const ready = [...g.ready.values()].sort(byIp);
    // A pod both ready and not ready under one port list (two IPs) keeps only its ready entry.
    const notReady = [...g.notReady.values()].filter((a) => !g.ready.has(`${a.ip}/${a.targetRef.uid}`)).sort(byIp);
    if (ready.length) s.addresses = ready;
    if (notReady.length) s.notReadyAddresses = notReady;
    if (g.ports.length) s.ports = g.ports;
    subsets.push(s);
  }
  const first = (s: Subset) => (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '';
  return subsets.sort((a, b) => compareIp(first(a), first(b)));
}

function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
  if (pa.length === 4 && pb.length === 4 && pa.every(Number.isFinite) && pb.every(Number.isFinite)) {
    for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
    return 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const svc = ctx.listers.get('Service', namespace, name);
  const current = ctx.listers.get('Endpoints', namespace, name);
  if (!svc) {
    // Endpoints carry no ownerReference: the controller deletes them with their Service.
    return current ? { writes: [{ op: 'delete', ref: { kind: 'Endpoints', namespace, name }, reason: 'ServiceDeleted', uid: current.metadata.uid }] } : { writes: [] };
  }
  if (!svc.spec?.selector) return { writes: [] }; // user-managed Endpoints
  const tolerateUnready = svc.spec?.publishNotReadyAddresses === true;
  const entries: { address: Address; ready: boolean; ports: Port[] }[] = [];
  for (const pod of selectedPods(svc, ctx.listers.list('Pod', namespace))) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const ip: string | undefined = pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip;
    if (!ip) continue;
    const address: Address = { ip, targetRef: { kind: 'Pod', namespace, name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' } };
    if (pod.spec?.hostname && pod.spec?.subdomain === name) address.hostname = pod.spec.hostname;
    if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
    const ready = tolerateUnready || (isPodReady(pod) && !pod.metadata.deletionTimestamp);
    const svcPorts = svc.spec?.ports ?? [];
    if (svcPorts.length === 0 && svc.spec?.clusterIP === 'None') {
      entries.push({ address, ready, ports: [] });
      continue;
    }
    for (const sp of svcPorts) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const p: Port = { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) p.name = sp.name;
      if (sp.appProtocol) p.appProtocol = sp.appProtocol;
      entries.push({ address, ready, ports: [p] });
    }
  }
  let subsets = repackSubsets(entries);
  const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
  delete annotations[ANNOTATION_OVER_CAPACITY];
  const total = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
  if (total > MAX_ENDPOINTS_CAPACITY) {
    annotations[ANNOTATION_OVER_CAPACITY] = 'truncated';
    subsets = truncate(subsets, MAX_ENDPOINTS_CAPACITY);
  }
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [LABEL_SKIP_MIRROR]: 'true' };
  if (svc.spec?.clusterIP === 'None') labels[LABEL_HEADLESS] = '';
  const desired: KubeObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      ...(current ? structuredClone(current.metadata) : {}),
      name,
      namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    ...(subsets.length ? { subsets } : {}),
  };
  if (!Object.keys(annotations).length) delete desired.metadata.annotations;
  if (current) {
    const same = JSON.stringify(current.subsets ?? []) === JSON.stringify(desired.subsets ?? []) && JSON.stringify(current.metadata.labels ?? {}) === JSON.stringify(labels) && JSON.stringify(current.metadata.annotations ?? {}) === JSON.stringify(desired.metadata.annotations ?? {});
    return same ? { writes: [] } : { writes: [{ op: 'update', object: desired, reason: 'EndpointsUpdated' }] };
  }
  return { writes: [{ op: 'create', object: desired, reason: 'EndpointsCreated' }] };
}

/** truncateEndpoints: keeps the ready addresses first, spread over subsets proportionally. */
function truncate(subsets: Subset[], max: number): Subset[] {
  let budget = max;
  return subsets.map((s) => {
    const addresses = (s.addresses ?? []).slice(0, Math.max(0, budget));
    budget -= addresses.length;
    const notReady = (s.notReadyAddresses ?? []).slice(0, Math.max(0, budget));
    budget -= notReady.length;
    const out: Subset = {};
    if (addresses.length) out.addresses = addresses;
    if (notReady.length) out.notReadyAddresses = notReady;
    if (s.ports) out.ports = s.ports;
    return out;
  });
}

export const endpointsController: Controller = {
  name: 'endpoint-controller',
  watches: ['Service', 'Pod', 'Endpoints'],
  keysFor,
  reconcile,
  initialKeys: (listers) => listers.list('Service').map((s) => `${s.metadata.namespace}/${s.metadata.name}`),
};
