import { describe, expect, it } from 'vitest';
import { podRequestList, podResources } from './resources';
import { makePod } from './testing/builders';

// component-helpers/resource/helpers_test.go TestPodResourceRequests and
// pkg/scheduler/framework/types_test.go (calculateResource non-zero defaults).
describe('pod requests', () => {
  it('sums app containers', () => {
    expect(podRequestList(makePod('p', { containers: [{ cpu: '1' }, { cpu: '2', memory: '1Gi' }] }))).toEqual({ cpu: 3000, memory: 1073741824 });
  });

  it('takes the largest init container when it exceeds the app containers', () => {
    const pod = makePod('p', { containers: [{ cpu: '1' }], initContainers: [{ requests: { cpu: '2' } }, { requests: { cpu: '1' } }] });
    expect(podRequestList(pod).cpu).toBe(2000);
  });

  it('adds restartable init containers (sidecars) to the app containers', () => {
    // "restartable init container": 1 (app) + 1 (sidecar) = 2
    const pod = makePod('p', { containers: [{ cpu: '1' }], initContainers: [{ requests: { cpu: '1' }, sidecar: true }] });
    expect(podRequestList(pod).cpu).toBe(2000);
  });

  it('counts sidecars started before an init container while it runs', () => {
    // "multiple restartable and regular init containers": sidecar 1 + init 5 = 6 > app 1 + sidecar 1
    const pod = makePod('p', {
      containers: [{ cpu: '1' }],
      initContainers: [{ requests: { cpu: '1' }, sidecar: true }, { requests: { cpu: '5' } }],
    });
    expect(podRequestList(pod).cpu).toBe(6000);
  });

  it('adds pod overhead', () => {
    expect(podRequestList(makePod('p', { containers: [{ cpu: '1' }], overhead: { cpu: '250m' } })).cpu).toBe(1250);
  });

  it('uses pod-level requests for cpu and memory when set', () => {
    const pod = makePod('p', { containers: [{ cpu: '1', memory: '1Gi' }] });
    (pod.spec as any).resources = { requests: { cpu: '3' } };
    expect(podRequestList(pod)).toEqual({ cpu: 3000, memory: 1073741824 });
  });

  it('fills 100m / 200Mi only into the non-zero (scoring) requests of containers without requests', () => {
    const r = podResources(makePod('p', { containers: [{}, { cpu: '50m' }] }));
    expect(r.requests.milliCPU).toBe(50);
    expect(r.requests.memory).toBe(0);
    expect(r.nonZeroCPU).toBe(150);
    expect(r.nonZeroMem).toBe(2 * 200 * 1024 * 1024);
  });
});
