// IPv4/IPv6 addresses and CIDRs as the network code needs them: parse, format (the way Go's
// net.IP.String prints, so our output matches kubectl/ip/iptables text), contain, step, compare.
// Values are bigints so IPv4 and IPv6 share one code path; the public functions take and return
// strings so callers never handle the representation.

export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  /** The address as an unsigned integer (32 bits for IPv4, 128 for IPv6). */
  value: bigint;
}

export interface Cidr {
  family: IpFamily;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

export function familyBits(family: IpFamily): number {
  return BITS[family];
}

function parseV4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    // Go's ParseIP rejects leading zeros ("010") since 1.17; so do we.
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(s: string): bigint | null {
  if (s.includes('%')) return null;
  let head = s;
  let tailV4: bigint | null = null;
  // A trailing dotted quad ("::ffff:1.2.3.4") counts as the last two groups.
  const lastColon = s.lastIndexOf(':');
  if (lastColon >= 0 && s.slice(lastColon + 1).includes('.')) {
    tailV4 = parseV4(s.slice(lastColon + 1));
    if (tailV4 === null) return null;
    head = s.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = head.indexOf('::');
  if (dbl !== head.lastIndexOf('::')) return null;
  const splitGroups = (x: string): string[] | null => (x === '' ? [] : x.split(':'));
  let groups: string[];
  if (dbl >= 0) {
    const left = splitGroups(head.slice(0, dbl));
    const right = splitGroups(head.slice(dbl + 2));
    if (!left || !right) return null;
    const missing = 8 - left.length - right.length;
    if (missing < 1) return null;
    groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  } else {
    groups = head.split(':');
  }
  if (groups.length !== 8) return null;
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== null) v = (v & ~0xffffffffn) | tailV4;
  return v;
}

/** Parses an address; null when it is not a valid IPv4 or IPv6 literal. */
export function tryParseIp(s: string): IpAddress | null {
  const t = s.trim();
  if (t.includes(':')) {
    const v = parseV6(t);
    return v === null ? null : { family: 6, value: v };
  }
  const v = parseV4(t);
  return v === null ? null : { family: 4, value: v };
}

export function parseIp(s: string): IpAddress {
  const ip = tryParseIp(s);
  if (!ip) throw new Error(`invalid IP address: ${JSON.stringify(s)}`);
  return ip;
}

export function isIPv4(s: string): boolean {
  return tryParseIp(s)?.family === 4;
}

export function isIPv6(s: string): boolean {
  return tryParseIp(s)?.family === 6;
}

export function isIp(s: string): boolean {
  return tryParseIp(s) !== null;
}

function formatV4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((sh) => String(Number((v >> sh) & 0xffn))).join('.');
}

/** RFC 5952 text, as Go prints it: the longest run (2+ groups) of zero groups becomes "::". */
function formatV6(v: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  // Go prints IPv4-mapped addresses (::ffff:a.b.c.d) in dotted form.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatV4(v & 0xffffffffn)}`;
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function formatIpAddress(ip: IpAddress): string {
  return ip.family === 4 ? formatV4(ip.value) : formatV6(ip.value);
}

/** Canonical text of an address ("10.0.0.1", "2001:db8::1"). */
export function formatIp(s: string | IpAddress): string {
  return formatIpAddress(typeof s === 'string' ? parseIp(s) : s);
}

function mask(family: IpFamily, prefix: number): bigint {
  const bits = BigInt(BITS[family]);
  const all = (1n << bits) - 1n;
  return prefix === 0 ? 0n : (all << (bits - BigInt(prefix))) & all;
}

/**
 * Parses "10.244.1.0/24". Like Go's net.ParseCIDR the result is the network (host bits
 * cleared); `ip` keeps the address as written ("10.244.1.5/24" -> ip 10.244.1.5).
 */
export function tryParseCidr(s: string): (Cidr & { ip: IpAddress }) | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const ip = tryParseIp(s.slice(0, slash));
  const p = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(p)) return null;
  const prefix = Number(p);
  if (prefix > BITS[ip.family]) return null;
  return { family: ip.family, network: ip.value & mask(ip.family, prefix), prefix, ip };
}

export function parseCidr(s: string): Cidr {
  const c = tryParseCidr(s);
  if (!c) throw new Error(`invalid CIDR address: ${s}`);
  return { family: c.family, network: c.network, prefix: c.prefix };
}

export function isCidr(s: string): boolean {
  return tryParseCidr(s) !== null;
}

export function formatCidr(c: Cidr): string {
  return `${formatIpAddress({ family: c.family, value: c.network })}/${c.prefix}`;
}

/** The network form of a CIDR: "10.244.1.5/24" -> "10.244.1.0/24". */
export function normalizeCidr(s: string): string {
  return formatCidr(parseCidr(s));
}

const asCidr = (c: string | Cidr): Cidr => (typeof c === 'string' ? parseCidr(c) : c);
const asIp = (ip: string | IpAddress): IpAddress => (typeof ip === 'string' ? parseIp(ip) : ip);

