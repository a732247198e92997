// ClusterIP and NodePort allocation as the service REST storage does it
// (pkg/registry/core/service/ipallocator/ipallocator.go, .../portallocator/allocator.go,
// pkg/registry/core/allocator/bitmap.go randomScanStrategyWithOffset,
// pkg/registry/core/service/storage/alloc.go).
//
// Both ranges are split in two: a small lower band kept for addresses people ask for by value
// (kubeadm puts the `kubernetes` Service on the first address and kube-dns on the 10th) and an
// upper band for dynamic allocation. A dynamic pick starts at a random offset in the upper band
// and takes the first free value from there (wrapping inside the band); only when the upper band
// is full does it look in the lower band the same way. Simplification: the random numbers come
// from our seeded Rng, not Go's math/rand, so the values differ from a real cluster's but follow
// the same rule and repeat with the seed.
import type { Rng } from '../core/rng';
import type { KubeObject } from '../api/types';
import { cidrSize, formatIpAddress, parseCidr, tryParseIp, type Cidr } from '../network/ip';
import { parsePortRange } from '../api/clusterConfig';
import { type FieldError, invalid } from '../api/validation/fieldError';

export class AllocationError extends Error {
  constructor(
    readonly kind: 'not-in-range' | 'allocated' | 'full' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** min(max(min, size/step), max); 0 for ranges not larger than min (calculateRangeOffset). */
function rangeOffset(size: number, min: number, max: number, step: number): number {
  if (size <= min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}

/** randomScanStrategyWithOffset.AllocateBit over indexes [0, size). */
function pickFree(size: number, offset: number, taken: (i: number) => boolean, rng: Rng): number | undefined {
  const upper = size - offset;
  if (upper > 0) {
    const start = rng.intn(upper);
    for (let i = 0; i < upper; i++) {
      const at = offset + ((start + i) % upper);
      if (!taken(at)) return at;
    }
  }
  if (offset > 0) {
    const start = rng.intn(offset);
    for (let i = 0; i < offset; i++) {
      const at = (start + i) % offset;
      if (!taken(at)) return at;
    }
  }
  return undefined;
}

/** Service ClusterIPs from one service CIDR (single-stack). */
export class ClusterIPAllocator {
  private readonly cidr: Cidr;
  private readonly first: bigint;
  private readonly size: number;
  private readonly offset: number;
  private readonly used = new Set<bigint>();

  constructor(readonly cidrText: string) {
    this.cidr = parseCidr(cidrText);
    const total = Number(cidrSize(this.cidr));
    // IPv4 ranges lose the network and broadcast addresses; IPv6 only the subnet-router address.
    const v4 = this.cidr.family === 4;
    this.first = this.cidr.network + 1n;
    this.size = Math.max(0, total - (v4 ? 2 : 1));
    this.offset = rangeOffset(total, 16, 256, 16);
    if (this.offset >= this.size) this.offset = 0;
  }

  /** Reserves a requested address (Allocate). */
  allocate(ip: string): void {
    const a = tryParseIp(ip);
    if (!a) throw new AllocationError('invalid', `failed to parse IP ${ip}`);
    if (a.family !== this.cidr.family || a.value < this.first || a.value >= this.first + BigInt(this.size)) {
      throw new AllocationError('not-in-range', `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidrText}`);
    }
    if (this.used.has(a.value)) throw new AllocationError('allocated', 'provided IP is already allocated');
    this.used.add(a.value);
  }

  /** Picks a free address (AllocateNext). */
  allocateNext(rng: Rng): string {
    const i = pickFree(this.size, this.offset, (k) => this.used.has(this.first + BigInt(k)), rng);
    if (i === undefined) throw new AllocationError('full', 'range is full');
    const v = this.first + BigInt(i);
    this.used.add(v);
    return formatIpAddress({ family: this.cidr.family, value: v });
  }

  release(ip: string): void {
    const a = tryParseIp(ip);
    if (a) this.used.delete(a.value);
  }

  has(ip: string): boolean {
    const a = tryParseIp(ip);
    return !!a && this.used.has(a.value);
  }

  /** Allocated addresses in order, for snapshots and the UI. */
  allocated(): string[] {
    return [...this.used].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map((v) => formatIpAddress({ family: this.cidr.family, value: v }));
  }

  /** Addresses in the lower band that dynamic allocation leaves for requests by value. */
  get reservedBand(): number {
    return this.offset;
  }
}

/** NodePorts from the --service-node-port-range (default 30000-32767). */
export class NodePortAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly offset: number;
  private readonly used = new Set<number>();

  constructor(readonly rangeText: string) {
    const r = parsePortRange(rangeText);
    if (!r) throw new Error(`invalid port range ${rangeText}`);
    this.base = r.base;
    this.size = r.size;
    this.offset = rangeOffset(r.size, 16, 128, 32);
  }

  allocate(port: number): void {
    if (!(port >= this.base && port < this.base + this.size)) {
      throw new AllocationError('not-in-range', `provided port is not in the valid range. The range of valid ports is ${this.rangeText}`);
    }
    if (this.used.has(port)) throw new AllocationError('allocated', 'provided port is already allocated');
    this.used.add(port);
  }

  allocateNext(rng: Rng): number {
    const i = pickFree(this.size, this.offset, (k) => this.used.has(this.base + k), rng);
    if (i === undefined) throw new AllocationError('full', 'range is full');
    this.used.add(this.base + i);
    return this.base + i;
  }

  release(port: number): void {
    this.used.delete(port);
  }

  has(port: number): boolean {
    return this.used.has(port);
  }

  allocated(): number[] {
    return [...this.used].sort((a, b) => a - b);
  }
}

export interface ServiceAllocators {
  clusterIPs: ClusterIPAllocator;
  nodePorts: NodePortAllocator;
}

export type ServiceAllocationResult =
  | { ok: true; service: KubeObject }
  /** Invalid: field errors for `Service "x" is invalid: ...` (formatInvalid). */
  | { ok: false; reason: 'Invalid'; errors: FieldError[] }
  /** InternalError: `Internal error occurred: <message>`. */
  | { ok: false; reason: 'InternalError'; message: string };

type Obj = Record<string, any>;

const needsNodePorts = (spec: Obj): boolean =>
  spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);

/**
 * Allocates a new (defaulted, validated) Service's clusterIP and node ports, as the REST create
 * does: requested values are reserved or refused, missing ones are picked. On failure nothing
 * stays allocated. Returns the Service with clusterIP/clusterIPs, nodePorts and
 * healthCheckNodePort filled in.
 */
export function allocateServiceAddresses(service: KubeObject, a: ServiceAllocators, rng: Rng): ServiceAllocationResult {
  const svc = structuredClone(service) as Obj;
  const spec: Obj = (svc.spec ??= {});
  const undo: (() => void)[] = [];
  const fail = (r: ServiceAllocationResult) => {
    undo.reverse().forEach((u) => u());
    return r;
  };
  if (spec.type !== 'ExternalName') {
    const requested: string[] = spec.clusterIPs?.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : [];
    if (requested[0] !== 'None') {
      let ip: string;
      if (requested.length) {
        ip = requested[0];
        try {
          a.clusterIPs.allocate(ip);
        } catch (e) {
          return fail({ ok: false, reason: 'Invalid', errors: [invalid('spec.clusterIPs', requested, `failed to allocate IP ${ip}: ${(e as Error).message}`)] });
        }
      } else {
        try {
          ip = a.clusterIPs.allocateNext(rng);
        } catch (e) {
          return fail({ ok: false, reason: 'InternalError', message: `failed to allocate a serviceIP: ${(e as Error).message}` });
        }
      }
      undo.push(() => a.clusterIPs.release(ip));
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    } else {
      spec.clusterIPs = ['None'];
    }
  }
  if (needsNodePorts(spec)) {
    const ports: Obj[] = spec.ports ?? [];
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      if (p.nodePort) {
        // Two ports of one Service may share a node port when their protocols differ.
        if (ports.slice(0, i).some((q) => q.nodePort === p.nodePort)) continue;
        try {
          a.nodePorts.allocate(p.nodePort);
        } catch (e) {
          return fail({ ok: false, reason: 'Invalid', errors: [invalid(`spec.ports[${i}].nodePort`, p.nodePort, (e as Error).message)] });
        }
      } else {
        try {
          p.nodePort = a.nodePorts.allocateNext(rng);
        } catch (e) {
          return fail({ ok: false, reason: 'InternalError', message: `failed to allocate a nodePort: ${(e as Error).message}` });
        }
      }
      const port = p.nodePort;
      undo.push(() => a.nodePorts.release(port));
    }
    if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
      if (spec.healthCheckNodePort) {
        try {
          a.nodePorts.allocate(spec.healthCheckNodePort);
        } catch (e) {
          return fail({ ok: false, reason: 'Invalid', errors: [invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, `failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${(e as Error).message}`)] });
        }
      } else {
        try {
          spec.healthCheckNodePort = a.nodePorts.allocateNext(rng);
        } catch (e) {
          return fail({ ok: false, reason: 'InternalError', message: `failed to allocate a nodePort: ${(e as Error).message}` });
        }
      }
    }
  }
  return { ok: true, service: svc as KubeObject };
}

