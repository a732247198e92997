// Expected answers from coredns plugin/kubernetes/handler_test.go (fixtures: svc1 10.0.0.1:80 "http",
// svc6 1234:abcd::1, headless hdls1 with 172.0.0.2/.3, dup-name on .4/.5, 5678:abcd::1/::2,
// external -> ext.interwebs.test, external-to-service -> svc1, dual stack 10.0.0.3 + 10::3).
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { buildDnsRecords } from './zone';
import { resolve } from './resolve';

const svc = (name: string, spec: Service['spec']): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'testns', name }, spec });
const http = [{ name: 'http', protocol: 'TCP' as const, port: 80 }];
const slice = (svcName: string, endpoints: EndpointSlice['endpoints'], ports = http): EndpointSlice => ({
  addressType: 'IPv4',
  metadata: { namespace: 'testns', name: `${svcName}-abc`, labels: { 'kubernetes.io/service-name': svcName } },
  endpoints,
  ports,
});

const services: Service[] = [
  svc('svc1', { clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ports: http }),
  svc('svcempty', { clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ports: http }),
  svc('svc6', { clusterIP: '1234:abcd::1', clusterIPs: ['1234:abcd::1'], ports: http }),
  svc('hdls1', { clusterIP: 'None', ports: http }),
  svc('hdlsprtls', { clusterIP: 'None' }),
  svc('external', { type: 'ExternalName', externalName: 'ext.interwebs.test', ports: http }),
  svc('external-to-service', { type: 'ExternalName', externalName: 'svc1.testns.svc.cluster.local', ports: http }),
  svc('svc-dual-stack', { clusterIP: '10.0.0.3', clusterIPs: ['10.0.0.3', '10::3'], ports: http }),
];
const slices: EndpointSlice[] = [
  slice('svc1', [{ addresses: ['172.0.0.1'], hostname: 'ep1a', conditions: { ready: true } }]),
  slice('hdls1', [
    { addresses: ['172.0.0.2'] },
    { addresses: ['172.0.0.3'] },
    { addresses: ['172.0.0.4'], hostname: 'dup-name' },
    { addresses: ['172.0.0.5'], hostname: 'dup-name' },
    { addresses: ['5678:abcd::1'] },
    { addresses: ['5678:abcd::2'] },
    { addresses: ['172.0.0.99'], conditions: { ready: false } },
  ]),
  slice('hdlsprtls', [{ addresses: ['172.0.0.20'] }], []),
];
const pods: Pod[] = [{ metadata: { namespace: 'testns', name: 'p1' }, spec: { containers: [] }, status: { podIP: '10.244.1.5' } }];
const db = buildDnsRecords(services, slices, pods, 'cluster.local');
const texts = (q: string, t: Parameters<typeof resolve>[2]) => resolve(db, q, t).answer.map((r) => r.text);
const SOA = 'cluster.local.\t5\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 5';

