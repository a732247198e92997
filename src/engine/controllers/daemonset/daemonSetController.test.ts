import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { isoAt } from '../../core/time';
import { fakeContext } from '../testing/fakeListers';
import { makeNode, makePod, ownerRef } from '../testing/builders';
import { makeDaemonSet } from '../testing/workloadBuilders';
import { daemonSetController, daemonPodFor } from './daemonSetController';
import { nodeShouldRunDaemonPod } from './nodeEligibility';
import type { Write } from '../types';
import { computeHash } from '../podutil/hash';

const created = (ws: Write[]) => ws.filter((w): w is Extract<Write, { op: 'create' }> => w.op === 'create' && w.object.kind === 'Pod').map((w) => w.object);
const deleted = (ws: Write[]) => ws.filter((w): w is Extract<Write, { op: 'delete' }> => w.op === 'delete').map((w) => w.ref.name);
const statusOf = (ws: Write[]) => ws.find((w): w is Extract<Write, { op: 'updateStatus' }> => w.op === 'updateStatus')?.object.status;
const nodeOf = (pod: KubeObject) => pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0];

describe('NodeShouldRunDaemonPod (daemon_controller.go, daemon_controller_test.go)', () => {
  const ds = makeDaemonSet({ name: 'agent' });
  it.each([
    ['a plain node', makeNode({ name: 'n' }), true, true],
    ['a NoSchedule taint the pod does not tolerate', makeNode({ name: 'n', taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }), false, true],
    ['a NoExecute taint the pod does not tolerate', makeNode({ name: 'n', taints: [{ key: 'dedicated', effect: 'NoExecute' }] }), false, false],
    ['a not-ready NoExecute taint (tolerated automatically)', makeNode({ name: 'n', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }), true, true],
    ['an unschedulable taint (tolerated automatically)', makeNode({ name: 'n', taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }), true, true],
    ['a PreferNoSchedule taint', makeNode({ name: 'n', taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }), true, true],
  ])('on %s: shouldRun %s, shouldContinueRunning %s', (_name, node, shouldRun, shouldContinueRunning) => {
    expect(nodeShouldRunDaemonPod(node, ds)).toEqual({ shouldRun, shouldContinueRunning });
  });

  it('honours nodeSelector and required node affinity', () => {
    const sel = makeDaemonSet({ templateSpec: { nodeSelector: { disk: 'ssd' } } });
    expect(nodeShouldRunDaemonPod(makeNode({ labels: { disk: 'ssd' } }), sel).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(makeNode({ labels: { disk: 'hdd' } }), sel).shouldRun).toBe(false);
    const aff = makeDaemonSet({
      templateSpec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } } },
    });
    expect(nodeShouldRunDaemonPod(makeNode({ labels: { zone: 'a' } }), aff).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(makeNode({ labels: { zone: 'b' } }), aff).shouldRun).toBe(false);
  });
});

describe('daemon pods (daemonset_util.go CreatePodTemplate, ReplaceDaemonSetPodNodeNameNodeAffinity)', () => {
  it('pins the pod to its node by affinity, adds the daemon tolerations and leaves nodeName to the scheduler', () => {
    const ds = makeDaemonSet({
      name: 'agent',
      templateSpec: { hostNetwork: true, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } } },
    });
    const pod = daemonPodFor(ds, 'node-2', 'abc123');
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.metadata.generateName).toBe('agent-');
    expect(pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] },
    ]);
    expect(pod.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(pod.metadata.labels).toMatchObject({ app: 'agent', 'controller-revision-hash': 'abc123' });
  });
});

