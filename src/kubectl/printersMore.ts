// More `kubectl get` printers (pkg/printers/internalversion/printers.go): the kinds a scene may
// hold besides workloads, services and nodes.
import type { KubeObject } from '../engine';
import { humanDuration } from '../engine';
import { virtualMsOf } from '../engine/core/time';
import { age, none, since, str } from './format';
import type { Printer } from './printers';

const name = (o: KubeObject) => o.metadata.name ?? '';

/** formatEndpoints for the ENDPOINTS column: ip:port pairs, the first 3 then "+ N more...". */
function endpointsColumn(o: KubeObject): string {
  const list: string[] = [];
  let count = 0;
  for (const ss of (o.subsets ?? []) as { addresses?: { ip: string }[]; ports?: { port: number }[] }[]) {
    const ports = ss.ports?.length ? ss.ports : [undefined];
    for (const p of ports) {
      for (const a of ss.addresses ?? []) {
        count++;
        if (list.length < 3) list.push(p ? `${a.ip}:${p.port}` : a.ip);
      }
    }
  }
  if (!list.length) return '<none>';
  return list.join(',') + (count > 3 ? ` + ${count - 3} more...` : '');
}

function jobStatus(o: KubeObject): string {
  const conds = (o.status?.conditions ?? []) as { type: string; status: string }[];
  const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('Suspended')) return 'Suspended';
  return 'Running';
}

