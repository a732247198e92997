import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  cidrContainsCidr,
  compareCidr,
  compareIp,
  formatIp,
  ipFromReverseName,
  ipToDashed,
  isIPv4,
  isIPv6,
  lastAddress,
  nextIp,
  normalizeCidr,
  nthAddress,
  prevIp,
  reverseName,
  tryParseCidr,
  tryParseIp,
} from './ip';

describe('ip', () => {
  it.each([
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'], // longest zero run wins
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['1:0:1:1:1:1:1:1', '1:0:1:1:1:1:1:1'], // a single zero group is not compressed (Go, RFC 5952)
    ['::', '::'],
    ['::ffff:10.1.2.3', '::ffff:10.1.2.3'],
    ['10.0.0.1', '10.0.0.1'],
  ])('formats %s as Go does: %s', (input, want) => {
    expect(formatIp(input)).toBe(want);
  });

  it('rejects malformed and leading-zero addresses (Go >= 1.17 net.ParseIP)', () => {
    expect(tryParseIp('10.0.0.256')).toBeNull();
    expect(tryParseIp('010.0.0.1')).toBeNull();
    expect(tryParseIp('1::2::3')).toBeNull();
    expect(tryParseIp('1.2.3')).toBeNull();
    expect(isIPv4('192.168.1.1')).toBe(true);
    expect(isIPv6('fd00::1')).toBe(true);
  });

  it('parses a CIDR to its network like net.ParseCIDR', () => {
    expect(normalizeCidr('10.244.1.5/24')).toBe('10.244.1.0/24');
    expect(formatIp(tryParseCidr('10.244.1.5/24')!.ip)).toBe('10.244.1.5');
    expect(normalizeCidr('2001:db8:1::7/64')).toBe('2001:db8:1::/64');
    expect(tryParseCidr('10.0.0.0/33')).toBeNull();
  });

  it('tests containment within a family only', () => {
    expect(cidrContains('10.244.0.0/16', '10.244.3.7')).toBe(true);
    expect(cidrContains('10.244.0.0/16', '10.245.0.1')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(cidrContains('::/0', '10.0.0.1')).toBe(false);
    expect(cidrContainsCidr('10.244.0.0/16', '10.244.2.0/24')).toBe(true);
    expect(cidrContainsCidr('10.244.2.0/24', '10.244.0.0/16')).toBe(false);
  });

  it('steps through addresses and finds the n-th and last', () => {
    expect(nthAddress('10.244.1.0/24', 1)).toBe('10.244.1.1');
    expect(lastAddress('10.244.1.0/24')).toBe('10.244.1.255');
    expect(nthAddress('2001:db8::/64', 2)).toBe('2001:db8::2');
    expect(nextIp('10.0.0.255')).toBe('10.0.1.0');
    expect(prevIp('10.0.1.0')).toBe('10.0.0.255');
    expect(() => nthAddress('10.0.0.0/30', 4)).toThrow();
  });

  it('orders addresses numerically and CIDRs longest-prefix first for the same network', () => {
    const ips = ['10.0.0.10', '10.0.0.9', 'fd00::1', '9.255.255.255'];
    expect([...ips].sort(compareIp)).toEqual(['9.255.255.255', '10.0.0.9', '10.0.0.10', 'fd00::1']);
    expect(['10.244.0.0/16', '10.244.0.0/24', '0.0.0.0/0'].sort(compareCidr)).toEqual([
      '0.0.0.0/0',
      '10.244.0.0/24',
      '10.244.0.0/16',
    ]);
  });

  // coredns plugin/kubernetes handler_test.go: 5678:abcd::1 is the endpoint "5678-abcd--1".
  it('dashes addresses as CoreDNS names endpoints', () => {
    expect(ipToDashed('172.0.0.2')).toBe('172-0-0-2');
    expect(ipToDashed('5678:abcd::1')).toBe('5678-abcd--1');
  });

  it('builds and reads reverse names', () => {
    expect(reverseName('10.0.0.1')).toBe('1.0.0.10.in-addr.arpa.');
    expect(ipFromReverseName('1.0.0.10.in-addr.arpa.')).toBe('10.0.0.1');
    const v6 = reverseName('1234:abcd::1');
    expect(v6.startsWith('1.0.0.0.')).toBe(true);
    expect(ipFromReverseName(v6)).toBe('1234:abcd::1');
    expect(ipFromReverseName('0.10.in-addr.arpa.')).toBeNull();
  });
});
