// The host-local IPAM plugin, as containernetworking/plugins allocates:
//   plugins/ipam/host-local/backend/allocator/range.go     (Canonicalize: gateway .1, start .1, end = broadcast-1)
//   plugins/ipam/host-local/backend/allocator/allocator.go (Get/Release, RangeIter round robin from last reserved IP)
//   plugins/ipam/host-local/backend/disk/backend.go        (one reservation per IP, last_reserved_ip.<rangeID>)
// The on-disk store becomes plain data (HostLocalState) so the simulation can snapshot and replay it.
import {
  cidrContains,
  compareIp,
  formatCidr,
  formatIp,
  ipEquals,
  lastAddress,
  nextIp,
  nthAddress,
  parseCidr,
  tryParseCidr,
} from '../ip';

/** One entry of the IPAM "ranges" config; unset fields are filled like Range.Canonicalize. */
export interface HostLocalRangeConfig {
  subnet: string;
  rangeStart?: string;
  rangeEnd?: string;
  gateway?: string;
}

export interface HostLocalRange {
  subnet: string;
  rangeStart: string;
  rangeEnd: string;
  gateway: string;
}

export interface HostLocalReservation {
  containerId: string;
  ifName: string;
}

/** Everything host-local keeps in /var/lib/cni/networks/<name>/, as plain JSON. */
export interface HostLocalState {
  ranges: HostLocalRange[];
  /** IP -> owner, the files named after each reserved IP. */
  reservations: Record<string, HostLocalReservation>;
  /** last_reserved_ip.0: survives releases, so a restarted pod does not get the same IP at once. */
  lastReservedIp: string | null;
}

export interface IpConfig {
  ip: string;
  /** Address with the range's prefix, as the CNI result prints it ("10.244.1.2/24"). */
  address: string;
  gateway: string;
}

export type AllocateResult = ({ ok: true } & IpConfig) | { ok: false; error: string };

/** Range.Canonicalize: fills gateway/start/end defaults and rejects networks with no usable address. */
export function canonicalizeRange(cfg: HostLocalRangeConfig): HostLocalRange {
  const parsed = tryParseCidr(cfg.subnet);
  if (!parsed) throw new Error(`invalid CIDR address: ${cfg.subnet}`);
  const subnet = parseCidr(cfg.subnet);
  const bits = subnet.family === 4 ? 32 : 128;
  if (subnet.prefix > bits - 2) throw new Error(`Network ${formatCidr(subnet)} too small to allocate from`);
  const inSubnet = (ip: string, what: string): string => {
    if (!cidrContains(subnet, ip)) throw new Error(`${what} ${formatIp(ip)} not in network ${formatCidr(subnet)}`);
    return formatIp(ip);
  };
  const gateway = cfg.gateway ? inSubnet(cfg.gateway, 'gateway') : nthAddress(subnet, 1);
  const rangeStart = cfg.rangeStart ? inSubnet(cfg.rangeStart, 'rangeStart') : nthAddress(subnet, 1);
  // lastIP(): the last address, minus one for IPv4 so the broadcast address is never handed out.
  const rangeEnd = cfg.rangeEnd
    ? inSubnet(cfg.rangeEnd, 'rangeEnd')
    : subnet.family === 4
      ? nthAddress(subnet, -2)
      : lastAddress(subnet);
  return { subnet: formatCidr(subnet), rangeStart, rangeEnd, gateway };
}

function rangeContains(r: HostLocalRange, ip: string): boolean {
  return cidrContains(r.subnet, ip) && compareIp(ip, r.rangeStart) >= 0 && compareIp(ip, r.rangeEnd) <= 0;
}

/** RangeSet.String: "192.168.1.1-192.168.1.6", ranges joined by ",". */
export function rangeSetString(ranges: HostLocalRange[]): string {
  return ranges.map((r) => `${r.rangeStart}-${r.rangeEnd}`).join(',');
}

function prefixOf(r: HostLocalRange): number {
  return parseCidr(r.subnet).prefix;
}

/**
 * One host-local allocator for one range set (one IP family). Create it from the node's podCIDR
 * (`HostLocalAllocator.forSubnet('10.244.1.0/24')`) or from saved state.
 */
export class HostLocalAllocator {
  private s: HostLocalState;

  constructor(ranges: HostLocalRangeConfig[], state?: Pick<HostLocalState, 'reservations' | 'lastReservedIp'>) {
    if (ranges.length === 0) throw new Error('no IP ranges specified');
    this.s = {
      ranges: ranges.map(canonicalizeRange),
      reservations: { ...(state?.reservations ?? {}) },
      lastReservedIp: state?.lastReservedIp ?? null,
    };
  }