export const MORE_PRINTERS: Record<string, Printer> = {
  Namespace: {
    header: ['NAME', 'STATUS', 'AGE'],
    row: (o, { now }) => [name(o), o.status?.phase ?? 'Active', age(o, now)],
  },
  ConfigMap: {
    header: ['NAME', 'DATA', 'AGE'],
    row: (o, { now }) => [name(o), String(Object.keys((o.data as object) ?? {}).length + Object.keys((o.binaryData as object) ?? {}).length), age(o, now)],
  },
  Secret: {
    header: ['NAME', 'TYPE', 'DATA', 'AGE'],
    row: (o, { now }) => [name(o), str(o.type) || 'Opaque', String(Object.keys((o.data as object) ?? {}).length), age(o, now)],
  },
  ServiceAccount: {
    header: ['NAME', 'SECRETS', 'AGE'],
    row: (o, { now }) => [name(o), String(((o.secrets as unknown[]) ?? []).length), age(o, now)],
  },
  Job: {
    header: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, { now }) => {
      const start = o.status?.startTime ? virtualMsOf(o.status.startTime) : undefined;
      const end = o.status?.completionTime ? virtualMsOf(o.status.completionTime) : now;
      const completions = o.spec?.completions;
      const parallelism = o.spec?.parallelism ?? 1;
      const comp = completions !== undefined && completions !== null ? `${o.status?.succeeded ?? 0}/${completions}` : parallelism > 1 ? `${o.status?.succeeded ?? 0}/1 of ${parallelism}` : `${o.status?.succeeded ?? 0}/1`;
      return [name(o), jobStatus(o), comp, start === undefined ? '' : humanDuration((end ?? now) - start), age(o, now)];
    },
    wideRow: (o) => {
      const cs = (o.spec?.template?.spec?.containers ?? []) as { name: string; image: string }[];
      const sel = o.spec?.selector?.matchLabels ?? {};
      return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',') || '<none>'];
    },
  },
  CronJob: {
    header: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    row: (o, { now }) => [
      name(o),
      str(o.spec?.schedule),
      o.spec?.timeZone ?? '<none>',
      String(Boolean(o.spec?.suspend)),
      String((o.status?.active ?? []).length),
      o.status?.lastScheduleTime ? since(o.status.lastScheduleTime, now) : '<none>',
      age(o, now),
    ],
  },
  Endpoints: {
    header: ['NAME', 'ENDPOINTS', 'AGE'],
    row: (o, { now }) => [name(o), endpointsColumn(o), age(o, now)],
  },
  EndpointSlice: {
    header: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    row: (o, { now }) => {
      const ports = ((o.ports ?? []) as { port?: number }[]).map((p) => str(p.port)).join(',') || '<unset>';
      const addrs = ((o.endpoints ?? []) as { addresses: string[] }[]).flatMap((e) => e.addresses);
      const shown = addrs.slice(0, 3).join(',') + (addrs.length > 3 ? ` + ${addrs.length - 3} more...` : '');
      return [name(o), str(o.addressType), ports, shown || '<unset>', age(o, now)];
    },
  },
  Event: {
    // printEvent: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (no NAME column).
    header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    nameless: true,
    row: (o, { now }) => {
      const inv = (o.involvedObject ?? {}) as { kind?: string; name?: string };
      const last = (o.lastTimestamp as string | undefined) ?? (o.eventTime as string | undefined) ?? o.metadata.creationTimestamp;
      const count = Number(o.count ?? 1);
      const first = (o.firstTimestamp as string | undefined) ?? last;
      const lastSeen = count > 1 ? `${since(last, now)} (x${count} over ${since(first, now)})` : since(last, now);
      return [lastSeen, str(o.type), str(o.reason), `${str(inv.kind).toLowerCase()}/${str(inv.name)}`, str(o.message).trim()];
    },
  },
  Ingress: {
    header: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    row: (o, { now }) => {
      const hosts = ((o.spec?.rules ?? []) as { host?: string }[]).map((r) => r.host).filter(Boolean);
      const addr = ((o.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((i) => i.ip ?? i.hostname).join(',');
      return [name(o), o.spec?.ingressClassName ?? '<none>', hosts.join(',') || '*', addr, o.spec?.tls?.length ? '80, 443' : '80', age(o, now)];
    },
  },
  NetworkPolicy: {
    header: ['NAME', 'POD-SELECTOR', 'AGE'],
    row: (o, { now }) => {
      const ml = o.spec?.podSelector?.matchLabels ?? {};
      return [name(o), none(Object.keys(ml).sort().map((k) => `${k}=${ml[k]}`).join(',')), age(o, now)];
    },
  },
  PriorityClass: {
    header: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
    row: (o, { now }) => [name(o), str(o.value), String(Boolean(o.globalDefault)), age(o, now), str(o.preemptionPolicy) || 'PreemptLowerPriority'],
  },
  Lease: {
    header: ['NAME', 'HOLDER', 'AGE'],
    row: (o, { now }) => [name(o), str(o.spec?.holderIdentity), age(o, now)],
  },
  ControllerRevision: {
    header: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
    row: (o, { now }) => {
      const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
      const ctrl = owner ? `${owner.kind.toLowerCase()}.${owner.apiVersion.split('/')[0]}/${owner.name}` : '<none>';
      return [name(o), ctrl, str(o.revision), age(o, now)];
    },
  },
  PodDisruptionBudget: {
    header: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
    row: (o, { now }) => [name(o), str(o.spec?.minAvailable) || 'N/A', str(o.spec?.maxUnavailable) || 'N/A', str(o.status?.disruptionsAllowed ?? 0), age(o, now)],
  },
  PersistentVolumeClaim: {
    header: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    row: (o, { now }) => {
      const modes = ((o.status?.accessModes ?? []) as string[]).map((m) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[m] ?? m).join(',');
      return [name(o), str(o.status?.phase), str(o.spec?.volumeName), str(o.status?.capacity?.storage), modes, str(o.spec?.storageClassName), o.spec?.volumeAttributesClassName ?? '<unset>', age(o, now)];
    },
  },
  StorageClass: {
    header: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
    row: (o, { now }) => {
      const dflt = o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
      return [name(o) + (dflt ? ' (default)' : ''), str(o.provisioner), str(o.reclaimPolicy) || 'Delete', str(o.volumeBindingMode) || 'Immediate', String(Boolean(o.allowVolumeExpansion)), age(o, now)];
    },
  },
};
