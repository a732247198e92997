// Expected values follow pkg/printers/internalversion/printers_test.go TestPrintPod,
// TestPrintPodWithRestartableInitContainer and TestPrintNonTerminatedPod.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { isoAt } from '../core/time';
import { podStatusColumns } from './podStatusColumns';

const NOW = 3_600_000;

function pod(spec: any, status: any, meta: any = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'test1', namespace: 'default', ...meta }, spec, status };
}
const two = { containers: [{ name: 'a' }, { name: 'b' }] };
const running = { running: { startedAt: isoAt(0) } };

describe('podStatusColumns (printPod)', () => {
  it.each([
    ['phase with one ready running container', two, { phase: 'podPhase', containerStatuses: [{ name: 'a', ready: true, restartCount: 3, state: running }, { name: 'b', restartCount: 3, state: {} }] }, ['1/2', 'podPhase', '6']],
    ['a waiting reason wins over the phase', two, { phase: 'podPhase', containerStatuses: [{ name: 'a', restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } }, { name: 'b', restartCount: 3, state: running, ready: true }] }, ['1/2', 'ContainerWaitingReason', '6']],
    ['a terminated reason wins', two, { phase: 'podPhase', containerStatuses: [{ name: 'a', restartCount: 3, state: { terminated: { reason: 'ContainerTerminatedReason', exitCode: 2 } } }, { name: 'b', restartCount: 3, state: running, ready: true }] }, ['1/2', 'ContainerTerminatedReason', '6']],
    ['terminated without reason shows the exit code', two, { phase: 'podPhase', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 1 } } }, { name: 'b', state: running, ready: true }] }, ['1/2', 'ExitCode:1', '0']],
    ['terminated by a signal shows it', two, { phase: 'podPhase', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 137, signal: 9 } } }, { name: 'b', state: running, ready: true }] }, ['1/2', 'Signal:9', '0']],
    ['Completed with a container still running and Ready=True is Running', two, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'a', state: running, ready: true }, { name: 'b', state: { terminated: { reason: 'Completed', exitCode: 0 } } }] }, ['1/2', 'Running', '0']],
    ['Completed with a container still running and not Ready is NotReady', two, { phase: 'Running', containerStatuses: [{ name: 'a', state: running, ready: true }, { name: 'b', state: { terminated: { reason: 'Completed', exitCode: 0 } } }] }, ['1/2', 'NotReady', '0']],
  ])('%s', (_, spec, status, [ready, st, restarts]) => {
    const c = podStatusColumns(pod(spec, status), NOW);
    expect([c.ready, c.status, c.restarts]).toEqual([ready, st, restarts]);
  });

  it('counts restarts with the age of the last termination: "3 (10s ago)"', () => {
    const c = podStatusColumns(
      pod({ containers: [{ name: 'a' }] }, { phase: 'Running', containerStatuses: [{ name: 'a', ready: true, restartCount: 3, state: running, lastState: { terminated: { exitCode: 1, finishedAt: isoAt(NOW - 10_000) } } }] }),
      NOW,
    );
    expect(c).toEqual({ ready: '1/1', status: 'Running', restarts: '3 (10s ago)' });
  });

  it.each([
    ['an init container not started yet is Init:0/2', [{ name: 'i1', state: { waiting: { reason: 'PodInitializing' } } }, { name: 'i2', state: { waiting: { reason: 'PodInitializing' } } }], 'Init:0/2'],
    ['the second init container running is Init:1/2', [{ name: 'i1', state: { terminated: { exitCode: 0, reason: 'Completed' } } }, { name: 'i2', state: running }], 'Init:1/2'],
    ['a crash-looping init container is Init:CrashLoopBackOff', [{ name: 'i1', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }, { name: 'i2', state: { waiting: { reason: 'PodInitializing' } } }], 'Init:CrashLoopBackOff'],
    ['a failed init container is Init:Error', [{ name: 'i1', state: { terminated: { exitCode: 1, reason: 'Error' } } }, { name: 'i2', state: {} }], 'Init:Error'],
    ['a failed init container without reason is Init:ExitCode:1', [{ name: 'i1', state: { terminated: { exitCode: 1 } } }, { name: 'i2', state: {} }], 'Init:ExitCode:1'],
    ['a signalled init container is Init:Signal:9', [{ name: 'i1', state: { terminated: { exitCode: 137, signal: 9 } } }, { name: 'i2', state: {} }], 'Init:Signal:9'],
  ])('%s', (_, inits, want) => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'a' }] };
    const c = podStatusColumns(pod(spec, { phase: 'Pending', initContainerStatuses: inits, containerStatuses: [{ name: 'a', state: { waiting: { reason: 'PodInitializing' } } }] }), NOW);
    expect(c.status).toBe(want);
    expect(c.ready).toBe('0/1');
  });

  it('shows PodInitializing once init containers are done and the main container is not created', () => {
    const spec = { initContainers: [{ name: 'i1' }], containers: [{ name: 'a' }] };
    const status = {
      phase: 'Pending',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'i1', ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      containerStatuses: [{ name: 'a', state: { waiting: { reason: 'PodInitializing' } } }],
    };
    expect(podStatusColumns(pod(spec, status), NOW).status).toBe('PodInitializing');
  });

  it('counts a started, ready sidecar in READY and skips it for the Init: column', () => {
    const spec = { initContainers: [{ name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'a' }] };
    const status = {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
      initContainerStatuses: [{ name: 'side', started: true, ready: true, restartCount: 1, state: running, lastState: { terminated: { exitCode: 1, finishedAt: isoAt(NOW - 5000) } } }],
      containerStatuses: [{ name: 'a', ready: true, state: running }],
    };
    expect(podStatusColumns(pod(spec, status), NOW)).toEqual({ ready: '2/2', status: 'Running', restarts: '1 (5s ago)' });
  });

  it('shows Terminating for a deleted pod that has not finished, and Completed once it has', () => {
    const spec = { containers: [{ name: 'a' }] };
    const deleting = { deletionTimestamp: isoAt(0) };
    expect(podStatusColumns(pod(spec, { phase: 'Running', containerStatuses: [{ name: 'a', ready: true, state: running }] }, deleting), NOW).status).toBe('Terminating');
    expect(podStatusColumns(pod(spec, { phase: 'Succeeded', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, deleting), NOW).status).toBe('Completed');
  });

  it('shows Unknown for a deleted pod on an unreachable node (reason NodeLost)', () => {
    const c = podStatusColumns(pod({ containers: [{ name: 'a' }] }, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: isoAt(0) }), NOW);
    expect(c.status).toBe('Unknown');
  });

  it('shows SchedulingGated from the PodScheduled condition', () => {
    const c = podStatusColumns(pod({ containers: [{ name: 'a' }] }, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), NOW);
    expect(c).toEqual({ ready: '0/1', status: 'SchedulingGated', restarts: '0' });
  });

  it('prefers status.reason (Evicted, OutOfcpu) over the phase', () => {
    expect(podStatusColumns(pod({ containers: [{ name: 'a' }] }, { phase: 'Failed', reason: 'OutOfcpu' }), NOW).status).toBe('OutOfcpu');
  });
});
