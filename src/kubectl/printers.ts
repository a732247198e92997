// `kubectl get` columns for the kinds Kubeglass shows, as pkg/printers/internalversion/printers.go
// defines them (the default, non-wide columns unless `wide` is asked for).
import type { KubeObject } from '../engine';
import { humanDuration, virtualMsOf } from '../engine/core/time';
import { formatTable } from './table';
import { podStatusColumns } from '../engine/kubelet/podStatusColumns';

export interface PrintOptions {
  /** Virtual time now, ms (for AGE). */
  now: number;
  wide?: boolean;
  /** Prefix NAME with `kind/` as kubectl does when several kinds are printed together. */
  withKind?: boolean;
  allNamespaces?: boolean;
}

type Printer = { header: string[]; wideHeader?: string[]; row: (o: KubeObject, opts: PrintOptions) => string[]; wideRow?: (o: KubeObject) => string[] };

const age = (o: KubeObject, now: number) => {
  const created = o.metadata.creationTimestamp ? virtualMsOf(o.metadata.creationTimestamp) : undefined;
  return created === undefined ? '<unknown>' : humanDuration(now - created);
};
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const none = (v: string) => (v === '' ? '<none>' : v);

function servicePorts(svc: KubeObject): string {
  const ports = (svc.spec?.ports ?? []) as { port: number; nodePort?: number; protocol?: string }[];
  if (!ports.length) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function externalIP(svc: KubeObject): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  const external = (svc.spec?.externalIPs ?? []) as string[];
  const lb = ((svc.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((i) => i.ip ?? i.hostname ?? '');
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer':
      return [...lb, ...external].join(',') || '<pending>';
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

function selectorText(sel: Record<string, string> | undefined): string {
  if (!sel || !Object.keys(sel).length) return '<none>';
  return Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',');
}

function nodeStatus(node: KubeObject): string {
  const ready = ((node.status?.conditions ?? []) as { type: string; status: string }[]).find((c) => c.type === 'Ready');
  const parts = [ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeRoles(node: KubeObject): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean);
  const legacy = node.metadata.labels?.['kubernetes.io/role'];
  if (legacy) roles.push(legacy);
  return roles.length ? roles.sort().join(',') : '<none>';
}

export const PRINTERS: Record<string, Printer> = {
  Pod: {
    header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideHeader: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (o, { now }) => {
      const c = podStatusColumns(o, now);
      return [o.metadata.name ?? '', c.ready, c.status, c.restarts, age(o, now)];
    },
    wideRow: (o) => [none(str(o.status?.podIP)), none(str(o.spec?.nodeName)), none(str(o.status?.nominatedNodeName)), '<none>'],
  },
  Deployment: {
    header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    row: (o, { now }) => [o.metadata.name ?? '', `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, str(o.status?.updatedReplicas ?? 0), str(o.status?.availableReplicas ?? 0), age(o, now)],
  },
  ReplicaSet: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    row: (o, { now }) => [o.metadata.name ?? '', str(o.spec?.replicas ?? 0), str(o.status?.replicas ?? 0), str(o.status?.readyReplicas ?? 0), age(o, now)],
  },
  ReplicationController: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    row: (o, { now }) => [o.metadata.name ?? '', str(o.spec?.replicas ?? 0), str(o.status?.replicas ?? 0), str(o.status?.readyReplicas ?? 0), age(o, now)],
  },
  DaemonSet: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    row: (o, { now }) => [
      o.metadata.name ?? '',
      str(o.status?.desiredNumberScheduled ?? 0),
      str(o.status?.currentNumberScheduled ?? 0),
      str(o.status?.numberReady ?? 0),
      str(o.status?.updatedNumberScheduled ?? 0),
      str(o.status?.numberAvailable ?? 0),
      selectorText(o.spec?.template?.spec?.nodeSelector),
      age(o, now),
    ],
  },
  StatefulSet: {
    header: ['NAME', 'READY', 'AGE'],
    row: (o, { now }) => [o.metadata.name ?? '', `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, age(o, now)],
  },
  Service: {
    header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wideHeader: ['SELECTOR'],
    row: (o, { now }) => [o.metadata.name ?? '', o.spec?.type ?? 'ClusterIP', none(str(o.spec?.clusterIP)), externalIP(o), servicePorts(o), age(o, now)],
    wideRow: (o) => [selectorText(o.spec?.selector)],
  },
  Node: {
    header: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wideHeader: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, { now }) => [o.metadata.name ?? '', nodeStatus(o), nodeRoles(o), age(o, now), str(o.status?.nodeInfo?.kubeletVersion) || '<none>'],
    wideRow: (o) => {
      const addr = (t: string) => ((o.status?.addresses ?? []) as { type: string; address: string }[]).find((a) => a.type === t)?.address ?? '<none>';
      const info = o.status?.nodeInfo ?? {};
      return [addr('InternalIP'), addr('ExternalIP'), info.osImage ?? '<unknown>', info.kernelVersion ?? '<unknown>', info.containerRuntimeVersion ?? '<unknown>'];
    },
  },
  Namespace: {
    header: ['NAME', 'STATUS', 'AGE'],
    row: (o, { now }) => [o.metadata.name ?? '', o.status?.phase ?? 'Active', age(o, now)],
  },
  ConfigMap: {
    header: ['NAME', 'DATA', 'AGE'],
    row: (o, { now }) => [o.metadata.name ?? '', String(Object.keys((o.data as object) ?? {}).length + Object.keys((o.binaryData as object) ?? {}).length), age(o, now)],
  },
  Job: {
    header: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    row: (o, { now }) => {
      const conds = (o.status?.conditions ?? []) as { type: string; status: string }[];
      const status = conds.find((c) => c.type === 'Complete' && c.status === 'True') ? 'Complete' : conds.find((c) => c.type === 'Failed' && c.status === 'True') ? 'Failed' : o.spec?.suspend ? 'Suspended' : 'Running';
      const start = o.status?.startTime ? virtualMsOf(o.status.startTime) : undefined;
      const end = o.status?.completionTime ? virtualMsOf(o.status.completionTime) : now;
      return [o.metadata.name ?? '', status, `${o.status?.succeeded ?? 0}/${o.spec?.completions ?? 1}`, start === undefined ? '' : humanDuration((end ?? now) - start), age(o, now)];
    },
  },
  EndpointSlice: {
    header: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    row: (o, { now }) => {
      const ports = ((o.ports ?? []) as { port?: number }[]).map((p) => str(p.port)).join(',') || '<unset>';
      const addrs = ((o.endpoints ?? []) as { addresses: string[] }[]).flatMap((e) => e.addresses);
      const shown = addrs.slice(0, 3).join(',') + (addrs.length > 3 ? ` + ${addrs.length - 3} more...` : '');
      return [o.metadata.name ?? '', str(o.addressType), ports, shown || '<unset>', age(o, now)];
    },
  },
};

const DEFAULT_PRINTER: Printer = { header: ['NAME', 'AGE'], row: (o, { now }) => [o.metadata.name ?? '', age(o, now)] };

/** Prints objects of one kind as `kubectl get` does. */
export function printTable(kind: string, objects: KubeObject[], opts: PrintOptions): string {
  if (!objects.length) return '';
  const p = PRINTERS[kind] ?? DEFAULT_PRINTER;
  const header = [...(opts.allNamespaces ? ['NAMESPACE'] : []), ...p.header, ...(opts.wide ? p.wideHeader ?? [] : [])];
  const prefix = opts.withKind ? `${kind.toLowerCase()}${groupSuffix(objects[0].apiVersion)}/` : '';
  const rows = objects.map((o) => {
    const r = p.row(o, opts);
    r[0] = prefix + r[0];
    return [...(opts.allNamespaces ? [o.metadata.namespace ?? ''] : []), ...r, ...(opts.wide && p.wideRow ? p.wideRow(o) : [])];
  });
  return formatTable(header, rows);
}

function groupSuffix(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : `.${apiVersion.slice(0, slash)}`;
}
