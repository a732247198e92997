// Expected values follow pkg/kubelet/status/generate_test.go (TestGenerateContainersReadyCondition,
// TestGeneratePodReadyCondition, TestGeneratePodInitializedCondition).
import { describe, expect, it } from 'vitest';
import { containersReadyCondition, initializedCondition, podReadyCondition } from './conditions';

const spec = { containers: [{ name: '1234' }, { name: '5678' }] };

describe('ContainersReady / Ready', () => {
  it('is UnknownContainerStatuses without statuses', () => {
    expect(containersReadyCondition(spec, undefined, 'Running')).toEqual({ type: 'ContainersReady', status: 'False', reason: 'UnknownContainerStatuses' });
  });
  it('lists unknown and unready containers in one message', () => {
    const c = containersReadyCondition(spec, [{ name: '1234', ready: false }], 'Running');
    expect(c).toEqual({ type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unknown status: [5678], containers with unready status: [1234]' });
  });
  it('lists restartable init containers (sidecars) before regular ones', () => {
    const s = { initContainers: [{ name: 'side', restartPolicy: 'Always' }, { name: 'once' }], containers: [{ name: 'app' }] };
    const c = containersReadyCondition(s, [{ name: 'side', ready: false }, { name: 'once', ready: false }, { name: 'app', ready: false }], 'Running');
    expect(c.message).toBe('containers with unready status: [side app]');
  });
  it('is PodCompleted when the pod succeeded, PodFailed when it failed', () => {
    const st = [{ name: '1234' }, { name: '5678' }];
    expect(containersReadyCondition(spec, st, 'Succeeded').reason).toBe('PodCompleted');
    expect(containersReadyCondition(spec, st, 'Failed').reason).toBe('PodFailed');
  });
  it('Ready copies ContainersReady and then checks readiness gates', () => {
    const st = [{ name: '1234', ready: true }, { name: '5678', ready: true }];
    expect(podReadyCondition(spec, [], st, 'Running')).toEqual({ type: 'Ready', status: 'True' });
    const gated = { ...spec, readinessGates: [{ conditionType: 'example.com/lb' }] };
    expect(podReadyCondition(gated, [], st, 'Running')).toEqual({
      type: 'Ready',
      status: 'False',
      reason: 'ReadinessGatesNotReady',
      message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist.',
    });
    expect(podReadyCondition(gated, [{ type: 'example.com/lb', status: 'False' }], st, 'Running').message).toBe(
      'the status of pod readiness gate "example.com/lb" is not "True", but False',
    );
    expect(podReadyCondition(spec, [], [{ name: '1234', ready: false }, { name: '5678', ready: true }], 'Running')).toEqual({
      type: 'Ready',
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [1234]',
    });
  });
});

describe('Initialized', () => {
  const withInit = { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'app' }] };
  it('is True without init containers', () => {
    expect(initializedCondition(spec, [], 'Pending')).toEqual({ type: 'Initialized', status: 'True' });
  });
  it('reports incomplete init containers', () => {
    const c = initializedCondition(withInit, [{ name: 'i1', ready: true }, { name: 'i2', ready: false }], 'Pending');
    expect(c).toEqual({ type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [i2]' });
  });
  it('counts a sidecar as initialized once it has started', () => {
    const s = { initContainers: [{ name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'app' }] };
    expect(initializedCondition(s, [{ name: 'side', started: true, ready: false }], 'Pending').status).toBe('True');
    expect(initializedCondition(s, [{ name: 'side', started: false }], 'Pending').message).toBe('containers with incomplete status: [side]');
  });
  it('stays True once a regular container has started, even if a sidecar restarts', () => {
    const s = { initContainers: [{ name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'app' }] };
    const st = [{ name: 'side', started: false }, { name: 'app', state: { running: {} } }];
    expect(initializedCondition(s, st, 'Running')).toEqual({ type: 'Initialized', status: 'True' });
  });
});
