// kube-proxy's effective configuration from the cluster's ClusterConfig and an optional
// KubeProxyConfiguration document, kept apart from clusterNetwork.ts so the running engine's
// kube-proxy component does not pull the whole network model (CNI, DNS, NetworkPolicy) along.
import type { ClusterConfig } from '../../api/clusterConfig';
import type { KubeObject } from '../../api/types';
import type { KubeProxyConfig } from './config';

/** The resolved kube-proxy configuration: ClusterConfig defaults, overridden by a KubeProxyConfiguration document if given */
export function kubeProxyConfigFor(config: ClusterConfig, doc?: KubeObject): { config: KubeProxyConfig; notes: string[] } {
  const d = (doc ?? {}) as Record<string, any>;
  const notes: string[] = [];
  let mode: string = d.mode || config.kubeProxyMode;
  if (mode === 'nftables' || mode === 'kernelspace') {
    notes.push(`kube-proxy mode "${mode}" is not modelled: the iptables-mode rules are shown instead.`);
    mode = 'iptables';
  }
  const iptables = (d.iptables ?? {}) as Record<string, any>;
  return {
    config: {
      mode: mode === 'ipvs' ? 'ipvs' : 'iptables',
      // A KubeProxyConfiguration that sets clusterCIDR (even to "") wins over the pod subnet.
      clusterCIDR: doc && 'clusterCIDR' in d ? String(d.clusterCIDR ?? '') : config.podCIDR,
      detectLocalMode: d.detectLocalMode || undefined,
      bridgeInterface: d.detectLocal?.bridgeInterface,
      interfaceNamePrefix: d.detectLocal?.interfaceNamePrefix,
      masqueradeAll: Boolean(iptables.masqueradeAll ?? d.masqueradeAll ?? false),
      masqueradeBit: typeof iptables.masqueradeBit === 'number' ? iptables.masqueradeBit : undefined,
      localhostNodePorts: typeof iptables.localhostNodePorts === 'boolean' ? iptables.localhostNodePorts : undefined,
      nodePortAddresses: Array.isArray(d.nodePortAddresses) ? d.nodePortAddresses.map(String) : undefined,
      tcpBeLiberal: typeof d.conntrack?.tcpBeLiberal === 'boolean' ? d.conntrack.tcpBeLiberal : undefined,
      ipvsScheduler: d.ipvs?.scheduler || undefined,
      kernel: { ...config.kernel },
    },
    notes,
  };
}
