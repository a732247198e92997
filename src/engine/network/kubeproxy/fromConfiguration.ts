// kube-proxy's effective configuration: what kubeadm passes it (its ConfigMap: clusterCIDR =
// the pod subnet, mode), overridden field by field by a KubeProxyConfiguration document
// (kubeproxy.config.k8s.io/v1alpha1) when the manifests contain one. `clusterCIDR: ""` in that
// document means no local-traffic detector, as in real kube-proxy.
import type { KubeObject } from '../../api/types';
import type { ClusterConfig } from '../../api/clusterConfig';
import type { KubeProxyConfig } from './config';

export function kubeProxyConfigFrom(cluster: ClusterConfig, doc?: KubeObject): KubeProxyConfig {
  const d = (doc ?? {}) as Record<string, any>;
  const iptables = d.iptables ?? {};
  const mode = d.mode === 'ipvs' ? 'ipvs' : d.mode === undefined || d.mode === '' ? (cluster.kubeProxyMode === 'ipvs' ? 'ipvs' : 'iptables') : 'iptables';
  return {
    mode,
    clusterCIDR: typeof d.clusterCIDR === 'string' ? d.clusterCIDR : cluster.podCIDR,
    detectLocalMode: d.detectLocalMode || undefined,
    bridgeInterface: d.detectLocal?.bridgeInterface,
    interfaceNamePrefix: d.detectLocal?.interfaceNamePrefix,
    masqueradeAll: Boolean(iptables.masqueradeAll),
    masqueradeBit: typeof iptables.masqueradeBit === 'number' ? iptables.masqueradeBit : undefined,
    localhostNodePorts: typeof iptables.localhostNodePorts === 'boolean' ? iptables.localhostNodePorts : undefined,
    nodePortAddresses: Array.isArray(d.nodePortAddresses) ? d.nodePortAddresses : undefined,
    tcpBeLiberal: typeof d.conntrack?.tcpBeLiberal === 'boolean' ? d.conntrack.tcpBeLiberal : undefined,
    ipvsScheduler: d.ipvs?.scheduler || undefined,
    kernel: { nfacct: cluster.kernel.nfacct, randomFully: cluster.kernel.randomFully },
  };
}

/** Modes Kubeglass does not model, said in words rather than silently replaced. */
export function unsupportedModeNote(cluster: ClusterConfig, doc?: KubeObject): string | undefined {
  const asked = (doc?.mode as string | undefined) || cluster.kubeProxyMode;
  return asked === 'nftables' ? 'kube-proxy nftables mode is not simulated; Kubeglass shows the iptables rules instead.' : undefined;
}
