// The EndpointSlice reconciler's packing for one (address type, port list) group
// (staging/src/k8s.io/endpointslice/reconciler.go reconcileByPortMapping): keep endpoints
// where they are, drop the gone, fill slices that change anyway (fullest first), then put
// what remains into the one unchanged slice that ends closest to full, else new slices of at
// most maxEndpointsPerSlice. This keeps writes few, which is the point of the algorithm.
import type { KubeObject } from '../../api/types';
import type { SliceEndpoint } from './podEndpoint';

export interface PackResult {
  /** New slices (endpoints only; the caller adds metadata, ports, addressType). */
  toCreate: SliceEndpoint[][];
  /** Existing slices with new endpoint lists. */
  toUpdate: { slice: KubeObject; endpoints: SliceEndpoint[] }[];
  toDelete: KubeObject[];
  unchanged: KubeObject[];
}

/** hashEndpoint's identity: the same pod at the same addresses is the same endpoint. */
export function endpointKey(ep: SliceEndpoint): string {
  return `${ep.targetRef?.namespace}/${ep.targetRef?.name}/${ep.targetRef?.uid}|${[...ep.addresses].sort().join(',')}`;
}

function same(a: SliceEndpoint, b: SliceEndpoint): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

function normalize(ep: SliceEndpoint): unknown {
  return [ep.addresses, ep.conditions?.ready ?? null, ep.conditions?.serving ?? null, ep.conditions?.terminating ?? null, ep.hostname ?? null, ep.nodeName ?? null, ep.zone ?? null, ep.targetRef?.name, ep.targetRef?.uid];
}

export function packEndpoints(existing: KubeObject[], desired: SliceEndpoint[], maxPerSlice: number): PackResult {
  const desiredByKey = new Map<string, SliceEndpoint>();
  for (const ep of desired) desiredByKey.set(endpointKey(ep), ep);
  const result: PackResult = { toCreate: [], toUpdate: [], toDelete: [], unchanged: [] };
  const updating: { slice: KubeObject; endpoints: SliceEndpoint[] }[] = [];

  // 1. Walk existing slices: keep wanted endpoints (updated in place), remove unwanted.
  for (const slice of existing) {
    let changed = false;
    const kept: SliceEndpoint[] = [];
    for (const ep of (slice.endpoints as SliceEndpoint[] | null) ?? []) {
      const key = endpointKey(ep);
      const want = desiredByKey.get(key);
      if (!want) {
        changed = true;
        continue;
      }
      if (!same(ep, want)) changed = true;
      kept.push(want);
      desiredByKey.delete(key);
    }
    if (kept.length === 0) result.toDelete.push(slice);
    else if (changed) updating.push({ slice, endpoints: kept });
    else result.unchanged.push(slice);
  }

  const remaining = [...desiredByKey.values()];
  // 2. Fill the slices that are being written anyway, fullest first.
  if (remaining.length && updating.length) {
    const byFullness = [...updating].sort((a, b) => b.endpoints.length - a.endpoints.length);
    for (const u of byFullness) {
      while (remaining.length && u.endpoints.length < maxPerSlice) u.endpoints.push(remaining.shift()!);
    }
  }
  result.toUpdate.push(...updating);

  // 3. Fit the rest into the unchanged slice that ends closest to full, else new slices.
  while (remaining.length) {
    let target: { slice: KubeObject; endpoints: SliceEndpoint[] } | undefined;
    if (remaining.length < maxPerSlice && result.unchanged.length) {
      let best: KubeObject | undefined;
      for (const s of result.unchanged) {
        const len = ((s.endpoints as SliceEndpoint[] | null) ?? []).length;
        if (len + remaining.length > maxPerSlice) continue;
        if (!best || len > ((best.endpoints as SliceEndpoint[] | null) ?? []).length) best = s;
      }
      if (best) {
        result.unchanged = result.unchanged.filter((s) => s !== best);
        target = { slice: best, endpoints: [...((best.endpoints as SliceEndpoint[] | null) ?? [])] };
        result.toUpdate.push(target);
      }
    }
    const fill = target ? target.endpoints : [];
    while (remaining.length && fill.length < maxPerSlice) fill.push(remaining.shift()!);
    if (!target) result.toCreate.push(fill);
  }
  return result;
}
