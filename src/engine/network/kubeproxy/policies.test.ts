// Behaviours of pkg/proxy/iptables/proxier.go and pkg/proxy/topology.go beyond the overall test:
// traffic policies, terminating endpoints, masquerade options, detectors, NodePort addresses,
// IPv6 and large-cluster mode. Upstream tests named per case.
import { describe, expect, it } from 'vitest';
import type { KubeProxyConfig } from './config';
import { buildProxyRules } from './iptablesRules';
import { renderRestore } from './restore';
import { makeNode, makeService, makeSlice } from './testSupport';
import { fakeProxierConfig, testNode } from './upstreamFixtures';
import type { Endpoint } from 'kubernetes-types/discovery/v1';

const p80 = [{ name: 'p80', port: 80, protocol: 'TCP' }];
const svc = (extra: object = {}) => makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }], type: 'NodePort', ...extra });
const build = (services = [svc()], endpoints: Endpoint[] = [{ addresses: ['10.180.0.1'] }], config: Partial<KubeProxyConfig> = {}) =>
  buildProxyRules({
    node: testNode, services, endpointSlices: [makeSlice('ns1', 'svc1', 1, 'IPv4', endpoints, p80)],
    config: { ...fakeProxierConfig, ...config }, family: 'IPv4',
  });
const lines = (text: string) => text.split('\n');

describe('traffic policies and endpoint selection', () => {
  it('DROPs ClusterIP traffic when internalTrafficPolicy is Local and no endpoint is local (TestInternalTrafficPolicy)', () => {
    const r = build([svc({ type: 'ClusterIP', internalTrafficPolicy: 'Local', ports: p80 })], [{ addresses: ['10.180.0.1'], nodeName: 'other' }]);
    expect(renderRestore(r)).toContain('-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 has no local endpoints" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j DROP\n');
    expect(r.services[0].internalChain).toBeUndefined();
  });

  it('sends ClusterIP traffic to KUBE-SVL with internalTrafficPolicy Local and a local endpoint', () => {
    const r = build([svc({ type: 'ClusterIP', internalTrafficPolicy: 'Local', ports: p80 })],
      [{ addresses: ['10.180.0.1'], nodeName: 'test-node' }, { addresses: ['10.180.0.2'], nodeName: 'other' }]);
    const svl = r.services[0].chains.svl!;
    expect(svl).toBe('KUBE-SVL-XPGD46QRK7WJZT7O');
    expect(renderRestore(r)).toContain(`-j ${svl}\n`);
    expect(r.services[0].localEndpoints.map((e) => e.endpoint)).toEqual(['10.180.0.1:80']);
  });

  it('uses serving terminating local endpoints only when no local endpoint is ready (TestEndpointSliceWithTerminatingEndpointsTrafficPolicyLocal)', () => {
    const terminating = { ready: false, serving: true, terminating: true };
    const local = build([svc({ externalTrafficPolicy: 'Local' })], [
      { addresses: ['10.0.1.1'], nodeName: 'test-node', conditions: terminating },
      { addresses: ['10.0.1.2'], nodeName: 'test-node', conditions: { ready: true } },
    ]);
    expect(local.services[0].localEndpoints.map((e) => e.endpoint)).toEqual(['10.0.1.2:80']);

    const onlyTerminating = build([svc({ externalTrafficPolicy: 'Local' })], [
      { addresses: ['10.0.1.1'], nodeName: 'test-node', conditions: terminating },
      { addresses: ['10.0.1.3'], nodeName: 'test-node', conditions: { ready: false, serving: false, terminating: true } },
    ]);
    expect(onlyTerminating.services[0].localEndpoints.map((e) => e.endpoint)).toEqual(['10.0.1.1:80']);
    expect(onlyTerminating.services[0].chains.svl).toBe('KUBE-SVL-XPGD46QRK7WJZT7O');
  });

  it('ignores terminating endpoints for Cluster policy while any endpoint is ready', () => {
    const r = build(undefined, [
      { addresses: ['10.0.1.1'], conditions: { ready: false, serving: true, terminating: true } },
      { addresses: ['10.0.1.2'] },
    ]);
    expect(r.services[0].clusterEndpoints.map((e) => e.endpoint)).toEqual(['10.0.1.2:80']);
  });

  it('REJECTs every entry point of a service without endpoints (TestNoEndpointsReject)', () => {
    const lb = makeService('ns1', 'svc1', {
      type: 'LoadBalancer', clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }],
    }, ['1.2.3.4']);
    const text = renderRestore(build([lb], []));
    expect(text).toContain('-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j REJECT\n');
    expect(text).toContain('-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 192.168.99.11 --dport 80 -j REJECT\n');
    expect(text).toContain('-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 1.2.3.4 --dport 80 -j REJECT\n');
    expect(text).toContain('-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 3001 -j REJECT\n');
    expect(text).not.toContain('KUBE-SVC-');
  });

  it('spreads 1/3, 1/2, 1 probabilities over three endpoints', () => {
    const r = build(undefined, [{ addresses: ['10.180.0.3'] }, { addresses: ['10.180.0.1'] }, { addresses: ['10.180.0.2'] }]);
    const select = r.nat.rules.filter((x) => x.meta.role === 'endpoint-select');
    expect(select.map((x) => [x.meta.endpoint, x.meta.probability])).toEqual([
      ['10.180.0.1:80', '0.3333333333'], ['10.180.0.2:80', '0.5000000000'], ['10.180.0.3:80', undefined],
    ]);
    expect(select.every((x) => x.meta.share === 1 / 3)).toBe(true);
  });

  it('sorts endpoints as strings, so 10.0.0.10 comes before 10.0.0.9 (endpointslicecache byEndpoint)', () => {
    const r = build(undefined, [{ addresses: ['10.0.0.9'] }, { addresses: ['10.0.0.10'] }]);
    expect(r.services[0].clusterEndpoints.map((e) => e.endpoint)).toEqual(['10.0.0.10:80', '10.0.0.9:80']);
  });

  it('skips headless and ExternalName services', () => {
    const r = build([makeService('ns1', 'h', { clusterIP: 'None', ports: p80 }), makeService('ns1', 'x', { type: 'ExternalName', externalName: 'example.com' })]);
    expect(r.services).toEqual([]);
  });
});

