// The pod's QoS class (pkg/apis/core/v1/helper/qos/qos.go GetPodQOS / ComputePodQOS): only cpu
// and memory count; init and regular containers alike.
import { milliValue } from '../api/quantity';

const SUPPORTED = ['cpu', 'memory'];

export function podQOSClass(spec: any): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let zeroQuantity = true;
  let isGuaranteed = true;
  // Pod-level resources (PodLevelResources, beta in 1.34) decide when present.
  const podLevel = spec.resources;
  const containers = podLevel && (podLevel.requests || podLevel.limits) ? [{ resources: podLevel }] : [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  for (const c of containers) {
    for (const [name, q] of Object.entries<any>(c.resources?.requests ?? {})) {
      if (!SUPPORTED.includes(name)) continue;
      const v = milliValue(q);
      if (v !== 0) {
        zeroQuantity = false;
        requests.set(name, (requests.get(name) ?? 0) + v);
      }
    }
    const found = new Set<string>();
    for (const [name, q] of Object.entries<any>(c.resources?.limits ?? {})) {
      if (!SUPPORTED.includes(name)) continue;
      const v = milliValue(q);
      if (v !== 0) {
        zeroQuantity = false;
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0) + v);
      }
    }
    if (found.size !== SUPPORTED.length) isGuaranteed = false;
  }
  if (zeroQuantity && requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) if (limits.get(name) !== req) isGuaranteed = false;
  }
  if (isGuaranteed && requests.size === limits.size) return 'Guaranteed';
  return 'Burstable';
}
