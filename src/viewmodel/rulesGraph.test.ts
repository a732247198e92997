// Input: the Services and EndpointSlices of upstream TestOverallIPTablesRules
// (pkg/proxy/iptables/proxier_test.go), turned into rules by the engine's buildProxyRules.
import { describe, expect, it } from 'vitest';
import { buildProxyRules, tracePacket } from '../engine/network/kubeproxy';
import { fakeProxierConfig, overallServices, overallSlices, testNode } from '../engine/network/kubeproxy/upstreamFixtures';
import { buildRulesGraph } from './rulesGraph';

const rules = buildProxyRules({ node: testNode, services: overallServices(), endpointSlices: overallSlices(), config: fakeProxierConfig, family: 'IPv4' });
const svc1 = rules.services.find((s) => s.service.nameString === 'ns1/svc1:p80')!;

describe('buildRulesGraph', () => {
  it('follows PREROUTING -> KUBE-SERVICES -> KUBE-SVC -> KUBE-SEP for one Service', () => {
    const g = buildRulesGraph(rules, { service: 'ns1/svc1' });
    const sep = svc1.clusterEndpoints[0].sepChain;
    expect(g.edges.map((e) => `${e.source.slice('chain:nat/'.length)} -> ${e.target.slice('chain:nat/'.length)}`)).toEqual([
      'OUTPUT -> KUBE-SERVICES',
      'PREROUTING -> KUBE-SERVICES',
      `KUBE-SERVICES -> ${svc1.chains.svc}`,
      `${svc1.chains.svc} -> ${sep}`,
      'KUBE-SERVICES -> KUBE-NODEPORTS',
    ]);
    expect(g.edges[0].label).toBe('kubernetes service portals');
    expect(g.edges[2].label).toBe('ns1/svc1:p80 cluster IP');
    expect(g.edges[3].label).toBe('10.180.0.1:80 (100%)');
    expect(g.nodes.find((n) => n.label === sep)).toMatchObject({ statusText: 'DNAT to 10.180.0.1:80', lines: ['ns1/svc1:p80'] });
    expect(g.nodes.find((n) => n.label === 'KUBE-SERVICES')!.lines).toEqual([]);
  });

  it('shows each chain\'s rules as detail text, summarising long chains', () => {
    const g = buildRulesGraph(rules, { maxRuleLines: 4 });
    const services = g.nodes.find((n) => n.label === 'KUBE-SERVICES')!;
    const count = rules.nat.rules.filter((r) => r.chain === 'KUBE-SERVICES').length;
    expect(services.statusText).toBe(`${count} rules`);
    expect(services.details).toHaveLength(4);
    expect(services.details![3]).toBe(`… ${count - 3} more rules`);
    expect(g.edges.some((e) => e.target.endsWith('KUBE-MARK-MASQ'))).toBe(false);
  });

  it('lights the chains and jumps a traced packet took', () => {
    // draw() is the random draw for -m statistic; svc1 has one endpoint, so it is never consulted.
    const trace = tracePacket(rules, { srcIP: '10.0.1.5', dstIP: '172.30.0.41', dstPort: 80, protocol: 'TCP' }, () => 0.5);
    const g = buildRulesGraph(rules, { service: 'ns1/svc1', trace: trace.hops });
    expect(g.edges.filter((e) => e.active).map((e) => e.target.slice('chain:nat/'.length))).toEqual([svc1.chains.svc, svc1.clusterEndpoints[0].sepChain]);
  });
});
