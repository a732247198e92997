// Everything the network views need, computed from one snapshot: per node the CNI data plane
// (buildNodeNetwork) and kube-proxy's rules per IP family (buildProxyRules / buildIpvs), the
// cluster DNS database, and the NetworkPolicy inputs. Pure: same objects + config = same result.
// kube-proxy's configuration follows kubeadm (cmd/kubeadm/app/phases/addons/proxy: the
// KubeProxyConfiguration in the kube-proxy ConfigMap gets clusterCIDR = the pod subnet) unless
// the user's KubeProxyConfiguration document says otherwise.
import type { Namespace, Node, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { ClusterConfig } from '../api/clusterConfig';
import type { KubeObject } from '../api/types';
import { buildNodeNetwork } from './cni';
import type { CniConfig, NodeNetInfo, NodeNetwork, NodeNetworkInput, PodNetInfo } from './cni';
import { buildDnsRecords, resolvConf, type DnsDatabase, type PodResolvConf } from './dns';
import { isIPv4, isIPv6, nthAddress, parseCidr } from './ip';
import { buildIpvs, buildProxyRules, renderSave, saveRuleArgs, type IPFamily, type IpvsState, type KubeProxyConfig, type ProxyRules, type SaveExtras } from './kubeproxy';
import { cniEnforcesPolicy } from './netpol';
import { kubeProxyConfigFor } from './kubeproxy/configFor';
import { asctime } from '../core/time';

export interface NodeNetworkEntry {
  name: string;
  node: Node;
  info: NodeNetInfo;
  input: NodeNetworkInput;
  network: NodeNetwork;
  /** Families the node has an InternalIP of, primary (first InternalIP) first. */
  families: IPFamily[];
  primaryFamily: IPFamily;
  /** kube-proxy's iptables rules (in IPVS mode: the ipset-based rules) per family. */
  proxy: Partial<Record<IPFamily, ProxyRules>>;
  /** IPVS mode only: virtual servers, ipsets, kube-ipvs0 addresses. */
  ipvs: Partial<Record<IPFamily, IpvsState>>;
}

export interface ClusterNetwork {
  config: ClusterConfig;
  /** Virtual time the network was built for (the snapshot's), when known. */
  time?: number;
  cni: CniConfig;
  enforcesPolicy: boolean;
  proxyConfig: KubeProxyConfig;
  nodes: NodeNetworkEntry[];
  /** Nodes left out (no InternalIP or podCIDR yet), with the reason. */
  skippedNodes: { name: string; reason: string }[];
  dns: {
    db: DnsDatabase;
    /** The kube-dns Service ClusterIP kubelet hands to pods (kubeadm: the 10th address of the service CIDR). */
    serviceIP: string;
    clusterDomain: string;
    /** Each pod's /etc/resolv.conf, keyed "ns/name". */
    resolvConfs: Record<string, PodResolvConf>;
  };
  netpol: { policies: NetworkPolicy[]; pods: Pod[]; namespaces: Namespace[] };
  objects: {
    nodes: Node[];
    pods: Pod[];
    services: Service[];
    endpointSlices: EndpointSlice[];
    ingresses: Ingress[];
    ingressClasses: IngressClass[];
    secrets: Secret[];
    namespaces: Namespace[];
  };
  /** Where this model simplifies, for the UI. */
  notes: string[];
}

export interface ClusterNetworkInput {
  /** A snapshot's objects by kind. */
  objects: Record<string, KubeObject[]>;
  config: ClusterConfig;
  /** The user's KubeProxyConfiguration document, if any. */
  kubeProxy?: KubeObject;
  /** Virtual time of the snapshot (ms), for timestamps the node tools print. */
  time?: number;
}

const list = <T>(objects: Record<string, KubeObject[]>, kind: string): T[] => (objects[kind] ?? []) as unknown as T[];
const podKey = (p: Pod) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`;

export { kubeProxyConfigFor };

/**
 * The `ttl` of the kubernetes plugin in CoreDNS's Corefile (kube-system/coredns ConfigMap; kubeadm
 * sets 30). Without a ConfigMap or a ttl line, the plugin's default of 5 s applies.
 */
export function corefileTtl(objects: Record<string, KubeObject[]>): number | undefined {
  const cm = (objects.ConfigMap ?? []).find((c) => c.metadata.namespace === 'kube-system' && c.metadata.name === 'coredns');
  const corefile = (cm?.data as Record<string, string> | undefined)?.Corefile;
  const block = corefile ? /kubernetes[^{]*\{([^}]*)\}/.exec(corefile)?.[1] : undefined;
  const ttl = block ? /^\s*ttl\s+(\d+)\s*$/m.exec(block)?.[1] : undefined;
  return ttl === undefined ? undefined : Number(ttl);
}

function familyOf(ip: string): IPFamily | undefined {
  return isIPv4(ip) ? 'IPv4' : isIPv6(ip) ? 'IPv6' : undefined;
}

function nodeInfo(node: Node): NodeNetInfo | { skip: string } {
  const name = node.metadata?.name ?? '';
  const internalIp = (node.status?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address;
  const podCidr = node.spec?.podCIDRs?.[0] ?? node.spec?.podCIDR;
  if (!internalIp) return { skip: `${name} has no InternalIP yet` };
  if (!podCidr) return { skip: `${name} has no podCIDR yet (node IPAM has not assigned one)` };
  return { name, internalIp, podCidr };
}

/** Pods whose sandbox network exists: scheduled, not finished. */
function podNetInfo(pod: Pod): PodNetInfo {
  return {
    namespace: pod.metadata?.namespace ?? 'default',
    name: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid ?? podKey(pod),
    ip: pod.status?.podIP,
    hostNetwork: pod.spec?.hostNetwork ?? false,
  };
}

function livePod(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The node's resolv.conf: its LAN gateway as the only nameserver (assumed; see notes). */
export function hostResolvConf(info: NodeNetInfo): string {
  const lan = parseCidr(`${info.internalIp}/${info.lanPrefix ?? 24}`);
  return `nameserver ${nthAddress(lan, 1)}\n`;
}

export function buildClusterNetwork(input: ClusterNetworkInput): ClusterNetwork {
  const { objects, config } = input;
  const nodes = list<Node>(objects, 'Node');
  const pods = list<Pod>(objects, 'Pod');
  const services = list<Service>(objects, 'Service');
  const endpointSlices = list<EndpointSlice>(objects, 'EndpointSlice');
  const namespaces = list<Namespace>(objects, 'Namespace');
  const proxy = kubeProxyConfigFor(config, input.kubeProxy);
  const notes = [
    ...proxy.notes,
    'Nodes resolve names through their LAN gateway (first address of the node\'s /24); kubelet --resolv-conf is assumed to point there.',
  ];
  const cni: CniConfig = { kind: config.cni, clusterCidr: config.podCIDR };

  const infos: NodeNetInfo[] = [];
  const skippedNodes: ClusterNetwork['skippedNodes'] = [];
  const nodeByName = new Map<string, Node>();
  for (const node of nodes) {
    const info = nodeInfo(node);
    if ('skip' in info) skippedNodes.push({ name: node.metadata?.name ?? '', reason: info.skip });
    else {
      infos.push(info);
      nodeByName.set(info.name, node);
    }
  }
  const live = pods.filter(livePod);
  const entries: NodeNetworkEntry[] = infos.map((info) => {
    const node = nodeByName.get(info.name)!;
    const nodeInput: NodeNetworkInput = {
      cni,
      node: info,
      nodes: infos,
      pods: live.filter((p) => p.spec?.nodeName === info.name).map(podNetInfo),
    };
    const internal = (node.status?.addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => familyOf(a.address));
    const families = [...new Set(internal.filter((f): f is IPFamily => !!f))];
    const entry: NodeNetworkEntry = {
      name: info.name, node, info, input: nodeInput, network: buildNodeNetwork(nodeInput),
      families, primaryFamily: families[0] ?? 'IPv4', proxy: {}, ipvs: {},
    };
    for (const family of families) {
      const proxyInput = { node, services, endpointSlices, config: proxy.config, family };
      if (proxy.config.mode === 'ipvs') {
        const state = buildIpvs(proxyInput);
        entry.ipvs[family] = state;
        entry.proxy[family] = state.rules;
      } else {
        entry.proxy[family] = buildProxyRules(proxyInput);
      }
    }
    return entry;
  });

  const clusterDomain = config.clusterDomain;
  const serviceIP = nthAddress(config.serviceCIDR, 10);
  const db = buildDnsRecords(services, endpointSlices, pods, clusterDomain, {
    namespaces: namespaces.length ? namespaces.map((n) => n.metadata?.name ?? '').sort() : undefined,
    ttl: corefileTtl(input.objects),
  });
  const resolvConfs: Record<string, PodResolvConf> = {};
  for (const pod of live) {
    const info = infos.find((i) => i.name === pod.spec?.nodeName);
    resolvConfs[podKey(pod)] = resolvConf(pod, serviceIP, clusterDomain, info ? hostResolvConf(info) : null);
  }
  return {
    config,
    time: input.time,
    cni,
    enforcesPolicy: cniEnforcesPolicy(cni.kind),
    proxyConfig: proxy.config,
    nodes: entries,
    skippedNodes,
    dns: { db, serviceIP, clusterDomain, resolvConfs },
    netpol: { policies: list<NetworkPolicy>(objects, 'NetworkPolicy'), pods, namespaces },
    objects: {
      nodes, pods, services, endpointSlices, namespaces,
      ingresses: list<Ingress>(objects, 'Ingress'),
      ingressClasses: list<IngressClass>(objects, 'IngressClass'),
      secrets: list<Secret>(objects, 'Secret'),
    },
    notes,
  };
}

/**
 * The CNI's own iptables rules as renderSave extras. flannel's rules are IPv4 rules of an IPv4
 * cluster network; other families get none.
 */
export function cniSaveExtras(network: NodeNetwork, family: IPFamily, clusterCidr: string): SaveExtras {
  const extras: Required<Pick<SaveExtras, 'chains' | 'rules'>> = { chains: [], rules: [] };
  if (familyOf(clusterCidr.split('/')[0]) !== family) return extras;
  for (const table of ['filter', 'nat'] as const) {
    for (const line of network.iptables[table]) {
      if (line.startsWith(':')) extras.chains.push({ table, chain: line.slice(1).split(' ')[0] });
      else if (line.startsWith('-A ')) {
        const [, chain, ...rest] = tokenizeRule(line);
        extras.rules.push({ table, chain, rule: saveRuleArgs(rest, family) });
      }
    }
  }
  return extras;
}

/** The node's `iptables-save` (or `ip6tables-save`) text: kube-proxy's rules plus the CNI's. */
export function nodeIptablesSave(net: ClusterNetwork, entry: NodeNetworkEntry, family: IPFamily): string | undefined {
  const rules = entry.proxy[family];
  if (!rules) return undefined;
  const extras = cniSaveExtras(entry.network, family, net.cni.clusterCidr);
  return renderSave(rules, net.time === undefined ? extras : { ...extras, timestamp: asctime(net.time) });
}

/**
 * Splits an iptables rule line into words the way a shell would for iptables: whitespace
 * separated, double-quoted words kept whole (with their quotes, as kube-proxy writes them),
 * backslash escapes inside quotes kept.
 */
export function tokenizeRule(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && line[i] === ' ') i++;
    if (i >= line.length) break;
    let word = '';
    if (line[i] === '"') {
      word += '"';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) {
          word += line[i + 1];
          i += 2;
        } else word += line[i++];
      }
      word += '"';
      i++;
    } else {
      while (i < line.length && line[i] !== ' ') word += line[i++];
    }
    out.push(word);
  }
  return out;
}
