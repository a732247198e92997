// Services view: Ingress -> Service -> EndpointSlice -> Pod. Each Service shows its DNS name
// (<svc>.<ns>.svc.<cluster domain>, the record CoreDNS's kubernetes plugin serves), type, IP and
// ports; the Service -> slice edge shows port -> targetPort (named targetPorts by name, as written),
// the slice -> pod edge the endpoint's address and its conditions (ready/serving/terminating,
// discovery.k8s.io/v1 EndpointConditions).
import type { KubeObject, Snapshot } from '../engine';
import { byNamespaceName, keepConnected, nameOf, nsOf, objectNode, objectRef, type Graph, type GraphEdge, type GraphNode, type GraphStatus } from './graph';
import { podNode } from './podNode';
import { isSystemNamespace } from './workloadsGraph';

export interface ServicesOptions {
  namespace?: string;
  /** Include kube-* namespaces (kube-dns). Default false. */
  includeSystem?: boolean;
  /** kubelet --cluster-domain / ClusterConfig.clusterDomain. Default cluster.local. */
  clusterDomain?: string;
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export function serviceDnsName(svc: KubeObject, clusterDomain = 'cluster.local'): string {
  return `${nameOf(svc)}.${nsOf(svc)}.svc.${clusterDomain}`;
}

/** `80/TCP -> http` (kubectl describe svc prints Port and TargetPort); targetPort defaults to port. */
export function servicePortText(p: ServicePort): string {
  const target = p.targetPort ?? p.port;
  return `${p.name ? `${p.name}: ` : ''}${p.port}/${p.protocol ?? 'TCP'} → ${target}`;
}

/**
 * An endpoint's conditions in the API's words. A nil `ready` means ready, and nil `serving`
 * means the same as ready (discovery/v1 types.go EndpointConditions comments).
 */
export function endpointCondition(c: EndpointConditions | undefined): { status: GraphStatus; text: string } {
  const ready = c?.ready ?? true;
  const terminating = c?.terminating ?? false;
  const serving = c?.serving ?? ready;
  if (ready) return { status: 'ok', text: 'ready' };
  if (terminating) return serving ? { status: 'progress', text: 'terminating, serving=true' } : { status: 'inactive', text: 'terminating, serving=false' };
  return { status: 'warning', text: 'ready=false' };
}

function serviceLines(svc: KubeObject, clusterDomain: string): string[] {
  const type: string = svc.spec?.type ?? 'ClusterIP';
  const lines = [serviceDnsName(svc, clusterDomain)];
  if (type === 'ExternalName') {
    lines.push(`ExternalName ${svc.spec?.externalName ?? ''}`);
    return lines;
  }
  const ip: string | undefined = svc.spec?.clusterIP;
  lines.push(ip === 'None' ? 'ClusterIP None (headless)' : `${type} ${ip ?? '<pending>'}`);
  for (const p of (svc.spec?.ports ?? []) as ServicePort[]) {
    lines.push(`${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`);
  }
  return lines;
}

export function buildServicesGraph(snapshot: Snapshot, opts: ServicesOptions = {}): Graph {
  const domain = opts.clusterDomain ?? 'cluster.local';
  const visible = (o: KubeObject) => (opts.namespace !== undefined ? nsOf(o) === opts.namespace : opts.includeSystem || !isSystemNamespace(nsOf(o)));
  const services = (snapshot.objects.Service ?? []).filter(visible).sort(byNamespaceName);
  const slices = (snapshot.objects.EndpointSlice ?? []).filter(visible).sort(byNamespaceName);
  const ingresses = (snapshot.objects.Ingress ?? []).filter(visible).sort(byNamespaceName);
  const pods = new Map((snapshot.objects.Pod ?? []).map((p) => [objectRef(p), p]));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const added = new Set<string>();
  const add = (n: GraphNode) => {
    if (!added.has(n.id)) nodes.push(n);
    added.add(n.id);
  };

  for (const ing of ingresses) addIngress(ing, edges, add);
  for (const svc of services) {
    const mine = slices.filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === nameOf(svc) && nsOf(s) === nsOf(svc));
    const endpoints = mine.flatMap((s) => (s.endpoints ?? []) as { conditions?: EndpointConditions }[]);
    const ready = endpoints.filter((e) => endpointCondition(e.conditions).status === 'ok').length;
    const selector = svc.spec?.selector && Object.keys(svc.spec.selector).length > 0;
    const status: GraphStatus = svc.spec?.type === 'ExternalName' ? 'neutral' : ready > 0 ? 'ok' : 'warning';
    const statusText = svc.spec?.type === 'ExternalName' ? 'DNS CNAME only' : mine.length === 0 ? (selector ? 'no EndpointSlice yet' : 'no selector: endpoints managed by hand') : `${ready}/${endpoints.length} endpoints ready`;
    add(objectNode(svc, { status, statusText, lines: serviceLines(svc, domain) }));
    for (const slice of mine) {
      addSlice(slice, svc, pods, add, edges);
    }
  }
  return { nodes, edges: keepConnected(nodes, edges), direction: 'RIGHT', notes: [] };
}

