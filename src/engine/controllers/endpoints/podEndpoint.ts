// From a Service and one of its pods to the endpoint the pod contributes
// (staging/src/k8s.io/endpointslice/utils.go podToEndpoint, getEndpointPorts,
// getEndpointAddresses; pkg/api/v1/pod/util.go FindPort; endpointslice/util ShouldPodBeInEndpoints).
import type { KubeObject } from '../../api/types';
import { isPodReady, isPodTerminal } from './podState';

export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
  nodeName?: string;
  zone?: string;
}

export interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export type AddressType = 'IPv4' | 'IPv6';

/** ShouldPodBeInEndpoints: not finished, has an IP; terminating pods stay (as not ready). */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

export function isIPv6(ip: string): boolean {
  return ip.includes(':');
}

/** The Service's address types: one per IP family (ipFamilies, else its cluster IP, else IPv4). */
export function serviceAddressTypes(svc: KubeObject): AddressType[] {
  const families: string[] = svc.spec?.ipFamilies ?? [];
  if (families.length) return families.map((f) => (f === 'IPv6' ? 'IPv6' : 'IPv4'));
  const ip: string | undefined = svc.spec?.clusterIP;
  return [ip && ip !== 'None' && isIPv6(ip) ? 'IPv6' : 'IPv4'];
}

/** getEndpointAddresses: the pod's first IP of the slice's family. */
export function podAddresses(pod: KubeObject, addressType: AddressType): string[] {
  const ips: string[] = (pod.status?.podIPs ?? []).map((p: { ip: string }) => p.ip);
  if (!ips.length && pod.status?.podIP) ips.push(pod.status.podIP);
  const match = ips.find((ip) => isIPv6(ip) === (addressType === 'IPv6'));
  return match ? [match] : [];
}

/**
 * podutil.FindPort: a numeric targetPort is used as is; a named one is looked up among the
 * pod's container ports with the same protocol. Undefined when the name is not found.
 */
export function findPort(pod: KubeObject, servicePort: { targetPort?: number | string; port: number; protocol?: string }): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return parseInt(target, 10);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** getEndpointPorts: one per Service port whose target the pod has. */
export function endpointPorts(svc: KubeObject, pod: KubeObject): SlicePort[] {
  const out: SlicePort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const p: SlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

/** podToEndpoint. `ready` is never true for a terminating pod unless publishNotReadyAddresses. */
export function podToEndpoint(pod: KubeObject, node: KubeObject | undefined, svc: KubeObject, addressType: AddressType): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: SliceEndpoint = {
    addresses: podAddresses(pod, addressType),
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
  };
  // endpointutil.ShouldSetHostname
  if (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace) {
    ep.hostname = pod.spec.hostname;
  }
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[LABEL_TOPOLOGY_ZONE];
  if (zone) ep.zone = zone;
  return ep;
}

/** Pods the Service selects, in lister order (namespace/name). */
export function selectedPods(svc: KubeObject, pods: KubeObject[]): KubeObject[] {
  const sel: Record<string, string> = svc.spec?.selector ?? {};
  const entries = Object.entries(sel);
  return pods.filter((p) => {
    const labels = p.metadata.labels ?? {};
    return entries.every(([k, v]) => labels[k] === v);
  });
}