describe('traffic distribution (pkg/proxy/topology.go, TestCategorizeEndpoints)', () => {
  const zoned = (zone: string, forZone: string) => ({ addresses: [zone === 'a' ? '10.1.0.1' : '10.2.0.1'], zone, hints: { forZones: [{ name: forZone }] } });

  it('keeps same-zone endpoints when every ready endpoint has a zone hint', () => {
    const node = makeNode('test-node', ['192.168.0.2'], { 'topology.kubernetes.io/zone': 'a' });
    const r = buildProxyRules({
      node, services: [svc({ type: 'ClusterIP', ports: p80 })], config: fakeProxierConfig, family: 'IPv4',
      endpointSlices: [makeSlice('ns1', 'svc1', 1, 'IPv4', [zoned('a', 'a'), zoned('b', 'b')], p80)],
    });
    expect(r.services[0].topologyMode).toBe('PreferSameZone');
    expect(r.services[0].clusterEndpoints.map((e) => e.endpoint)).toEqual(['10.1.0.1:80']);
  });

  it('ignores hints when one ready endpoint has none', () => {
    const node = makeNode('test-node', ['192.168.0.2'], { 'topology.kubernetes.io/zone': 'a' });
    const r = buildProxyRules({
      node, services: [svc({ type: 'ClusterIP', ports: p80 })], config: fakeProxierConfig, family: 'IPv4',
      endpointSlices: [makeSlice('ns1', 'svc1', 1, 'IPv4', [zoned('a', 'a'), { addresses: ['10.2.0.1'] }], p80)],
    });
    expect(r.services[0].topologyMode).toBe('');
    expect(r.services[0].clusterEndpoints).toHaveLength(2);
  });
});

describe('masquerading and the local-traffic detector', () => {
  it('marks all ClusterIP traffic with masqueradeAll', () => {
    expect(renderRestore(build(undefined, undefined, { masqueradeAll: true })))
      .toContain('-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-MARK-MASQ\n');
  });

  it('writes no off-cluster masquerade rule without a detector (empty clusterCIDR)', () => {
    const r = build(undefined, undefined, { clusterCIDR: '' });
    expect(r.nat.rules.filter((x) => x.chain.startsWith('KUBE-SVC-')).map((x) => x.target)).toEqual(['KUBE-SEP-SXIVWICOYRO3J4NJ']);
    expect(r.localDetector).toMatch(/none/);
  });

  it.each([
    [{ detectLocalMode: 'NodeCIDR' as const }, '! -s 10.244.1.0/24'],
    [{ detectLocalMode: 'BridgeInterface' as const, bridgeInterface: 'cni0' }, '! -i cni0'],
    [{ detectLocalMode: 'InterfaceNamePrefix' as const, interfaceNamePrefix: 'veth' }, '! -i veth+'],
  ])('uses the %o detector', (cfg, args) => {
    const node = makeNode('test-node', ['192.168.0.2'], {}, ['10.244.1.0/24']);
    const r = buildProxyRules({
      node, services: [svc()], endpointSlices: [makeSlice('ns1', 'svc1', 1, 'IPv4', [{ addresses: ['10.180.0.1'] }], p80)],
      config: { ...fakeProxierConfig, ...cfg }, family: 'IPv4',
    });
    expect(renderRestore(r)).toContain(`--dport 80 ${args} -j KUBE-MARK-MASQ\n`);
  });

  it('adds --random-fully when the kernel supports it, and no INVALID drop with tcp_be_liberal', () => {
    const text = renderRestore(build(undefined, undefined, { kernel: { nfacct: false, randomFully: true }, tcpBeLiberal: true }));
    expect(text).toContain('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully\n');
    expect(text).not.toContain('INVALID');
    expect(text).not.toContain('nfacct');
  });

  it('honours masqueradeBit', () => {
    expect(renderRestore(build(undefined, undefined, { masqueradeBit: 5 }))).toContain('-A KUBE-MARK-MASQ -j MARK --or-mark 0x00000020\n');
  });
});