describe('resolve (CoreDNS kubernetes plugin)', () => {
  it('answers a ClusterIP service with its cluster IP, TTL 5', () => {
    expect(texts('svc1.testns.svc.cluster.local.', 'A')).toEqual(['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1']);
    expect(texts('svc6.testns.svc.cluster.local.', 'AAAA')).toEqual(['svc6.testns.svc.cluster.local.\t5\tIN\tAAAA\t1234:abcd::1']);
  });

  it('answers SRV 0 100 80 with the A record as extra', () => {
    const a = resolve(db, '_http._tcp.svc1.testns.svc.cluster.local.', 'SRV');
    expect(a.answer.map((r) => r.text)).toEqual(['_http._tcp.svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svc1.testns.svc.cluster.local.']);
    expect(a.extra.map((r) => r.text)).toEqual(['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1']);
    expect(texts('svc-dual-stack.testns.svc.cluster.local.', 'SRV')).toEqual(['svc-dual-stack.testns.svc.cluster.local.\t5\tIN\tSRV\t0 50 80 svc-dual-stack.testns.svc.cluster.local.']);
  });

  it('answers a headless service with every ready IPv4 endpoint', () => {
    expect(resolve(db, 'hdls1.testns.svc.cluster.local.', 'A').answer.map((r) => r.data)).toEqual(['172.0.0.2', '172.0.0.3', '172.0.0.4', '172.0.0.5']);
    expect(resolve(db, 'hdls1.testns.svc.cluster.local.', 'AAAA').answer.map((r) => r.data)).toEqual(['5678:abcd::1', '5678:abcd::2']);
    expect(resolve(db, 'hdlsprtls.testns.svc.cluster.local.', 'A').answer.map((r) => r.data)).toEqual(['172.0.0.20']);
  });

  it('names endpoints by hostname or dashed IP', () => {
    expect(texts('172-0-0-2.hdls1.testns.svc.cluster.local.', 'A')).toEqual(['172-0-0-2.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.2']);
    expect(resolve(db, 'dup-name.hdls1.testns.svc.cluster.local.', 'A').answer.map((r) => r.data)).toEqual(['172.0.0.4', '172.0.0.5']);
    expect(texts('5678-abcd--2.hdls1.testns.svc.cluster.local', 'AAAA')).toEqual(['5678-abcd--2.hdls1.testns.svc.cluster.local.\t5\tIN\tAAAA\t5678:abcd::2']);
    expect(resolve(db, 'bogusendpoint.hdls1.testns.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  it('gives headless SRV weight floor(100/6)=16 per target, deduplicated', () => {
    const a = resolve(db, '_http._tcp.hdls1.testns.svc.cluster.local.', 'SRV');
    expect(a.answer.map((r) => r.data)).toEqual([
      '0 16 80 172-0-0-2.hdls1.testns.svc.cluster.local.',
      '0 16 80 172-0-0-3.hdls1.testns.svc.cluster.local.',
      '0 16 80 dup-name.hdls1.testns.svc.cluster.local.',
      '0 16 80 5678-abcd--1.hdls1.testns.svc.cluster.local.',
      '0 16 80 5678-abcd--2.hdls1.testns.svc.cluster.local.',
    ]);
    expect(a.extra).toHaveLength(6);
  });

  it('answers ExternalName with a CNAME and chases in-cluster targets', () => {
    expect(texts('external.testns.svc.cluster.local.', 'CNAME')).toEqual(['external.testns.svc.cluster.local.\t5\tIN\tCNAME\text.interwebs.test.']);
    expect(texts('external-to-service.testns.svc.cluster.local', 'A')).toEqual([
      'external-to-service.testns.svc.cluster.local.\t5\tIN\tCNAME\tsvc1.testns.svc.cluster.local.',
      'svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1',
    ]);
    expect(resolve(db, 'endpoint.external.testns.svc.cluster.local.', 'CNAME').rcode).toBe('NXDOMAIN');
  });

  it('returns NODATA (NOERROR + SOA) for an existing name without that type, NXDOMAIN otherwise', () => {
    expect(resolve(db, 'svc1.testns.svc.cluster.local.', 'AAAA')).toMatchObject({ rcode: 'NOERROR', answer: [], authority: [{ text: SOA }] });
    expect(resolve(db, 'svc0.testns.svc.cluster.local.', 'A')).toMatchObject({ rcode: 'NXDOMAIN', authority: [{ text: SOA }] });
    expect(resolve(db, 'svc0.svc-nons.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(resolve(db, 'testns.svc.cluster.local.', 'A')).toMatchObject({ rcode: 'NOERROR', answer: [] });
    expect(resolve(db, 'svc.cluster.local.', 'A').rcode).toBe('NOERROR');
    expect(resolve(db, 'pod.cluster.local.', 'A').rcode).toBe('NOERROR');
  });

  it('answers pod records a-b-c-d.ns.pod per the pods mode', () => {
    expect(texts('10-244-1-5.testns.pod.cluster.local.', 'A')).toEqual(['10-244-1-5.testns.pod.cluster.local.\t5\tIN\tA\t10.244.1.5']);
    expect(resolve(db, '1-2-3-4.testns.pod.cluster.local.', 'A').answer[0].data).toBe('1.2.3.4'); // insecure: no check
    const verified = buildDnsRecords(services, slices, pods, 'cluster.local', { podsMode: 'verified' });
    expect(resolve(verified, '1-2-3-4.testns.pod.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(resolve(verified, '10-244-1-5.testns.pod.cluster.local.', 'A').answer).toHaveLength(1);
    const disabled = buildDnsRecords(services, slices, pods, 'cluster.local', { podsMode: 'disabled' });
    expect(resolve(disabled, '10-244-1-5.testns.pod.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  // coredns plugin/kubernetes/reverse_test.go: service IPs map to the service, endpoint IPs to hostname.service.
  it('answers PTR for service and endpoint IPs', () => {
    expect(texts('1.0.0.10.in-addr.arpa.', 'PTR')).toEqual(['1.0.0.10.in-addr.arpa.\t5\tIN\tPTR\tsvc1.testns.svc.cluster.local.']);
    expect(resolve(db, '4.0.0.172.in-addr.arpa.', 'PTR').answer[0].data).toBe('dup-name.hdls1.testns.svc.cluster.local.');
    expect(resolve(db, '9.9.9.9.in-addr.arpa.', 'PTR').rcode).toBe('NXDOMAIN');
  });

  it('forwards names outside the cluster zone', () => {
    expect(resolve(db, 'example.com', 'A').rcode).toBe('FORWARDED');
  });

  it('lists every served record, built from the same answers', () => {
    const lines = db.records.map((r) => r.text);
    expect(lines).toContain('svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1');
    expect(lines).toContain('ep1a.svc1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.1');
    expect(lines).toContain('_http._tcp.hdls1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 16 80 dup-name.hdls1.testns.svc.cluster.local.');
    expect(lines.some((l) => l.includes('172.0.0.99'))).toBe(false); // not ready
  });
});
