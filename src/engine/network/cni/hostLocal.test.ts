// Expected values from containernetworking/plugins
// plugins/ipam/host-local/backend/allocator/allocator_test.go and range_test.go.
import { describe, expect, it } from 'vitest';
import { HostLocalAllocator, canonicalizeRange } from './hostLocal';

function run(subnets: string[], reserved: string[], lastIp: string | null) {
  const reservations = Object.fromEntries(reserved.map((ip) => [ip, { containerId: 'id', ifName: 'eth0' }]));
  const a = new HostLocalAllocator(
    subnets.map((subnet) => ({ subnet })),
    { reservations, lastReservedIp: lastIp },
  );
  return a.allocate('ID', 'eth0');
}

const ips = (a: HostLocalAllocator) => [...a.iterate()].map(([, ip]) => ip);

describe('HostLocalAllocator', () => {
  it('canonicalizes a range: gateway and start .1, end skips the broadcast address (range_test.go)', () => {
    expect(canonicalizeRange({ subnet: '192.0.2.0/24' })).toEqual({
      subnet: '192.0.2.0/24',
      rangeStart: '192.0.2.1',
      rangeEnd: '192.0.2.254',
      gateway: '192.0.2.1',
    });
    expect(canonicalizeRange({ subnet: '2001:db8:1::/64' }).rangeEnd).toBe('2001:db8:1:0:ffff:ffff:ffff:ffff') // Go keeps a lone zero group;
    expect(() => canonicalizeRange({ subnet: '192.0.2.0/31' })).toThrow('Network 192.0.2.0/31 too small to allocate from');
  });

  // RangeIter: "should loop correctly from the beginning / end / middle"
  it('iterates .2-.6 from the beginning, skipping the gateway', () => {
    expect(ips(HostLocalAllocator.forSubnet('192.168.1.0/29'))).toEqual([
      '192.168.1.2', '192.168.1.3', '192.168.1.4', '192.168.1.5', '192.168.1.6',
    ]);
  });

  it('wraps to the start when the last reserved IP was the range end', () => {
    const a = HostLocalAllocator.forSubnet('192.168.1.0/29');
    expect(a.allocate('ID', 'eth0', '192.168.1.6').ok).toBe(true);
    a.release('ID', 'eth0');
    expect(ips(a)).toEqual(['192.168.1.2', '192.168.1.3', '192.168.1.4', '192.168.1.5', '192.168.1.6']);
  });

  it('continues after the last reserved IP and tries it last', () => {
    const a = HostLocalAllocator.forSubnet('192.168.1.0/29');
    a.allocate('ID', 'eth0', '192.168.1.3');
    a.release('ID', 'eth0');
    expect(ips(a)).toEqual(['192.168.1.4', '192.168.1.5', '192.168.1.6', '192.168.1.2', '192.168.1.3']);
  });

  // "should allocate ips in round robin" table
  it.each([
    ['fresh start', ['10.0.0.0/29'], [], null, '10.0.0.2'],
    ['fresh start v6', ['2001:db8:1::0/64'], [], null, '2001:db8:1::2'],
    ['fresh /30', ['10.0.0.0/30'], [], null, '10.0.0.2'],
    ['skips a reserved IP', ['10.0.0.0/29'], ['10.0.0.2'], null, '10.0.0.3'],
    ['next ip of last reserved ip', ['10.0.0.0/29'], [], '10.0.0.5', '10.0.0.6'],
    ['skips reserved after last', ['10.0.0.0/29'], ['10.0.0.4', '10.0.0.5'], '10.0.0.3', '10.0.0.6'],
    ['round robin to the beginning', ['10.0.0.0/29'], ['10.0.0.6'], '10.0.0.5', '10.0.0.2'],
    ['lastIP out of range', ['10.0.0.0/29'], ['10.0.0.2'], '10.0.0.128', '10.0.0.3'],
    ['full except lastip: wraps and reserves it', ['10.0.0.0/29'], ['10.0.0.2', '10.0.0.4', '10.0.0.5', '10.0.0.6'], '10.0.0.3', '10.0.0.3'],
    ['multiple subnets', ['10.0.0.0/30', '10.0.1.0/30'], [], null, '10.0.0.2'],
    ['advance to next subnet', ['10.0.0.0/30', '10.0.1.0/30'], [], '10.0.0.2', '10.0.1.2'],
    ['roll to start subnet', ['10.0.0.0/30', '10.0.1.0/30', '10.0.2.0/30'], [], '10.0.2.2', '10.0.0.2'],
  ] as const)('%s -> %s', (_name, subnets, reserved, last, want) => {
    const res = run([...subnets], [...reserved], last);
    expect(res.ok && res.ip).toBe(want);
  });

  it('never hands out the broadcast address', () => {
    const a = HostLocalAllocator.forSubnet('192.168.1.0/29');
    for (let i = 2; i < 7; i++) {
      const r = a.allocate(`ID${i}`, 'eth0');
      expect(r.ok && r.address).toBe(`192.168.1.${i}/29`);
    }
    const full = a.allocate('ID8', 'eth0');
    expect(full).toEqual({ ok: false, error: 'no IP addresses available in range set: 192.168.1.1-192.168.1.6' });
  });

  it('allocates in a round-robin fashion across release', () => {
    const a = HostLocalAllocator.forSubnet('192.168.1.0/29');
    const first = a.allocate('ID', 'eth0');
    expect(first.ok && first.address).toBe('192.168.1.2/29');
    expect(a.release('ID', 'eth0')).toEqual(['192.168.1.2']);
    const second = a.allocate('ID', 'eth0');
    expect(second.ok && second.address).toBe('192.168.1.3/29');
  });

  it('gives a requested IP once and then refuses it with the upstream message', () => {
    const a = HostLocalAllocator.forSubnet('192.168.1.0/29');
    const r = a.allocate('ID', 'eth0', '192.168.1.5');
    expect(r.ok && r.ip).toBe('192.168.1.5');
    expect(a.allocate('ID', 'eth0', '192.168.1.5')).toEqual({
      ok: false,
      error: 'requested IP address 192.168.1.5 is not available in range set 192.168.1.1-192.168.1.6',
    });
  });

  it.each([
    [['10.0.0.0/30'], ['10.0.0.2']],
    [['10.0.0.0/29'], ['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']],
    [['10.0.0.0/30', '10.0.1.0/30'], ['10.0.0.2', '10.0.1.2']],
  ])('reports exhaustion of %j with "no IP addresses available in range set"', (subnets, reserved) => {
    const res = run(subnets, reserved, null);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.startsWith('no IP addresses available in range set')).toBe(true);
  });

  it('refuses a second allocation for the same container and interface', () => {
    const a = HostLocalAllocator.forSubnet('10.244.1.0/24');
    a.allocate('c1', 'eth0');
    expect(a.allocate('c1', 'eth0')).toEqual({
      ok: false,
      error: '10.244.1.2 has been allocated to c1, duplicate allocation is not allowed',
    });
  });

  it('round-trips through plain state: a restored allocator continues where it stopped', () => {
    const a = HostLocalAllocator.forSubnet('10.244.1.0/24');
    a.allocate('c1');
    a.allocate('c2');
    a.release('c1');
    const json = JSON.parse(JSON.stringify(a.state()));
    const b = HostLocalAllocator.fromState(json);
    const r = b.allocate('c3');
    expect(r.ok && r.ip).toBe('10.244.1.4');
    expect(b.allocated()).toEqual(['10.244.1.3', '10.244.1.4']);
  });
});
