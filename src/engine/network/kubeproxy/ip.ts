// Minimal IP/CIDR helpers for kube-proxy's needs: family detection, Go-style canonical strings
// (net.IP.String / net.IPNet.String), containment, and "ip:port" joining (net.JoinHostPort).
// Kept local to this folder; parsing is lenient the way netutils.ParseIPSloppy is (leading zeros).

import { boundedMemo } from './memo';

export type IPFamily = 'IPv4' | 'IPv6';

export interface ParsedIP {
  family: IPFamily;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
}

export function parseIP(text: string): ParsedIP | undefined {
  const s = text.trim();
  if (s.includes(':')) return parseIPv6(s);
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return { family: 'IPv4', bytes };
}

function parseIPv6(s: string): ParsedIP | undefined {
  // Simplification: embedded IPv4 tails ("::ffff:1.2.3.4") are not accepted; Services and
  // EndpointSlices do not use them.
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const groups = h.split(':');
    if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = parseGroups(halves[0]);
  const rest = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!head || !rest) return undefined;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(Math.max(0, missing)).fill(0), ...rest];
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  return { family: 'IPv6', bytes };
}

export function ipFamilyOf(text: string): IPFamily | undefined {
  return parseIP(text)?.family;
}

/** Canonical text, as Go's net.IP.String prints it (RFC 5952 for IPv6). */
export function formatIP(ip: ParsedIP): string {
  if (ip.family === 'IPv4') return ip.bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip.bytes[i] << 8) | ip.bytes[i + 1]);
  // Longest run (length >= 2) of zero groups becomes "::".
  let bestStart = -1, bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}

/** Canonical text of an address, or undefined when it does not parse (memoised: see memo.ts). */
export const canonicalIP = boundedMemo(50_000, (text: string): string | undefined => {
  const ip = parseIP(text);
  return ip ? formatIP(ip) : undefined;
});

/** The family of a canonical address (canonicalIP's output): parseIP tells them apart by ':'. */
export function familyOfCanonical(ip: string): IPFamily {
  return ip.includes(':') ? 'IPv6' : 'IPv4';
}

export interface ParsedCIDR {
  ip: ParsedIP;
  prefix: number;
}

export function parseCIDR(text: string): ParsedCIDR | undefined {
  const [addr, len, extra] = text.trim().split('/');
  if (extra !== undefined || len === undefined || !/^\d{1,3}$/.test(len)) return undefined;
  const ip = parseIP(addr);
  if (!ip) return undefined;
  const prefix = Number(len);
  if (prefix > ip.bytes.length * 8) return undefined;
  return { ip: { family: ip.family, bytes: maskBytes(ip.bytes, prefix) }, prefix };
}

function maskBytes(bytes: number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - bitsHere)) & 0xff);
  });
}

/** Network-normalised "a.b.c.d/n" (Go's IPNet.String), e.g. " 203.0.113.5/25" -> "203.0.113.0/25". */
export function canonicalCIDR(text: string): string | undefined {
  const c = parseCIDR(text);
  return c ? `${formatIP(c.ip)}/${c.prefix}` : undefined;
}

export function cidrContains(cidr: string, ipText: string): boolean {
  const c = parseCIDR(cidr);
  const ip = parseIP(ipText);
  if (!c || !ip || c.ip.family !== ip.family) return false;
  const masked = maskBytes(ip.bytes, c.prefix);
  return masked.every((b, i) => b === c.ip.bytes[i]);
}

/** "ip:port", with brackets for IPv6 (net.JoinHostPort). */
export function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** Numeric comparison of two addresses of the same family (for ipvsadm's sort). */
export function compareIP(a: string, b: string): number {
  const pa = parseIP(a);
  const pb = parseIP(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  if (pa.bytes.length !== pb.bytes.length) return pa.bytes.length - pb.bytes.length;
  for (let i = 0; i < pa.bytes.length; i++) if (pa.bytes[i] !== pb.bytes[i]) return pa.bytes[i] - pb.bytes[i];
  return 0;
}

export function isLoopback(ipText: string): boolean {
  const ip = parseIP(ipText);
  if (!ip) return false;
  if (ip.family === 'IPv4') return ip.bytes[0] === 127;
  return ip.bytes.slice(0, 15).every((b) => b === 0) && ip.bytes[15] === 1;
}