describe('NodePorts', () => {
  it('jumps to KUBE-NODEPORTS only for the configured node addresses (nodePortAddresses)', () => {
    const text = renderRestore(build(undefined, undefined, { nodePortAddresses: ['192.168.0.0/24'] }));
    expect(text).toContain('-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -d 192.168.0.2 -j KUBE-NODEPORTS\n');
    // 127.0.0.1 is outside the addresses: no localhost NodePorts, no KUBE-FIREWALL.
    expect(text).not.toContain('localhost_nps_accepted_pkts');
    expect(text).not.toContain('KUBE-FIREWALL');
  });

  it('excludes 127.0.0.0/8 when localhostNodePorts is off', () => {
    expect(lines(renderRestore(build(undefined, undefined, { localhostNodePorts: false }))))
      .toContain('-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j KUBE-NODEPORTS');
  });
});

describe('IPv6', () => {
  const node6 = makeNode('test-node', ['2001:db8::1']);
  const svc6 = makeService('ns1', 'svc1', {
    type: 'NodePort', clusterIP: 'fd00:172:30::41', clusterIPs: ['fd00:172:30::41'], ipFamilies: ['IPv6'],
    ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }],
  });
  const r = buildProxyRules({
    node: node6, services: [svc6], endpointSlices: [makeSlice('ns1', 'svc1', 1, 'IPv6', [{ addresses: ['fd00:10::1'] }], p80)],
    config: { ...fakeProxierConfig, clusterCIDR: '10.0.0.0/8,fd00:10::/64' }, family: 'IPv6',
  });
  const text = renderRestore(r);

  it('writes bracketed DNAT destinations and hashes them into the KUBE-SEP name', () => {
    expect(text).toMatch(/-A KUBE-SEP-[A-Z2-7]{16} -m comment --comment ns1\/svc1:p80 -m tcp -p tcp -j DNAT --to-destination \[fd00:10::1\]:80\n/);
    expect(text).toContain('! -s fd00:10::/64 -j KUBE-MARK-MASQ');
  });

  it('never serves NodePorts on ::1 and has no localnet firewall', () => {
    expect(text).toContain('-m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS\n');
    expect(text).not.toContain('KUBE-FIREWALL');
    expect(text).not.toContain('127.0.0.0/8');
  });

  it('ignores IPv4 Services for the IPv6 rules', () => {
    const v4 = buildProxyRules({ node: node6, services: [svc()], endpointSlices: [], config: fakeProxierConfig, family: 'IPv6' });
    expect(v4.services).toEqual([]);
  });
});

describe('IPVS mode', () => {
  it('returns the ipset-based rules when the config says ipvs', () => {
    const r = build(undefined, undefined, { mode: 'ipvs' });
    expect(r.mode).toBe('ipvs');
    expect(renderRestore(r).startsWith('*nat\n')).toBe(true);
  });
});

describe('large clusters', () => {
  it('drops endpoint comments above 1000 endpoints (largeClusterEndpointsThreshold)', () => {
    const eps = Array.from({ length: 1001 }, (_, i) => ({ addresses: [`10.1.${i >> 8}.${i & 255}`] }));
    const r = build(undefined, eps);
    const sep = r.nat.rules.find((x) => x.meta.role === 'dnat')!;
    expect(sep.args).toEqual(['-m', 'tcp', '-p', 'tcp', '-j', 'DNAT', '--to-destination', sep.meta.endpoint]);
    expect(r.notes.some((n) => n.includes('1000'))).toBe(true);
  });
});
