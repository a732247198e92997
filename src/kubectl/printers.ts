// `kubectl get` columns for the kinds Kubeglass shows, as the server-side table printers define
// them (pkg/printers/internalversion/printers.go: the default columns, and the extra `-o wide`
// ones), plus the client-side additions (NAMESPACE with -A, LABELS with --show-labels, the
// `kind/` prefix when several kinds are printed together).
import type { KubeObject } from '../engine';
import { formatTable } from './table';
import { TabWriter, PRINTER_TABWRITER } from './tabwriter';
import { podStatusColumns } from '../engine/kubelet/podStatusColumns';
import { age, labelsText, none, str } from './format';
import { MORE_PRINTERS } from './printersMore';

export interface PrintOptions {
  /** Virtual time now, ms (for AGE). */
  now: number;
  wide?: boolean;
  /** Prefix NAME with `kind/` as kubectl does when several kinds are printed together. */
  withKind?: boolean;
  allNamespaces?: boolean;
  showLabels?: boolean;
  noHeaders?: boolean;
}

export type Printer = {
  header: string[];
  wideHeader?: string[];
  row: (o: KubeObject, opts: PrintOptions) => string[];
  wideRow?: (o: KubeObject, opts: PrintOptions) => string[];
  /** Kinds whose table has no NAME column (Event): no kind prefix applies. */
  nameless?: boolean;
};

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

/** labels.FormatLabels / metav1.FormatLabelSelector for the SELECTOR columns. */
export function selectorText(sel: Record<string, string> | undefined): string {
  if (!sel || !Object.keys(sel).length) return '<none>';
  return Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',');
}

/** metav1.FormatLabelSelector: matchLabels then matchExpressions (`key in (a,b)`, `!key`). */
export function labelSelectorText(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): string {
  if (!sel) return '<none>';
  const parts = Object.keys(sel.matchLabels ?? {}).sort().map((k) => `${k}=${sel.matchLabels![k]}`);
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator;
    if (op === 'In' || op === 'NotIn') parts.push(`${e.key} ${op.toLowerCase()} (${(e.values ?? []).join(',')})`);
    else if (op === 'Exists') parts.push(e.key);
    else if (op === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  const text = parts.join(',');
  return text === '' ? '<none>' : text;
}

function nodeStatus(node: KubeObject): string {
  const ready = ((node.status?.conditions ?? []) as { type: string; status: string }[]).find((c) => c.type === 'Ready');
  const parts = [ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** describe.go findNodeRoles / printers.go findNodeRoles: node-role.kubernetes.io/<role> and kubernetes.io/role. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** The CONTAINERS / IMAGES wide columns of workload printers (layoutContainerCells). */
function containerCells(spec: any): string[] {
  const cs = (spec?.containers ?? []) as { name: string; image: string }[];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

const workloadWide = (o: KubeObject) => [...containerCells(o.spec?.template?.spec), labelSelectorText(o.spec?.selector)];

export const PRINTERS: Record<string, Printer> = {
  Pod: {
    header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideHeader: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (o, { now }) => {
      const c = podStatusColumns(o, now);
      return [o.metadata.name ?? '', c.ready, c.status, c.restarts, age(o, now)];
    },
    wideRow: (o) => {
      const gates = (o.spec?.readinessGates ?? []) as { conditionType: string }[];
      const conds = (o.status?.conditions ?? []) as { type: string; status: string }[];
      const ready = gates.filter((g) => conds.some((c) => c.type === g.conditionType && c.status === 'True')).length;
      return [none(str(o.status?.podIP)), none(str(o.spec?.nodeName)), none(str(o.status?.nominatedNodeName)), gates.length ? `${ready}/${gates.length}` : '<none>'];
    },
  },
  Deployment: {
    header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, { now }) => [o.metadata.name ?? '', `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, str(o.status?.updatedReplicas ?? 0), str(o.status?.availableReplicas ?? 0), age(o, now)],
    wideRow: workloadWide,
  },
  ReplicaSet: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, { now }) => [o.metadata.name ?? '', str(o.spec?.replicas ?? 0), str(o.status?.replicas ?? 0), str(o.status?.readyReplicas ?? 0), age(o, now)],
    wideRow: workloadWide,
  },
  ReplicationController: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, { now }) => [o.metadata.name ?? '', str(o.spec?.replicas ?? 0), str(o.status?.replicas ?? 0), str(o.status?.readyReplicas ?? 0), age(o, now)],
    wideRow: (o) => [...containerCells(o.spec?.template?.spec), selectorText(o.spec?.selector)],
  },
  DaemonSet: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
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
    wideRow: workloadWide,
  },
  StatefulSet: {
    header: ['NAME', 'READY', 'AGE'],
    wideHeader: ['CONTAINERS', 'IMAGES'],
    row: (o, { now }) => [o.metadata.name ?? '', `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, age(o, now)],
    wideRow: (o) => containerCells(o.spec?.template?.spec),
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
    row: (o, { now }) => [o.metadata.name ?? '', nodeStatus(o), nodeRoles(o).join(',') || '<none>', age(o, now), str(o.status?.nodeInfo?.kubeletVersion)],
    wideRow: (o) => {
      const addr = (t: string) => ((o.status?.addresses ?? []) as { type: string; address: string }[]).find((a) => a.type === t)?.address ?? '<none>';
      const info = o.status?.nodeInfo ?? {};
      return [addr('InternalIP'), addr('ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>'];
    },
  },
  ...MORE_PRINTERS,
};

const DEFAULT_PRINTER: Printer = { header: ['NAME', 'AGE'], row: (o, { now }) => [o.metadata.name ?? '', age(o, now)] };

export function printerFor(kind: string): Printer {
  return PRINTERS[kind] ?? DEFAULT_PRINTER;
}

/** `kind.group/` as kubectl prefixes names (`pod/`, `deployment.apps/`). */
export function kindPrefix(kind: string, apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : `.${apiVersion.slice(0, slash)}`;
  return `${kind.toLowerCase()}${group}/`;
}

/** The header and rows `kubectl get` prints for objects of one kind. */
export function tableRows(kind: string, objects: KubeObject[], opts: PrintOptions): { header: string[]; rows: string[][] } {
  const p = printerFor(kind);
  const wide = opts.wide && p.wideHeader ? p.wideHeader : [];
  const header = [...(opts.allNamespaces ? ['NAMESPACE'] : []), ...p.header, ...wide, ...(opts.showLabels ? ['LABELS'] : [])];
  const rows = objects.map((o) => {
    const r = p.row(o, opts);
    if (opts.withKind && !p.nameless) r[0] = kindPrefix(kind, o.apiVersion) + r[0];
    return [
      ...(opts.allNamespaces ? [o.metadata.namespace ?? ''] : []),
      ...r,
      ...(opts.wide && p.wideRow ? p.wideRow(o, opts) : []),
      ...(opts.showLabels ? [labelsText(o.metadata.labels)] : []),
    ];
  });
  return { header, rows };
}

/** Prints objects of one kind as `kubectl get` does (no trailing newline; '' for none). */
export function printTable(kind: string, objects: KubeObject[], opts: PrintOptions, writer = new TabWriter(PRINTER_TABWRITER)): string {
  if (!objects.length) return '';
  const { header, rows } = tableRows(kind, objects, opts);
  if (opts.noHeaders) return writer.write(rows.map((r) => r.join('\t')).join('\n') + '\n').flush().replace(/\n$/, '');
  return formatTable(header, rows, writer);
}
