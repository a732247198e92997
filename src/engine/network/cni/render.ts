// Text forms of routes, neighbours and FDB entries exactly as iproute2 prints them, and the
// kernel's dump order for the main table (by destination, longer prefix first for equal keys).
import { compareCidr, formatIp, isCidr, parseCidr, tryParseCidr } from '../ip';
import type { FdbEntry, NeighbourEntry, RouteEntry } from './types';

/** Routes to a single host print without "/32" (or "/128"), as `ip route` does. */
function routeDst(dst: string): string {
  if (dst === 'default') return dst;
  const c = tryParseCidr(dst);
  if (!c) return formatIp(dst);
  const full = c.family === 4 ? 32 : 128;
  const net = dst.slice(0, dst.indexOf('/'));
  return c.prefix === full ? formatIp(net) : `${formatIp(net)}/${c.prefix}`;
}

/** Builds a route with its `ip route` text (field order: type dst via dev proto scope src onlink). */
export function route(r: Omit<RouteEntry, 'text'>): RouteEntry {
  const dst = routeDst(r.dst);
  const parts: string[] = [];
  if (r.type) parts.push(r.type);
  parts.push(dst);
  if (r.via) parts.push('via', r.via);
  if (r.dev) parts.push('dev', r.dev);
  if (r.proto) parts.push('proto', r.proto);
  if (r.scope) parts.push('scope', r.scope);
  if (r.src) parts.push('src', r.src);
  if (r.onlink) parts.push('onlink');
  return { ...r, dst, text: parts.join(' ') };
}

function asCidr(dst: string): string {
  if (dst === 'default') return '0.0.0.0/0';
  if (isCidr(dst)) return dst;
  return `${dst}/${dst.includes(':') ? 128 : 32}`;
}

/** The order `ip route` lists the main table in. */
export function sortRoutes(routes: RouteEntry[]): RouteEntry[] {
  return [...routes].sort((a, b) => {
    const fa = parseCidr(asCidr(a.dst)).family;
    const fb = parseCidr(asCidr(b.dst)).family;
    if (fa !== fb) return fa - fb;
    return compareCidr(asCidr(a.dst), asCidr(b.dst));
  });
}

export function neighbour(ip: string, dev: string, lladdr: string, state: NeighbourEntry['state']): NeighbourEntry {
  return { ip, dev, lladdr, state, text: `${ip} dev ${dev} lladdr ${lladdr} ${state}` };
}

/** `bridge fdb show` line: "<mac> dev <dev> [dst <ip>] [master <br>] <flags>". */
export function fdb(e: Omit<FdbEntry, 'text'>): FdbEntry {
  const parts = [e.mac, 'dev', e.dev];
  if (e.dst) parts.push('dst', e.dst);
  if (e.master) parts.push('master', e.master);
  parts.push(...e.flags);
  return { ...e, text: parts.join(' ') };
}