  static forSubnet(subnet: string): HostLocalAllocator {
    return new HostLocalAllocator([{ subnet }]);
  }

  static fromState(state: HostLocalState): HostLocalAllocator {
    return new HostLocalAllocator(state.ranges, state);
  }

  /** A copy of the store, safe to keep in a snapshot. */
  state(): HostLocalState {
    const reservations: Record<string, HostLocalReservation> = {};
    for (const ip of Object.keys(this.s.reservations).sort(compareIp)) reservations[ip] = { ...this.s.reservations[ip] };
    return { ranges: this.s.ranges.map((r) => ({ ...r })), reservations, lastReservedIp: this.s.lastReservedIp };
  }

  /** IPs currently reserved, in address order. */
  allocated(): string[] {
    return Object.keys(this.s.reservations).sort(compareIp);
  }

  /** The owner of an IP, if reserved. */
  ownerOf(ip: string): HostLocalReservation | undefined {
    return this.s.reservations[formatIp(ip)];
  }

  private reserve(ip: string, containerId: string, ifName: string): boolean {
    if (this.s.reservations[ip]) return false;
    this.s.reservations[ip] = { containerId, ifName };
    this.s.lastReservedIp = ip;
    return true;
  }

  private config(r: HostLocalRange, ip: string): IpConfig {
    return { ip, address: `${ip}/${prefixOf(r)}`, gateway: r.gateway };
  }

  /** IPAllocator.Get: the requested IP, or the next free one after the last reserved IP. */
  allocate(containerId: string, ifName = 'eth0', requestedIp?: string): AllocateResult {
    const ranges = this.s.ranges;
    const set = rangeSetString(ranges);
    if (requestedIp) {
      const ip = formatIp(requestedIp);
      const r = ranges.find((x) => rangeContains(x, ip));
      if (!r) return { ok: false, error: `${ip} not in range set ${set}` };
      if (ipEquals(ip, r.gateway)) return { ok: false, error: `requested ip ${ip} is subnet's gateway` };
      if (!this.reserve(ip, containerId, ifName)) {
        return { ok: false, error: `requested IP address ${ip} is not available in range set ${set}` };
      }
      return { ok: true, ...this.config(r, ip) };
    }
    for (const [ip, owner] of Object.entries(this.s.reservations)) {
      if (owner.containerId === containerId && owner.ifName === ifName && ranges.some((r) => rangeContains(r, ip))) {
        return { ok: false, error: `${ip} has been allocated to ${containerId}, duplicate allocation is not allowed` };
      }
    }
    for (const [r, ip] of this.iterate()) {
      if (this.reserve(ip, containerId, ifName)) return { ok: true, ...this.config(r, ip) };
    }
    return { ok: false, error: `no IP addresses available in range set: ${set}` };
  }

  /** IPAllocator.Release: frees every IP held by this container/interface; the last reserved IP stays. */
  release(containerId: string, ifName = 'eth0'): string[] {
    const freed: string[] = [];
    for (const [ip, owner] of Object.entries(this.s.reservations)) {
      if (owner.containerId === containerId && owner.ifName === ifName) {
        delete this.s.reservations[ip];
        freed.push(ip);
      }
    }
    return freed.sort(compareIp);
  }

  /**
   * The candidate order of RangeIter.Next: start after the last reserved IP (when it is still in
   * the set), walk to the range end, continue at the next range's start, wrap, skip gateways, and
   * stop on returning to the first candidate, so the last reserved IP itself is tried last.
   */
  *iterate(): Generator<[HostLocalRange, string]> {
    const ranges = this.s.ranges;
    const last = this.s.lastReservedIp;
    let idx = 0;
    let cur: string | null = null;
    let start: string | null = null;
    const lastIdx = last === null ? -1 : ranges.findIndex((r) => rangeContains(r, last));
    if (lastIdx >= 0) {
      idx = lastIdx;
      cur = last;
    } else {
      start = ranges[0].rangeStart;
    }
    for (;;) {
      let r = ranges[idx];
      if (cur === null) {
        cur = r.rangeStart;
        start = cur;
      } else {
        if (ipEquals(cur, r.rangeEnd)) {
          idx = (idx + 1) % ranges.length;
          r = ranges[idx];
          cur = r.rangeStart;
        } else {
          cur = nextIp(cur);
        }
        if (start === null) start = cur;
        else if (ipEquals(cur, start)) return;
      }
      if (ipEquals(cur, r.gateway)) continue;
      yield [r, cur];
    }
  }
}
