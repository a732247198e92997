// `kubectl describe service|endpoints|endpointslice` (describe.go describeService,
// formatEndpointSlices, describeEndpoints, describeEndpointSliceV1).
import type { KubeObject } from '../../engine';
import { listKind, type KubectlContext } from '../context';
import { selectorText } from '../printers';
import { describeEvents } from './events';
import { annotationsMultiline, DescribeWriter, labelsMultiline } from './writer';

const joinHostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** formatEndpointSlices: ready addresses (ip:port) of the slices for the port names given; the first 3, then "+ N more...". */
export function formatEndpointSlices(slices: KubeObject[], portNames: Set<string> | null): string {
  if (!slices.length) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const max = 3;
  for (const s of slices) {
    const endpoints = (s.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[];
    const ports = (s.ports ?? []) as { name?: string; port?: number }[];
    const ready = (e: { conditions?: { ready?: boolean } }) => e.conditions?.ready === undefined || e.conditions.ready === null || e.conditions.ready;
    if (!ports.length) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const p of ports) {
      if (portNames && !portNames.has(p.name ?? '')) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses[0], p.port ?? 0));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeService(ctx: KubectlContext, svc: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  const spec = svc.spec ?? {};
  const slices = listKind(ctx, 'EndpointSlice').filter(
    (s) => (s.metadata.namespace ?? '') === (svc.metadata.namespace ?? '') && s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
  );
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  const sel = selectorText(spec.selector);
  w.write(0, `Selector:\t${sel}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${(spec.ipFamilies ?? []).length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${(spec.clusterIPs ?? []).length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = (svc.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string; ipMode?: string }[];
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname ?? '')).join(', ')}\n`);
  for (const p of (spec.ports ?? []) as any[]) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? '';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.appProtocol) w.write(0, `AppProtocol:\t${p.appProtocol}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, new Set([p.name ?? '']))}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  if (events) describeEvents(w, events, now);
  return w.text();
}

export function describeEndpoints(ep: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', ep.metadata.labels);
  annotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const ss of (ep.subsets ?? []) as any[]) {
    w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a: any) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a: any) => a.ip).join(',') || '<none>'}\n`);
    if (ss.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ss.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(0, '\n');
  }
  if (events) describeEvents(w, events, now);
  return w.text();
}

export function describeEndpointSlice(eps: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', eps.metadata.labels);
  annotationsMultiline(w, 'Annotations', eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType ?? ''}\n`);
  const ports = (eps.ports ?? []) as any[];
  if (!ports.length) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`);
  }
  const endpoints = (eps.endpoints ?? []) as any[];
  if (!endpoints.length) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions?.ready === undefined || e.conditions?.ready === null ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  if (events) describeEvents(w, events, now);
  return w.text();
}
