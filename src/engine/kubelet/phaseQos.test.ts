// Phase: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartAlways / ...RestartNever /
// ...RestartOnFailure / ...WithRestartAlwaysRestartableInitContainers.
// QoS: pkg/apis/core/v1/helper/qos/qos_test.go TestComputePodQOS.
import { describe, expect, it } from 'vitest';
import { podPhase } from './phase';
import { podQOSClass } from './qos';

const running = { running: {} };
const succeeded = { terminated: { exitCode: 0 } };
const failed = { terminated: { exitCode: 1 } };
const waiting = { waiting: {} };
const two = (restartPolicy: string) => ({ restartPolicy, containers: [{ name: 'a' }, { name: 'b' }] });

describe('podPhase (getPhase)', () => {
  it.each([
    ['Always', [running, running], 'Running'],
    ['Always', [running, waiting], 'Pending'],
    ['Always', [succeeded, failed], 'Running'],
    ['Always', [running, succeeded], 'Running'],
    ['Never', [succeeded, succeeded], 'Succeeded'],
    ['Never', [succeeded, failed], 'Failed'],
    ['Never', [running, failed], 'Running'],
    ['OnFailure', [succeeded, succeeded], 'Succeeded'],
    ['OnFailure', [succeeded, failed], 'Running'],
  ])('restartPolicy %s with %j is %s', (policy, states, want) => {
    const statuses = states.map((state, i) => ({ name: i ? 'b' : 'a', state }));
    expect(podPhase(two(policy), statuses, false, true)).toBe(want);
  });

  it('is Pending while a container has no status yet', () => {
    expect(podPhase(two('Always'), [{ name: 'a', state: running }], false, true)).toBe('Pending');
  });

  it('counts a waiting container that ran before as stopped, not waiting', () => {
    const st = [{ name: 'a', state: waiting, lastState: { terminated: { exitCode: 1 } } }, { name: 'b', state: waiting, lastState: { terminated: { exitCode: 1 } } }];
    expect(podPhase(two('Always'), st, false, true)).toBe('Running');
  });

  it('fails a pod whose init container failed under restartPolicy Never', () => {
    const spec = { restartPolicy: 'Never', initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] };
    expect(podPhase(spec, [{ name: 'i', state: failed }], false, false)).toBe('Failed');
  });

  it('keeps a pod Pending while a sidecar has not started and the pod never initialized', () => {
    const spec = { restartPolicy: 'Always', initContainers: [{ name: 's', restartPolicy: 'Always' }], containers: [{ name: 'a' }] };
    expect(podPhase(spec, [{ name: 's', state: running, started: false }, { name: 'a', state: waiting }], false, false)).toBe('Pending');
    expect(podPhase(spec, [{ name: 's', state: running, started: true }, { name: 'a', state: running }], false, true)).toBe('Running');
  });

  it('gives a terminal pod Succeeded or Failed whatever the restart policy', () => {
    expect(podPhase(two('Always'), [{ name: 'a', state: succeeded }, { name: 'b', state: succeeded }], true, true)).toBe('Succeeded');
    expect(podPhase(two('Always'), [{ name: 'a', state: succeeded }, { name: 'b', state: failed }], true, true)).toBe('Failed');
  });
});

describe('podQOSClass', () => {
  const c = (requests?: any, limits?: any) => ({ name: 'x', resources: { requests, limits } });
  it.each([
    ['no requests or limits', [c()], 'BestEffort'],
    ['requests equal limits for cpu and memory', [c({ cpu: '100m', memory: '100Mi' }, { cpu: '100m', memory: '100Mi' })], 'Guaranteed'],
    ['limits equal requests in different notation', [c({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' })], 'Guaranteed'],
    ['only requests', [c({ cpu: '100m' })], 'Burstable'],
    ['requests below limits', [c({ cpu: '100m', memory: '100Mi' }, { cpu: '200m', memory: '100Mi' })], 'Burstable'],
    ['one guaranteed and one best-effort container', [c({ cpu: '100m', memory: '100Mi' }, { cpu: '100m', memory: '100Mi' }), c()], 'Burstable'],
    ['only a cpu limit (memory missing)', [c({ cpu: '100m' }, { cpu: '100m' })], 'Burstable'],
    ['extended resources do not count', [c({ 'nvidia.com/gpu': '1' }, { 'nvidia.com/gpu': '1' })], 'BestEffort'],
  ])('%s is %s', (_, containers, want) => {
    expect(podQOSClass({ containers })).toBe(want);
  });
});
