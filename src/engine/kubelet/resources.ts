// A pod's effective requests as the scheduler and the kubelet's admission count them
// (component-helpers/resource/helpers.go PodRequests): regular containers and sidecars add up;
// each regular init container runs alone next to the sidecars started before it; the pod needs
// the larger of the two, plus spec.overhead.
import { milliValue } from '../api/quantity';
import { isRestartableInitContainer } from './podStatusColumns';

export interface ResourceAmounts {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
  /** bytes */
  ephemeralStorage: number;
}

const zero = (): ResourceAmounts => ({ cpu: 0, memory: 0, ephemeralStorage: 0 });

function containerRequests(c: any): ResourceAmounts {
  const r = c?.resources?.requests ?? {};
  return {
    cpu: milliValue(r.cpu),
    memory: Math.ceil(milliValue(r.memory) / 1000),
    ephemeralStorage: Math.ceil(milliValue(r['ephemeral-storage']) / 1000),
  };
}

const add = (a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts => ({
  cpu: a.cpu + b.cpu,
  memory: a.memory + b.memory,
  ephemeralStorage: a.ephemeralStorage + b.ephemeralStorage,
});
const max = (a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts => ({
  cpu: Math.max(a.cpu, b.cpu),
  memory: Math.max(a.memory, b.memory),
  ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage),
});

export function podRequests(spec: any): ResourceAmounts {
  let reqs = zero();
  for (const c of spec.containers ?? []) reqs = add(reqs, containerRequests(c));
  let sidecars = zero();
  let initMax = zero();
  for (const c of spec.initContainers ?? []) {
    const r = containerRequests(c);
    if (isRestartableInitContainer(c)) {
      reqs = add(reqs, r);
      sidecars = add(sidecars, r);
      initMax = max(initMax, sidecars);
    } else {
      initMax = max(initMax, add(r, sidecars));
    }
  }
  reqs = max(reqs, initMax);
  if (spec.overhead) reqs = add(reqs, containerRequests({ resources: { requests: spec.overhead } }));
  return reqs;
}

/** A container's memory limit in bytes, or undefined when it has none. */
export function memoryLimitBytes(c: any): number | undefined {
  const l = c?.resources?.limits?.memory;
  return l === undefined ? undefined : Math.ceil(milliValue(l) / 1000);
}
