// buildClusterNetwork on hand-made snapshots. Expected values: kubeadm's defaults (kube-dns at
// the 10th address of the service subnet, the kube-proxy ConfigMap's clusterCIDR = pod subnet),
// kube-proxy's local detector (server_linux.go getLocalDetectors: an empty clusterCIDR means no
// detector, so no "! -s <cidr> -j KUBE-MARK-MASQ" rule), and kubelet's ClusterFirst resolv.conf.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { kubeProxyConfigFor, nodeIptablesSave, tokenizeRule } from './clusterNetwork';
import { DEFAULT_CLUSTER_CONFIG } from '../api/clusterConfig';
import { makeNetwork, webScenario } from './packet/testCluster';

const proxyDoc = (fields: Record<string, unknown>): KubeObject => ({ apiVersion: 'kubeproxy.config.k8s.io/v1alpha1', kind: 'KubeProxyConfiguration', metadata: {}, ...fields });

describe('buildClusterNetwork', () => {
  const { net, svc } = webScenario();

  it('builds every node with an address and a pod CIDR', () => {
    expect(net.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker', 'worker2']);
    expect(net.nodes[1].network.netns.map((n) => n.name)).toEqual(['host', 'default/client', 'default/other', 'default/web-a']);
  });

  it('gives kube-proxy the pod CIDR as clusterCIDR, so off-cluster sources are masqueraded', () => {
    const rules = net.nodes[1].proxy.IPv4!;
    expect(rules.nat.rules.some((r) => r.meta.role === 'masquerade-off-cluster' && r.args.join(' ').includes('! -s 10.244.0.0/16'))).toBe(true);
    expect(svc.spec?.clusterIP).toBe('10.96.0.20');
  });

  it('writes no local-traffic rule when a KubeProxyConfiguration sets clusterCIDR: ""', () => {
    const other = makeNetwork(net.objects.services as unknown as KubeObject[], {}, proxyDoc({ clusterCIDR: '' }));
    expect(other.proxyConfig.clusterCIDR).toBe('');
    expect(other.nodes[1].proxy.IPv4!.nat.rules.some((r) => r.meta.role === 'masquerade-off-cluster')).toBe(false);
  });

  it('reads mode, masqueradeAll and the scheduler from a KubeProxyConfiguration', () => {
    const c = kubeProxyConfigFor(DEFAULT_CLUSTER_CONFIG, proxyDoc({ mode: 'ipvs', iptables: { masqueradeAll: true }, ipvs: { scheduler: 'lc' } })).config;
    expect(c).toMatchObject({ mode: 'ipvs', masqueradeAll: true, ipvsScheduler: 'lc', clusterCIDR: '10.244.0.0/16' });
    expect(kubeProxyConfigFor({ ...DEFAULT_CLUSTER_CONFIG, kubeProxyMode: 'nftables' }).notes[0]).toMatch(/nftables/);
  });

  it('builds IPVS state per node in ipvs mode', () => {
    const ipvs = webScenario();
    const n = makeNetwork([...ipvs.net.objects.pods, ...ipvs.net.objects.services, ...ipvs.net.objects.endpointSlices] as unknown as KubeObject[], { kubeProxyMode: 'ipvs' });
    expect(n.nodes[1].ipvs.IPv4!.virtualServers.some((v) => v.address === '10.96.0.20' && v.realServers.length === 3)).toBe(true);
  });

  it('puts kube-dns at the 10th service address and writes ClusterFirst resolv.conf files', () => {
    expect(net.dns.serviceIP).toBe('10.96.0.10');
    expect(net.dns.resolvConfs['default/client'].text).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('adds flannel\'s rules to the iptables-save view', () => {
    const text = nodeIptablesSave(net, net.nodes[1], 'IPv4')!;
    expect(text).toContain('-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG');
    expect(text).toContain('-A FLANNEL-FWD -s 10.244.0.0/16 -m comment --comment "flanneld forward" -j ACCEPT');
    expect(text).toContain(':FLANNEL-POSTRTG - [0:0]');
  });

  it('skips nodes without a pod CIDR, saying why', () => {
    const n = makeNetwork([{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'new' }, spec: {}, status: { addresses: [{ type: 'InternalIP', address: '192.168.10.20' }] } }]);
    expect(n.skippedNodes).toEqual([{ name: 'new', reason: 'new has no podCIDR yet (node IPAM has not assigned one)' }]);
  });
});

describe('tokenizeRule', () => {
  it('keeps quoted comments whole', () => {
    expect(tokenizeRule('-A X -m comment --comment "a b" -j Y')).toEqual(['-A', 'X', '-m', 'comment', '--comment', '"a b"', '-j', 'Y']);
  });
});

describe('CoreDNS TTL from the Corefile', () => {
  it('reads the kubernetes plugin ttl (kubeadm sets 30) and leaves the default when absent', async () => {
    const { corefileTtl } = await import('./clusterNetwork');
    const cm = (corefile: string) => ({ ConfigMap: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: corefile } }] });
    expect(corefileTtl(cm('.:53 {\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       ttl 30\n    }\n}\n'))).toBe(30);
    expect(corefileTtl(cm('.:53 {\n    kubernetes cluster.local {\n       pods insecure\n    }\n}\n'))).toBeUndefined();
    expect(corefileTtl({})).toBeUndefined();
  });
});