describe('DaemonSet controller', () => {
  it('creates one pod per eligible node, a ControllerRevision <ds>-<hash>, and SuccessfulCreate events', () => {
    const ds = makeDaemonSet({ name: 'agent' });
    const nodes = [makeNode({ name: 'n1' }), makeNode({ name: 'n2' }), makeNode({ name: 'n3', taints: [{ key: 'dedicated', effect: 'NoSchedule' }] })];
    const plan = daemonSetController.reconcile('default/agent', fakeContext([ds, ...nodes]));
    const pods = created(plan.writes);
    expect(pods.map(nodeOf)).toEqual(['n1', 'n2']);
    const rev = plan.writes.find((w) => w.op === 'create' && w.object.kind === 'ControllerRevision') as Extract<Write, { op: 'create' }>;
    const hash = rev.object.metadata.labels?.['controller-revision-hash'];
    expect(rev.object.metadata.name).toBe(`agent-${hash}`);
    expect(rev.object.revision).toBe(1);
    expect(pods.every((p) => p.metadata.labels?.['controller-revision-hash'] === hash)).toBe(true);
    const events = plan.writes.filter((w) => w.op === 'event').map((w) => (w as any).message);
    expect(events).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`));
    expect(statusOf(plan.writes)).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, numberUnavailable: 2 });
  });

  function running(ds: KubeObject, name: string, node: string, hash: string, readySince = 0): KubeObject {
    const pod = makePod({ name, nodeName: node, created: readySince, labels: { app: 'agent', 'controller-revision-hash': hash }, ownerReferences: [ownerRef(ds)] });
    pod.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoAt(readySince) }] };
    return pod;
  }

  it('deletes the pod of a node it no longer belongs on and counts it misscheduled until then', () => {
    const ds = makeDaemonSet({ name: 'agent', templateSpec: { nodeSelector: { role: 'edge' } } });
    const hash = computeHash(ds.spec.template);
    const nodes = [makeNode({ name: 'n1', labels: { role: 'edge' } }), makeNode({ name: 'n2' })];
    const ctx = fakeContext([ds, ...nodes, running(ds, 'agent-a', 'n1', hash), running(ds, 'agent-b', 'n2', hash)], 10_000);
    const plan = daemonSetController.reconcile('default/agent', ctx);
    expect(deleted(plan.writes)).toEqual(['agent-b']);
    expect(statusOf(plan.writes)).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1, numberReady: 1, numberAvailable: 1 });
  });

  it('rolls out with maxUnavailable 1: deletes one old pod at a time, then manage recreates it', () => {
    const ds = makeDaemonSet({ name: 'agent' });
    const nodes = [makeNode({ name: 'n1' }), makeNode({ name: 'n2' }), makeNode({ name: 'n3' })];
    const pods = ['n1', 'n2', 'n3'].map((n) => running(ds, `agent-${n}`, n, 'oldhash'));
    const plan = daemonSetController.reconcile('default/agent', fakeContext([ds, ...nodes, ...pods], 10_000));
    expect(created(plan.writes)).toHaveLength(0);
    expect(deleted(plan.writes)).toEqual(['agent-n1']);
    expect(statusOf(plan.writes)).toMatchObject({ desiredNumberScheduled: 3, updatedNumberScheduled: 0 });
    // After the deletion, manage creates the replacement and the update waits for it.
    const after = fakeContext([ds, ...nodes, ...pods.slice(1)], 11_000);
    const next = daemonSetController.reconcile('default/agent', after);
    expect(created(next.writes).map(nodeOf)).toEqual(['n1']);
    expect(deleted(next.writes)).toEqual([]);
  });

  it('leaves pods alone under OnDelete', () => {
    const ds = makeDaemonSet({ name: 'agent', updateStrategy: { type: 'OnDelete' } });
    const nodes = [makeNode({ name: 'n1' })];
    const plan = daemonSetController.reconcile('default/agent', fakeContext([ds, ...nodes, running(ds, 'agent-n1', 'n1', 'oldhash')], 10_000));
    expect(deleted(plan.writes)).toEqual([]);
    expect(created(plan.writes)).toEqual([]);
  });

  it('surges with maxSurge 1: a new pod beside the old one, the old one goes once the new is available', () => {
    const ds = makeDaemonSet({ name: 'agent', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } });
    const hash = computeHash(ds.spec.template);
    const nodes = [makeNode({ name: 'n1' }), makeNode({ name: 'n2' })];
    const old = ['n1', 'n2'].map((n) => running(ds, `agent-old-${n}`, n, 'oldhash'));
    const first = daemonSetController.reconcile('default/agent', fakeContext([ds, ...nodes, ...old], 10_000));
    expect(deleted(first.writes)).toEqual([]);
    expect(created(first.writes).map(nodeOf)).toEqual(['n1']);
    const fresh = running(ds, 'agent-new-n1', 'n1', hash, 10_000);
    const second = daemonSetController.reconcile('default/agent', fakeContext([ds, ...nodes, ...old, fresh], 20_000));
    expect(deleted(second.writes)).toEqual(['agent-old-n1']);
  });
});
