// An Ingress URL as two connections: client -> the ingress-nginx controller (entering where the
// user's manifests expose it: a hostPort on the controller pods, or a LoadBalancer / NodePort /
// ClusterIP Service in front of them), then controller -> the backend pod. ingress-nginx does
// not go through the Service's ClusterIP: it balances over the Service's endpoints itself
// (its Lua balancer, round_robin by default) unless the Ingress sets
// nginx.ingress.kubernetes.io/service-upstream: "true".
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Rng } from '../../core/rng';
import type { ClusterNetwork } from '../clusterNetwork';
import { routeIngress } from '../ingress';
import { parseSource, type Source } from './endpoints';
import { traceLeg } from './leg';
import type { PathHop, PathTrace, TraceRequest } from './types';

export interface IngressEntry {
  controllers: Pod[];
  ip: string;
  port: number;
  how: string;
}

const podKey = (p: Pod) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`;

function isController(p: Pod): boolean {
  const labels = p.metadata?.labels ?? {};
  return labels['app.kubernetes.io/name'] === 'ingress-nginx' ||
    (p.spec?.containers ?? []).some((c) => /ingress-nginx\/controller|nginx-ingress-controller/.test(c.image ?? ''));
}

function selects(svc: Service, pod: Pod): boolean {
  const sel = svc.spec?.selector;
  if (!sel || Object.keys(sel).length === 0 || (svc.metadata?.namespace ?? 'default') !== (pod.metadata?.namespace ?? 'default')) return false;
  return Object.entries(sel).every(([k, v]) => pod.metadata?.labels?.[k] === v);
}

export function ingressEntry(net: ClusterNetwork, src: Source, scheme: 'http' | 'https'): IngressEntry | { error: string } {
  const want = scheme === 'https' ? 443 : 80;
  const controllers = net.objects.pods.filter((p) => isController(p) && p.status?.podIP && p.spec?.nodeName && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
  if (controllers.length === 0) return { error: 'no ingress-nginx controller pod with an IP: deploy the controller (label app.kubernetes.io/name: ingress-nginx) first' };
  for (const pod of controllers) {
    const hp = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((p) => p.hostPort === want);
    const node = net.nodes.find((n) => n.name === pod.spec?.nodeName);
    if (hp && node) return { controllers, ip: node.info.internalIp, port: want, how: `hostPort ${want} of ${podKey(pod)} on ${node.name}` };
  }
  const svc = net.objects.services.find((s) => controllers.some((p) => selects(s, p)) && (s.spec?.ports ?? []).some((p) => p.port === want || p.name === scheme));
  if (svc) {
    const port = (svc.spec?.ports ?? []).find((p) => p.port === want) ?? (svc.spec?.ports ?? []).find((p) => p.name === scheme)!;
    const name = `${svc.metadata?.namespace}/${svc.metadata?.name}`;
    const lb = svc.status?.loadBalancer?.ingress?.find((i) => i.ip)?.ip;
    if (lb) return { controllers, ip: lb, port: port.port, how: `LoadBalancer IP of Service ${name}` };
    if (port.nodePort) {
      const node = [...net.nodes].sort((a, b) => (a.name < b.name ? -1 : 1))[0];
      if (node && src.kind === 'external') return { controllers, ip: node.info.internalIp, port: port.nodePort, how: `NodePort ${port.nodePort} of Service ${name} on ${node.name}` };
    }
    const clusterIP = svc.spec?.clusterIP;
    if (clusterIP && clusterIP !== 'None' && src.kind !== 'external') return { controllers, ip: clusterIP, port: port.port, how: `ClusterIP of Service ${name}` };
    if (port.nodePort && net.nodes.length) {
      const node = [...net.nodes].sort((a, b) => (a.name < b.name ? -1 : 1))[0];
      return { controllers, ip: node.info.internalIp, port: port.nodePort, how: `NodePort ${port.nodePort} of Service ${name} on ${node.name}` };
    }
  }
  if (src.kind === 'external') return { error: `the ingress-nginx controller is not exposed for ${scheme}: no hostPort ${want} and no LoadBalancer/NodePort Service port ${want}` };
  const pod = controllers[0];
  return { controllers, ip: pod.status!.podIP!, port: want, how: `controller pod ${podKey(pod)} directly` };
}

function backendEndpoint(net: ClusterNetwork, rng: Rng, namespace: string, service: string, portName: string): { ip: string; port: number; count: number } | undefined {
  const eps: { ip: string; port: number }[] = [];
  for (const s of net.objects.endpointSlices) {
    if ((s.metadata?.namespace ?? 'default') !== namespace || s.metadata?.labels?.['kubernetes.io/service-name'] !== service) continue;
    const port = (s.ports ?? []).find((p) => (p.name ?? '') === portName);
    if (!port?.port) continue;
    for (const ep of s.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const a of ep.addresses ?? []) eps.push({ ip: a, port: port.port });
    }
  }
  if (eps.length === 0) return undefined;
  return { ...eps[rng.intn(eps.length)], count: eps.length };
}

export function ingressLeg(req: TraceRequest, net: ClusterNetwork, rng: Rng, src: Source, entry: IngressEntry, url: string): PathTrace {
  const notes = [`The client enters through the ${entry.how}.`];
  const route = routeIngress(url, net.objects.ingresses, net.objects.services, { classes: net.objects.ingressClasses, secrets: net.objects.secrets });
  const leg1 = traceLeg(net, rng, src, entry.ip, entry.port, 'TCP');
  notes.push(...leg1.notes);
  const base = { request: req, notes };
  if (leg1.end.outcome !== 'delivered') return { ...base, outcome: leg1.end.outcome, reason: leg1.end.reason, hops: leg1.request };
  const controller = entry.controllers.find((p) => podKey(p) === leg1.end.at);
  if (!controller) return { ...base, outcome: 'delivered', reason: `${leg1.end.reason}, which is not an ingress-nginx controller`, hops: [...leg1.request, ...leg1.reply], deliveredTo: leg1.end.at };
  const at = leg1.request[leg1.request.length - 1];
  const answer = (text: string, outcome: PathTrace['outcome']): PathTrace => {
    const h: PathHop = { ...at, kind: outcome === 'delivered' ? 'deliver' : 'drop', text };
    return { ...base, outcome, reason: text, hops: [...leg1.request, h, ...leg1.reply], deliveredTo: podKey(controller) };
  };
  if ('error' in route) return answer(`ingress-nginx ${podKey(controller)}: ${route.error}`, 'rejected');
  notes.push(...route.notes);
  const ingress = {
    ingress: route.ingress, host: route.rule?.host || '*', path: route.rule?.path ?? '(default backend)', pathType: route.rule?.pathType ?? '',
    backend: `${route.backend.namespace}/${route.backend.service}:${route.backend.port}`, controller: podKey(controller),
  };
  if (route.redirect) return { ...answer(`ingress-nginx answers ${route.redirect.status} Permanent Redirect to ${route.redirect.location} (the host has TLS; ssl-redirect is on by default)`, 'delivered'), ingress };
  const sp = route.backend.servicePort!;
  const svc = net.objects.services.find((s) => s.metadata?.namespace === route.backend.namespace && s.metadata?.name === route.backend.service);
  const ing = net.objects.ingresses.find((i) => `${i.metadata?.namespace ?? 'default'}/${i.metadata?.name}` === route.ingress);
  const serviceUpstream = ing?.metadata?.annotations?.['nginx.ingress.kubernetes.io/service-upstream'] === 'true';
  let target: { ip: string; port: number };
  if (serviceUpstream && svc?.spec?.clusterIP && svc.spec.clusterIP !== 'None') {
    target = { ip: svc.spec.clusterIP, port: sp.port };
    notes.push('service-upstream is set: nginx connects to the ClusterIP and kube-proxy picks the endpoint.');
  } else {
    const ep = backendEndpoint(net, rng, route.backend.namespace, route.backend.service, sp.name ?? '');
    if (!ep) return { ...answer(`ingress-nginx ${podKey(controller)}: Service ${route.backend.namespace}/${route.backend.service} has no ready endpoints: 503 Service Temporarily Unavailable`, 'rejected'), ingress };
    target = ep;
    notes.push(`ingress-nginx balances over the ${ep.count} ready endpoint(s) of ${route.backend.service} itself (round_robin), bypassing the ClusterIP; it picked ${ep.ip}:${ep.port}.`);
  }
  const proxied: PathHop = {
    ...at, kind: 'deliver',
    text: `ingress-nginx matched Ingress ${route.ingress} ${route.rule ? `host "${ingress.host}" path ${route.rule.path} (${route.rule.pathType}, nginx location "${route.rule.location}")` : 'default backend'} -> ${ingress.backend}; it opens a new connection to ${target.ip}:${target.port}`,
  };
  const cSource = parseSource(net, podKey(controller));
  if ('error' in cSource) return { ...answer(cSource.error, 'dropped'), ingress };
  const leg2 = traceLeg(net, rng, cSource, target.ip, target.port, 'TCP');
  notes.push(...leg2.notes);
  return {
    ...base, outcome: leg2.end.outcome, reason: leg2.end.reason,
    hops: [...leg1.request, proxied, ...leg2.request, ...leg2.reply, ...leg1.reply],
    ingress,
    ...(leg2.end.at ? { deliveredTo: leg2.end.at } : {}),
  };
}
