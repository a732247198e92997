// Object builders for controller tests: small, explicit defaults, everything overridable.
// Extend with care: both controller helpers use this file.
import type { KubeObject, OwnerReference } from '../../api/types';
import { isoAt } from '../../core/time';

let uidCounter = 0;
/** Deterministic uids for tests (`uid-1`, `uid-2`, ...). */
export function nextUid(prefix = 'uid'): string {
  uidCounter += 1;
  return `${prefix}-${uidCounter}`;
}

export interface MetaOpts {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  /** Virtual ms; rendered as an RFC 3339 timestamp. */
  created?: number;
  deleted?: number;
}

export function meta(o: MetaOpts, defaultName: string, namespaced = true): KubeObject['metadata'] {
  const m: KubeObject['metadata'] = {
    name: o.name ?? defaultName,
    uid: o.uid ?? nextUid(),
    creationTimestamp: isoAt(o.created ?? 0),
  };
  if (namespaced) m.namespace = o.namespace ?? 'default';
  if (o.labels) m.labels = o.labels;
  if (o.annotations) m.annotations = o.annotations;
  if (o.ownerReferences) m.ownerReferences = o.ownerReferences;
  if (o.finalizers) m.finalizers = o.finalizers;
  if (o.deleted !== undefined) m.deletionTimestamp = isoAt(o.deleted);
  return m;
}

export function ownerRef(owner: KubeObject, controller = true, blockOwnerDeletion = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller,
    blockOwnerDeletion,
  };
}

export interface PodOpts extends MetaOpts {
  nodeName?: string;
  phase?: string;
  ready?: boolean;
  podIP?: string;
  podIPs?: string[];
  containers?: any[];
  cpu?: string;
  memory?: string;
  limitsCpu?: string;
  limitsMemory?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  tolerations?: any[];
  restartPolicy?: string;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

export function makePod(o: PodOpts = {}): KubeObject {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  if (o.limitsCpu) limits.cpu = o.limitsCpu;
  if (o.limitsMemory) limits.memory = o.limitsMemory;
  const resources: Record<string, unknown> = {};
  if (Object.keys(requests).length) resources.requests = requests;
  if (Object.keys(limits).length) resources.limits = limits;
  const container: Record<string, unknown> = { name: 'app', image: 'nginx' };
  if (Object.keys(resources).length) container.resources = resources;
  if (o.ports) container.ports = o.ports;
  const status: Record<string, unknown> = { phase: o.phase ?? 'Running' };
  if (o.ready !== undefined) {
    status.conditions = [{ type: 'Ready', status: o.ready ? 'True' : 'False' }];
  }
  if (o.podIP) {
    status.podIP = o.podIP;
    status.podIPs = (o.podIPs ?? [o.podIP]).map((ip) => ({ ip }));
  }
  const spec: Record<string, unknown> = { containers: o.containers ?? [container], ...(o.spec ?? {}) };
  if (o.nodeName) spec.nodeName = o.nodeName;
  if (o.tolerations) spec.tolerations = o.tolerations;
  if (o.restartPolicy) spec.restartPolicy = o.restartPolicy;
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta(o, 'pod'), spec, status: { ...status, ...(o.status ?? {}) } };
}

export interface NodeOpts extends MetaOpts {
  ready?: 'True' | 'False' | 'Unknown';
  zone?: string;
  unschedulable?: boolean;
  taints?: { key: string; value?: string; effect: string; timeAdded?: string }[];
}

export function makeNode(o: NodeOpts = {}): KubeObject {
  const m = meta(o, 'node-1', false);
  if (o.zone) m.labels = { ...(m.labels ?? {}), 'topology.kubernetes.io/zone': o.zone };
  const spec: Record<string, unknown> = {};
  if (o.unschedulable) spec.unschedulable = true;
  if (o.taints) spec.taints = o.taints;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: m,
    spec,
    status: { conditions: [{ type: 'Ready', status: o.ready ?? 'True', reason: 'KubeletReady' }] },
  };
}

/** A generic object of any kind, for kinds without a dedicated builder. */
export function makeObject(apiVersion: string, kind: string, o: MetaOpts & { spec?: any; status?: any; namespaced?: boolean } = {}): KubeObject {
  const obj: KubeObject = { apiVersion, kind, metadata: meta(o, kind.toLowerCase(), o.namespaced ?? true) };
  if (o.spec !== undefined) obj.spec = o.spec;
  if (o.status !== undefined) obj.status = o.status;
  return obj;
}