/** Frees a deleted Service's clusterIP and node ports. */
export function releaseServiceAddresses(service: KubeObject, a: ServiceAllocators): void {
  const spec: Obj = service.spec ?? {};
  for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) if (ip !== 'None') a.clusterIPs.release(ip);
  for (const p of spec.ports ?? []) if (p.nodePort) a.nodePorts.release(p.nodePort);
  if (spec.healthCheckNodePort) a.nodePorts.release(spec.healthCheckNodePort);
}

/** Builds allocators holding the addresses of existing Services (e.g. after loading a snapshot). */
export function allocatorsFor(serviceCIDR: string, nodePortRange: string, services: readonly KubeObject[] = []): ServiceAllocators {
  const a = { clusterIPs: new ClusterIPAllocator(serviceCIDR), nodePorts: new NodePortAllocator(nodePortRange) };
  for (const s of services) {
    const spec: Obj = s.spec ?? {};
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) {
      if (ip !== 'None' && !a.clusterIPs.has(ip)) tryAllocate(() => a.clusterIPs.allocate(ip));
    }
    for (const p of spec.ports ?? []) if (p.nodePort && !a.nodePorts.has(p.nodePort)) tryAllocate(() => a.nodePorts.allocate(p.nodePort));
    if (spec.healthCheckNodePort && !a.nodePorts.has(spec.healthCheckNodePort)) tryAllocate(() => a.nodePorts.allocate(spec.healthCheckNodePort));
  }
  return a;
}

function tryAllocate(f: () => void): void {
  try {
    f();
  } catch {
    // An address outside the current range stays with its Service, as upstream's repair loop leaves it.
  }
}
