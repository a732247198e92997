// Route lookup the way the kernel's FIB does for the main table (longest prefix wins; the local
// table is checked first for the namespace's own addresses), over the routes the CNI model built.
import type { NetInterface, NetNamespace, RouteEntry } from '../cni';
import { cidrContains, tryParseCidr, tryParseIp } from '../ip';

function routePrefix(r: RouteEntry): { cidr: string; prefix: number } | undefined {
  if (r.dst === 'default') {
    const v6 = (r.via ?? '').includes(':');
    return { cidr: v6 ? '::/0' : '0.0.0.0/0', prefix: 0 };
  }
  const text = r.dst.includes('/') ? r.dst : `${r.dst}/${r.dst.includes(':') ? 128 : 32}`;
  const c = tryParseCidr(text);
  return c ? { cidr: text, prefix: c.prefix } : undefined;
}

/** The main-table route the kernel picks for `dst`: longest matching prefix. */
export function lookupRoute(routes: RouteEntry[], dst: string): RouteEntry | undefined {
  const ip = tryParseIp(dst);
  if (!ip) return undefined;
  let best: RouteEntry | undefined;
  let bestPrefix = -1;
  for (const r of routes) {
    const p = routePrefix(r);
    if (!p) continue;
    const c = tryParseCidr(p.cidr);
    if (!c || c.family !== ip.family || !cidrContains(c, ip)) continue;
    if (p.prefix > bestPrefix) {
      best = r;
      bestPrefix = p.prefix;
    }
  }
  return best;
}

const addressOf = (cidr: string) => cidr.split('/')[0];

/** The interface of the namespace that holds `ip` (the local table), if any. */
export function localInterface(ns: NetNamespace, ip: string): NetInterface | undefined {
  return ns.interfaces.find((i) => i.addresses.some((a) => addressOf(a) === ip)) ??
    (ip.startsWith('127.') ? ns.interfaces.find((i) => i.type === 'loopback') : undefined);
}

/** `ip route show table local` line for a local address. */
export function localRouteText(ip: string, dev: string): string {
  return `local ${ip} dev ${dev} table local proto kernel scope host src ${ip}`;
}

/** The source address the kernel picks for a route: its `src`, else the first address of its device, else eth0's. */
export function sourceAddressFor(ns: NetNamespace, route: RouteEntry): string | undefined {
  if (route.src) return route.src;
  const dev = ns.interfaces.find((i) => i.name === route.dev);
  const own = dev?.addresses[0];
  if (own) return addressOf(own);
  const eth0 = ns.interfaces.find((i) => i.name === 'eth0');
  return eth0?.addresses[0] ? addressOf(eth0.addresses[0]) : undefined;
}

/** The address MASQUERADE uses: the primary address of the output interface (eth0's when it has none). */
export function masqueradeAddress(ns: NetNamespace, dev: string): string | undefined {
  const iface = ns.interfaces.find((i) => i.name === dev);
  const own = iface?.addresses[0];
  if (own) return addressOf(own);
  const eth0 = ns.interfaces.find((i) => i.name === 'eth0');
  return eth0?.addresses[0] ? addressOf(eth0.addresses[0]) : undefined;
}