/** True when `ip` lies inside `cidr` (same family only, as Go's IPNet.Contains for canonical IPs). */
export function cidrContains(cidr: string | Cidr, ip: string | IpAddress): boolean {
  const c = asCidr(cidr);
  const a = asIp(ip);
  if (a.family !== c.family) return false;
  return (a.value & mask(c.family, c.prefix)) === c.network;
}

/** True when every address of `inner` is inside `outer`. */
export function cidrContainsCidr(outer: string | Cidr, inner: string | Cidr): boolean {
  const o = asCidr(outer);
  const i = asCidr(inner);
  return o.family === i.family && i.prefix >= o.prefix && (i.network & mask(o.family, o.prefix)) === o.network;
}

/** Number of addresses in the CIDR (2^(bits-prefix)). */
export function cidrSize(cidr: string | Cidr): bigint {
  const c = asCidr(cidr);
  return 1n << BigInt(BITS[c.family] - c.prefix);
}

/**
 * The n-th address of a CIDR, counting the network address as 0 ("10.244.1.0/24", 1 ->
 * "10.244.1.1"). Negative n counts from the end (-1 is the last/broadcast address).
 */
export function nthAddress(cidr: string | Cidr, n: number | bigint): string {
  const c = asCidr(cidr);
  const size = cidrSize(c);
  let k = BigInt(n);
  if (k < 0n) k += size;
  if (k < 0n || k >= size) throw new Error(`address index ${n} outside ${formatCidr(c)}`);
  return formatIpAddress({ family: c.family, value: c.network + k });
}

/** The network address of a CIDR as text ("10.244.1.0"). */
export function networkAddress(cidr: string | Cidr): string {
  return nthAddress(cidr, 0);
}

/** The last address of a CIDR (the broadcast address for IPv4). */
export function lastAddress(cidr: string | Cidr): string {
  return nthAddress(cidr, -1);
}

/** Address + delta, wrapping inside the family's space (pkg/ip NextIP/PrevIP use +1/-1). */
export function offsetIp(ip: string | IpAddress, delta: number | bigint): string {
  const a = asIp(ip);
  const space = 1n << BigInt(BITS[a.family]);
  const v = (((a.value + BigInt(delta)) % space) + space) % space;
  return formatIpAddress({ family: a.family, value: v });
}

export function nextIp(ip: string | IpAddress): string {
  return offsetIp(ip, 1);
}

export function prevIp(ip: string | IpAddress): string {
  return offsetIp(ip, -1);
}

/** Orders addresses: IPv4 before IPv6, then numerically. Returns -1, 0 or 1. */
export function compareIp(a: string | IpAddress, b: string | IpAddress): number {
  const x = asIp(a);
  const y = asIp(b);
  if (x.family !== y.family) return x.family < y.family ? -1 : 1;
  return x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
}

export function ipEquals(a: string | IpAddress, b: string | IpAddress): boolean {
  return compareIp(a, b) === 0;
}

/** Orders CIDRs by network address, then by longer prefix first (as the kernel FIB dumps them). */
export function compareCidr(a: string | Cidr, b: string | Cidr): number {
  const x = asCidr(a);
  const y = asCidr(b);
  const byAddr = compareIp({ family: x.family, value: x.network }, { family: y.family, value: y.network });
  return byAddr !== 0 ? byAddr : y.prefix - x.prefix;
}

/** The address as a DNS label, as CoreDNS writes endpoint and pod names: "10-0-0-1", "5678-abcd--1". */
export function ipToDashed(ip: string): string {
  return formatIp(ip).replace(/[.:]/g, '-');
}

/** Reverse-lookup name: "1.0.0.10.in-addr.arpa." or the nibble form under "ip6.arpa.". */
export function reverseName(ip: string): string {
  const a = parseIp(ip);
  if (a.family === 4) return `${formatV4(a.value).split('.').reverse().join('.')}.in-addr.arpa.`;
  const hex = a.value.toString(16).padStart(32, '0');
  return `${hex.split('').reverse().join('.')}.ip6.arpa.`;
}

/** The address a reverse-lookup name stands for, or null if it is not a full PTR name. */
export function ipFromReverseName(name: string): string | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.endsWith('.in-addr.arpa')) {
    const parts = n.slice(0, -'.in-addr.arpa'.length).split('.');
    if (parts.length !== 4) return null;
    const ip = tryParseIp(parts.reverse().join('.'));
    return ip ? formatIpAddress(ip) : null;
  }
  if (n.endsWith('.ip6.arpa')) {
    const nibbles = n.slice(0, -'.ip6.arpa'.length).split('.');
    if (nibbles.length !== 32 || !nibbles.every((x) => /^[0-9a-f]$/.test(x))) return null;
    return formatIpAddress({ family: 6, value: BigInt(`0x${nibbles.reverse().join('')}`) });
  }
  return null;
}