function addIngress(ing: KubeObject, edges: GraphEdge[], add: (n: GraphNode) => void) {
  const address = (ing.status?.loadBalancer?.ingress ?? []).map((a: { ip?: string; hostname?: string }) => a.ip ?? a.hostname).filter(Boolean).join(',');
  const lines = [`class ${ing.spec?.ingressClassName ?? '<none>'}`];
  add(objectNode(ing, { status: address ? 'ok' : 'neutral', statusText: address ? `address ${address}` : 'address <none>', lines }));
  const backends: { service: string; port: string; via: string }[] = [];
  const portText = (p?: { number?: number; name?: string }) => String(p?.number ?? p?.name ?? '');
  const def = ing.spec?.defaultBackend?.service;
  if (def) backends.push({ service: def.name, port: portText(def.port), via: 'default backend' });
  for (const rule of ing.spec?.rules ?? []) {
    for (const path of rule.http?.paths ?? []) {
      const svc = path.backend?.service;
      if (svc) backends.push({ service: svc.name, port: portText(svc.port), via: `${rule.host ?? '*'}${path.path ?? '/'}` });
    }
  }
  for (const b of backends) {
    const target = `Service/${nsOf(ing)}/${b.service}`;
    const id = `ingress:${objectRef(ing)}->${target}:${b.via}`;
    edges.push({ id, source: objectRef(ing), target, kind: 'routes', status: 'neutral', label: `${b.via} → :${b.port}` });
  }
}

function addSlice(slice: KubeObject, svc: KubeObject, pods: Map<string, KubeObject>, add: (n: GraphNode) => void, edges: GraphEdge[]) {
  const endpoints = (slice.endpoints ?? []) as { addresses: string[]; conditions?: EndpointConditions; targetRef?: { kind: string; namespace?: string; name: string }; nodeName?: string }[];
  const slicePorts = (slice.ports ?? []) as { name?: string; port?: number; protocol?: string }[];
  const ready = endpoints.filter((e) => endpointCondition(e.conditions).status === 'ok').length;
  add(objectNode(slice, {
    status: endpoints.length === 0 ? 'warning' : ready > 0 ? 'ok' : 'warning',
    statusText: `${ready}/${endpoints.length} endpoints ready`,
    lines: [`addressType ${slice.addressType ?? 'IPv4'}`, `ports ${slicePorts.map((p) => `${p.name ? `${p.name} ` : ''}${p.port ?? '<unset>'}/${p.protocol ?? 'TCP'}`).join(', ') || '<unset>'}`],
  }));
  const svcPorts = (svc.spec?.ports ?? []) as ServicePort[];
  edges.push({
    id: `slice:${objectRef(svc)}->${objectRef(slice)}`,
    source: objectRef(svc),
    target: objectRef(slice),
    kind: 'endpointslice',
    status: 'neutral',
    label: svcPorts.map(servicePortText).join(', '),
  });
  const portSuffix = slicePorts.map((p) => p.port).filter((p) => p !== undefined).join(',');
  for (const ep of endpoints) {
    const addr = ep.addresses?.[0] ?? '';
    const cond = endpointCondition(ep.conditions);
    let target: string;
    if (ep.targetRef?.kind === 'Pod') {
      target = `Pod/${ep.targetRef.namespace ?? nsOf(slice)}/${ep.targetRef.name}`;
      const pod = pods.get(target);
      add(pod ? podNode(pod) : { id: target, kind: 'Pod', label: ep.targetRef.name, ref: target, status: 'neutral', statusText: 'not in this snapshot' });
    } else {
      // Endpoints without a pod (the `kubernetes` Service's API server addresses, manual slices).
      target = `Endpoint/${nsOf(slice)}/${addr}`;
      add({ id: target, kind: ep.targetRef?.kind ?? 'Endpoint', label: addr, status: cond.status, statusText: cond.text, lines: ep.nodeName ? [ep.nodeName] : [] });
    }
    edges.push({
      id: `endpoint:${objectRef(slice)}->${target}`,
      source: objectRef(slice),
      target,
      kind: 'endpoint',
      status: cond.status,
      statusText: cond.text,
      label: portSuffix ? `${addr}:${portSuffix}` : addr,
    });
  }
}
