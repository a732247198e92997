// Expected values from kubernetes pkg/kubelet/network/dns/dns_test.go (TestGetPodDNSCustom:
// cluster NS 10.0.0.10, domain kubernetes.io, host resolv.conf "nameserver 8.8.8.8 / search host.domain",
// pod namespace testNS; TestParseResolvConf; the nameserver limit case) and the glibc ndots rule.
import { describe, expect, it } from 'vitest';
import type { Pod, PodDNSConfig } from 'kubernetes-types/core/v1';
import { parseResolvConf, resolvConf } from './resolvConf';
import { lookupWithSearch, searchCandidates } from './search';
import { buildDnsRecords } from './zone';

const HOST = 'nameserver 8.8.8.8\nsearch host.domain\n';
const dnsConfig: PodDNSConfig = { nameservers: ['10.0.0.11'], searches: ['my.domain'], options: [{ name: 'ndots', value: '3' }, { name: 'debug' }] };

function pod(dnsPolicy?: string, hostNetwork = false, cfg?: PodDNSConfig): Pod {
  return { metadata: { namespace: 'testNS', name: 'test_pod' }, spec: { containers: [], dnsPolicy, hostNetwork, dnsConfig: cfg } };
}

describe('resolvConf', () => {
  it.each([
    ['ClusterFirst', false, ['10.0.0.10'], ['testNS.svc.kubernetes.io', 'svc.kubernetes.io', 'kubernetes.io', 'host.domain'], ['ndots:5']],
    ['ClusterFirst', true, ['8.8.8.8'], ['host.domain'], []], // hostNetwork falls back to Default
    ['ClusterFirstWithHostNet', true, ['10.0.0.10'], ['testNS.svc.kubernetes.io', 'svc.kubernetes.io', 'kubernetes.io', 'host.domain'], ['ndots:5']],
    ['Default', false, ['8.8.8.8'], ['host.domain'], []],
    ['None', false, [], [], []],
  ])('%s (hostNetwork %s) uses the right base', (policy, hostNet, ns, search, opts) => {
    const c = resolvConf(pod(policy, hostNet), '10.0.0.10', 'kubernetes.io', HOST);
    expect([c.nameservers, c.searches, c.options]).toEqual([ns, search, opts]);
  });

  it.each([
    ['None', false, ['203.0.113.1'], ['my.domain', 'second.domain']],
    ['ClusterFirst', false, ['10.0.0.10', '10.0.0.11'], ['testNS.svc.kubernetes.io', 'svc.kubernetes.io', 'kubernetes.io', 'host.domain', 'my.domain']],
    ['ClusterFirstWithHostNet', true, ['10.0.0.10', '10.0.0.11'], ['testNS.svc.kubernetes.io', 'svc.kubernetes.io', 'kubernetes.io', 'host.domain', 'my.domain']],
    ['Default', false, ['8.8.8.8', '10.0.0.11'], ['host.domain', 'my.domain']],
  ])('%s merges dnsConfig (TestGetPodDNSCustom)', (policy, hostNet, ns, search) => {
    const cfg = policy === 'None' ? { ...dnsConfig, nameservers: ['203.0.113.1'], searches: ['my.domain', 'second.domain'] } : dnsConfig;
    const c = resolvConf(pod(policy, hostNet, cfg), '10.0.0.10', 'kubernetes.io', HOST);
    expect(c.nameservers).toEqual(ns);
    expect(c.searches).toEqual(search);
    expect([...c.options].sort()).toEqual(['debug', 'ndots:3']);
  });

  it('writes the file as containerd does: search, nameserver, options', () => {
    const c = resolvConf(pod(), '10.96.0.10', 'cluster.local', 'nameserver 1.1.1.1\n');
    expect(c.text).toBe('search testNS.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('falls back to Default with a MissingClusterDNS event when --cluster-dns is unset', () => {
    const c = resolvConf(pod(), [], 'cluster.local', HOST);
    expect(c.nameservers).toEqual(['8.8.8.8']);
    expect(c.warnings[0].reason).toBe('MissingClusterDNS');
  });

  it('uses 127.0.0.1 and search "." when kubelet --resolv-conf is empty', () => {
    const c = resolvConf(pod('Default'), '10.0.0.10', 'cluster.local', null);
    expect([c.nameservers, c.searches]).toEqual([['127.0.0.1'], ['.']]);
  });

  it('keeps at most 3 nameservers and says so', () => {
    const c = resolvConf(pod('None', false, { nameservers: ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4'] }), '10.0.0.10', 'cluster.local', HOST);
    expect(c.nameservers).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3']);
    expect(c.warnings[0].message).toBe('Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 1.1.1.1 2.2.2.2 3.3.3.3');
  });

  // TestParseResolvConf: nameservers accumulate, last search/options line wins, trailing dots trimmed.
  it('parses resolv.conf like kubelet', () => {
    expect(parseResolvConf('nameserver 1.2.3.4\n#nameserver 9.9.9.9\nsearch foo.\nsearch bar baz.\nnameserver 5.6.7.8\noptions ndots:5 attempts:2\n')).toEqual({
      nameservers: ['1.2.3.4', '5.6.7.8'], searches: ['bar', 'baz'], options: ['ndots:5', 'attempts:2'],
    });
  });
});

describe('lookupWithSearch', () => {
  const conf = resolvConf({ metadata: { namespace: 'default', name: 'client' }, spec: { containers: [] } }, '10.96.0.10', 'cluster.local', 'search example.internal\nnameserver 10.0.0.2\n');
  const db = buildDnsRecords(
    [{ metadata: { namespace: 'default', name: 'web' }, spec: { clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ports: [{ port: 80 }] } }],
    [], [], 'cluster.local',
  );

  it('tries the namespace search domain first for a short name (ndots:5)', () => {
    const r = lookupWithSearch('web', conf.text, db);
    expect(r.attempts.map((a) => a.name)).toEqual(['web.default.svc.cluster.local.']);
    expect(r.final?.answer.answer[0].data).toBe('10.96.5.5');
  });

  it('walks every search domain before the absolute name when dots < ndots', () => {
    expect(searchCandidates('web.default', parseResolvConf(conf.text))).toEqual([
      'web.default.default.svc.cluster.local.', 'web.default.svc.cluster.local.', 'web.default.cluster.local.',
      'web.default.example.internal.', 'web.default.',
    ]);
    const r = lookupWithSearch('web.default', conf.text, db);
    expect(r.attempts.map((a) => a.summary)).toEqual([
      'web.default.default.svc.cluster.local.: NXDOMAIN',
      'web.default.svc.cluster.local.: A 10.96.5.5',
    ]);
  });

  it('ends external names at the upstream after four misses', () => {
    const r = lookupWithSearch('example.com', conf.text, db);
    expect(r.attempts).toHaveLength(5);
    expect(r.final?.name).toBe('example.com.');
    expect(r.final?.answer.rcode).toBe('FORWARDED');
  });

  it('tries only the name itself when it ends with a dot', () => {
    expect(searchCandidates('web.default.svc.cluster.local.', parseResolvConf(conf.text))).toEqual(['web.default.svc.cluster.local.']);
    expect(searchCandidates('a.b.c.d.e', { nameservers: [], searches: ['s'], options: ['ndots:5'] })).toEqual(['a.b.c.d.e.s.', 'a.b.c.d.e.']);
    expect(searchCandidates('a.b.c.d.e.f', { nameservers: [], searches: ['s'], options: ['ndots:5'] })).toEqual(['a.b.c.d.e.f.', 'a.b.c.d.e.f.s.']);
  });
});
