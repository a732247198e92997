import { describe, expect, it } from 'vitest';
import { ClusterIPAllocator, NodePortAllocator, allocateServiceAddresses, allocatorsFor, releaseServiceAddresses } from './allocators';
import { Rng } from '../core/rng';
import { parseIp } from '../network/ip';
import { formatInvalid, formatFieldError } from '../api/validation/fieldError';
import type { KubeObject } from '../api/types';

const svc = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP' }], ...spec } });

describe('ClusterIPAllocator', () => {
  it('gives kubeadm the first and tenth addresses it asks for', () => {
    const a = new ClusterIPAllocator('10.96.0.0/12');
    a.allocate('10.96.0.1');
    a.allocate('10.96.0.10');
    expect(a.allocated()).toEqual(['10.96.0.1', '10.96.0.10']);
  });

  // ipallocator_test.go TestAllocateReserved: dynamic picks skip the lower band (256 addresses of a /12).
  it('picks dynamic addresses above the reserved lower band', () => {
    const a = new ClusterIPAllocator('10.96.0.0/12');
    expect(a.reservedBand).toBe(256);
    const rng = new Rng(7);
    for (let i = 0; i < 50; i++) {
      const index = parseIp(a.allocateNext(rng)).value - parseIp('10.96.0.0').value;
      // first usable is index 1; the band holds indexes 1..256, the broadcast is 2^20 - 1.
      expect(index >= 257n && index < (1n << 20n) - 1n).toBe(true);
    }
  });

  it('falls back to the lower band when the upper band is full, then reports the range full', () => {
    const a = new ClusterIPAllocator('192.168.0.0/28'); // 14 usable addresses, band of 0 (size <= 16)
    const rng = new Rng(1);
    const got = Array.from({ length: 14 }, () => a.allocateNext(rng));
    expect(new Set(got).size).toBe(14);
    expect(() => a.allocateNext(rng)).toThrow('range is full');
  });

  it('refuses addresses outside the range and ones already taken, with upstream text', () => {
    const a = new ClusterIPAllocator('10.96.0.0/12');
    expect(() => a.allocate('10.0.0.1')).toThrow('the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
    expect(() => a.allocate('10.96.0.0')).toThrow(/not in the valid range/); // the network address
    a.allocate('10.96.0.5');
    expect(() => a.allocate('10.96.0.5')).toThrow('provided IP is already allocated');
  });

  it('repeats its picks for the same seed', () => {
    const pick = () => new ClusterIPAllocator('10.96.0.0/12').allocateNext(new Rng(42));
    expect(pick()).toBe(pick());
  });
});

describe('NodePortAllocator', () => {
  // portallocator calculateRangeOffset: 2768 ports / 32 = 86 reserved at the bottom.
  it('picks random ports from the upper part of 30000-32767', () => {
    const a = new NodePortAllocator('30000-32767');
    const rng = new Rng(3);
    for (let i = 0; i < 20; i++) {
      const p = a.allocateNext(rng);
      expect(p).toBeGreaterThanOrEqual(30086);
      expect(p).toBeLessThanOrEqual(32767);
    }
  });

  it('refuses ports outside the range or in use', () => {
    const a = new NodePortAllocator('30000-32767');
    expect(() => a.allocate(80)).toThrow('provided port is not in the valid range. The range of valid ports is 30000-32767');
    a.allocate(30080);
    expect(() => a.allocate(30080)).toThrow('provided port is already allocated');
  });
});

describe('allocateServiceAddresses', () => {
  const allocs = () => allocatorsFor('10.96.0.0/12', '30000-32767');

  it('reports an out-of-range clusterIP as the REST storage does', () => {
    const r = allocateServiceAddresses(svc({ clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'] }), allocs(), new Rng(1));
    if (r.ok || r.reason !== 'Invalid') throw new Error('expected Invalid');
    expect(formatInvalid('Service', '', 's', r.errors)).toBe(
      'Service "s" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.1"]: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('allocates a clusterIP and node ports for a NodePort service and frees them on delete', () => {
    const a = allocs();
    const r = allocateServiceAddresses(svc({ type: 'NodePort', ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP', nodePort: 30443 }] }), a, new Rng(5));
    if (!r.ok) throw new Error('expected ok');
    const spec = r.service.spec;
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    expect(spec.ports[1].nodePort).toBe(30443);
    expect(a.nodePorts.allocated()).toContain(spec.ports[0].nodePort);
    releaseServiceAddresses(r.service, a);
    expect(a.clusterIPs.allocated()).toEqual([]);
    expect(a.nodePorts.allocated()).toEqual([]);
  });

  it('rolls back the clusterIP when a requested node port is taken', () => {
    const a = allocs();
    a.nodePorts.allocate(30080);
    const r = allocateServiceAddresses(svc({ type: 'NodePort', ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }] }), a, new Rng(5));
    expect(r.ok).toBe(false);
    if (!r.ok && r.reason === 'Invalid') expect(formatFieldError(r.errors[0])).toBe('spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    expect(a.clusterIPs.allocated()).toEqual([]);
  });

  it('gives headless and ExternalName services no address', () => {
    const a = allocs();
    const h = allocateServiceAddresses(svc({ clusterIP: 'None' }), a, new Rng(1));
    expect(h.ok && h.service.spec.clusterIPs).toEqual(['None']);
    const e = allocateServiceAddresses(svc({ type: 'ExternalName', externalName: 'example.com' }), a, new Rng(1));
    expect(e.ok && e.service.spec.clusterIP).toBeUndefined();
    expect(a.clusterIPs.allocated()).toEqual([]);
  });
});
