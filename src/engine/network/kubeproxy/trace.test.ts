// Packet walks through the generated rules, with the cases and expected outcomes of upstream
// proxier_test.go runPacketFlowTests for the TestOverallIPTablesRules services and
// TestClusterIPGeneral / TestLoadBalancer.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { buildProxyRules } from './iptablesRules';
import { findServiceRule, tracePacket, type TracePacket } from './trace';
import { makeService, makeSlice } from './testSupport';
import { fakeProxierConfig, overallServices, overallSlices, testNode } from './upstreamFixtures';

const nodeIPs = ['192.168.0.2', '192.168.1.2', '192.168.99.11'];
const pkt = (srcIP: string, dstIP: string, dstPort: number): TracePacket => ({
  srcIP, dstIP, dstPort, protocol: 'TCP', dstIsLocal: nodeIPs.includes(dstIP) || dstIP === '192.168.99.22' || dstIP === '192.168.99.33', srcIsLocal: nodeIPs.includes(srcIP),
});
const overall = buildProxyRules({ node: testNode, services: overallServices(), endpointSlices: overallSlices(), config: fakeProxierConfig, family: 'IPv4' });

describe('tracePacket over the TestOverallIPTablesRules services', () => {
  it.each([
    ['no match', pkt('10.0.0.2', '10.0.0.3', 80), 'NONE', undefined, false],
    ['single endpoint', pkt('10.0.0.2', '172.30.0.41', 80), 'DNAT', '10.180.0.1:80', false],
    ['LOCAL, KUBE-MARK-MASQ', pkt('192.168.0.2', '192.168.99.22', 80), 'DNAT', '10.180.0.2:80', true],
    ['DROP', pkt('203.0.113.2', '192.168.99.22', 80), 'DROP', undefined, false],
    ['REJECT', pkt('10.0.0.2', '172.30.0.46', 80), 'REJECT', undefined, false],
  ] as const)('%s', (_name, packet, verdict, endpoint, masq) => {
    const r = tracePacket(overall, packet, () => 0.99);
    expect(r.verdict).toBe(verdict);
    expect(r.endpoint).toBe(endpoint);
    if (verdict === 'DNAT') expect(r.masquerade).toBe(masq);
  });

  it('reaches both endpoints of a two-endpoint service, driven by the draws', () => {
    const rng = new Rng(7);
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(tracePacket(overall, pkt('10.0.0.2', '172.30.0.44', 80), () => rng.nextUint32() / 2 ** 32).endpoint!);
    expect([...seen].sort()).toEqual(['10.180.0.4:80', '10.180.0.5:80']);
  });

  it('names the rule that captured the packet and every hop after it', () => {
    const r = tracePacket(overall, pkt('10.0.0.2', '172.30.0.41', 80), () => 0);
    expect(r.hops.map((h) => h.chain)).toEqual(['KUBE-SERVICES', 'KUBE-SVC-XPGD46QRK7WJZT7O', 'KUBE-SEP-SXIVWICOYRO3J4NJ']);
    expect(findServiceRule(overall, pkt('10.0.0.2', '172.30.0.41', 80))?.meta.role).toBe('capture-cluster-ip');
    expect(findServiceRule(overall, pkt('203.0.113.2', '192.168.0.2', 3003))?.meta.role).toBe('capture-node-port');
  });

  it('keeps a client on its endpoint with session affinity', () => {
    const r = tracePacket(overall, { ...pkt('10.0.0.2', '172.30.0.45', 80), affinity: ['KUBE-SEP-I77PXRDZVX7PMWMN'] }, () => 0.99);
    expect(r.hops.find((h) => h.rule.meta.role === 'affinity-check')?.rule.target).toBe('KUBE-SEP-I77PXRDZVX7PMWMN');
  });
});

describe('TestClusterIPGeneral and TestLoadBalancer flows', () => {
  const lb = buildProxyRules({
    node: testNode,
    services: [makeService('ns1', 'svc1', {
      type: 'LoadBalancer', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }],
      loadBalancerSourceRanges: ['192.168.0.0/24', ' 203.0.113.0/25'],
    }, ['1.2.3.4', '5.6.7.8'])],
    endpointSlices: [makeSlice('ns1', 'svc1', 1, 'IPv4', [{ addresses: ['10.180.0.1'], nodeName: 'test-node' }], [{ name: 'p80', port: 80, protocol: 'TCP' }])],
    config: fakeProxierConfig,
    family: 'IPv4',
  });

  it.each([
    ['hairpin to cluster IP', pkt('10.180.0.1', '172.30.0.41', 80), 'DNAT', true],
    ['pod to cluster IP', pkt('10.0.0.2', '172.30.0.41', 80), 'DNAT', false],
    ['external to nodePort', pkt('203.0.113.2', '192.168.0.2', 3001), 'DNAT', true],
    ['nodePort bypasses LoadBalancerSourceRanges', pkt('203.0.113.130', '192.168.0.2', 3001), 'DNAT', true],
    ['accepted external to LB1', pkt('203.0.113.2', '1.2.3.4', 80), 'DNAT', true],
    ['accepted external to LB2', pkt('203.0.113.2', '5.6.7.8', 80), 'DNAT', true],
    ['blocked external to LB1', pkt('203.0.113.130', '1.2.3.4', 80), 'DROP', false],
    ['pod to LB1 (blocked by LoadBalancerSourceRanges)', pkt('10.0.0.2', '1.2.3.4', 80), 'DROP', false],
    ['node to LB1 (allowed by LoadBalancerSourceRanges)', pkt('192.168.0.2', '1.2.3.4', 80), 'DNAT', true],
  ] as const)('%s', (_name, packet, verdict, masq) => {
    const r = tracePacket(lb, packet, () => 0);
    expect(r.verdict).toBe(verdict);
    if (verdict === 'DNAT') {
      expect(r.endpoint).toBe('10.180.0.1:80');
      expect(r.masquerade).toBe(masq);
    }
  });
});
