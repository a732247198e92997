import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { applyPlan, type RecordedEvent } from '../testing/applyPlan';
import { makeNode, makeObject, makePod } from '../testing/builders';
import { nodeLifecycleController, NODE_MONITOR_GRACE_PERIOD_MS } from './nodeLifecycleController';
import { defaultTolerationSecondsTolerations, minTolerationSeconds, toleratesTaint } from './taints';
import { cordon, planDrain, uncordon } from './drain';
import { isoAt } from '../../core/time';

const lease = (node: string, renew: number) =>
  makeObject('coordination.k8s.io/v1', 'Lease', { name: node, namespace: 'kube-node-lease', spec: { holderIdentity: node, leaseDurationSeconds: 40, renewTime: isoAt(renew) } });

function healthyNode(): KubeObject {
  const n = makeNode({ name: 'node-1' });
  n.status.conditions = [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', lastHeartbeatTime: isoAt(0), lastTransitionTime: isoAt(0) },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', lastHeartbeatTime: isoAt(0), lastTransitionTime: isoAt(0) },
    { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', lastHeartbeatTime: isoAt(0), lastTransitionTime: isoAt(0) },
    { type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatTime: isoAt(0), lastTransitionTime: isoAt(0) },
  ];
  return n;
}

const withDefaults = (pod: KubeObject) => ({ ...pod, spec: { ...pod.spec, tolerations: defaultTolerationSecondsTolerations(pod) } });

function sync(objects: KubeObject[], now: number, events: RecordedEvent[] = []) {
  const plan = nodeLifecycleController.reconcile('node-1', fakeContext(objects, now));
  applyPlan(objects, plan, now, events);
  return plan;
}

describe('node lifecycle controller', () => {
  it('leaves a node with a fresh lease alone and checks again when the grace period would run out', () => {
    const objects = [healthyNode(), lease('node-1', 30_000)];
    const plan = sync(objects, 40_000);
    expect(plan.writes).toEqual([]);
    expect(plan.requeueAfterMs).toBe(30_000 + NODE_MONITOR_GRACE_PERIOD_MS - 40_000 + 1);
  });

  // node_lifecycle_controller_test.go TestMonitorNodeHealthUpdateStatus "node stopped posting status".
  it('sets every condition Unknown and taints the node unreachable after 50s without a lease renewal', () => {
    const objects = [healthyNode(), lease('node-1', 10_000)];
    const events: RecordedEvent[] = [];
    sync(objects, 60_001, events);
    const node = objects[0];
    for (const c of node.status.conditions) {
      expect(c).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: isoAt(60_001) });
    }
    expect(node.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: isoAt(60_001) },
    ]);
    expect(events[0]).toMatchObject({ reason: 'NodeNotReady', message: 'Node node-1 status is now: NodeNotReady' });
  });

  it('does not act before the grace period is over', () => {
    const objects = [healthyNode(), lease('node-1', 10_000)];
    expect(sync(objects, 60_000).writes).toEqual([]);
  });

  it('taints a node whose kubelet reports Ready=False as not-ready', () => {
    const node = healthyNode();
    node.status.conditions[3] = { ...node.status.conditions[3], status: 'False', reason: 'KubeletNotReady' };
    const objects = [node, lease('node-1', 100_000)];
    sync(objects, 100_000);
    expect(objects[0].spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  });

  it('adds the unschedulable taint to a cordoned node and removes it on uncordon', () => {
    const objects = [cordon(healthyNode()), lease('node-1', 0)];
    sync(objects, 1000);
    expect(objects[0].spec).toEqual({ unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] });
    objects[0] = uncordon(objects[0]);
    sync(objects, 2000);
    expect(objects[0].spec).toEqual({});
  });

  // taint_eviction_test.go TestCreatePod / TestUpdateNode: pods with tolerationSeconds go after that time.
  it('evicts pods that tolerate the NoExecute taint for 300s only after 300s, and intolerant pods at once', () => {
    const node = healthyNode();
    const tolerant = withDefaults(makePod({ name: 'web', nodeName: 'node-1', ready: true }));
    const forever = makePod({ name: 'ds', nodeName: 'node-1', tolerations: [{ operator: 'Exists' }] });
    const intolerant = makePod({ name: 'bare', nodeName: 'node-1' });
    const objects = [node, lease('node-1', 0), tolerant, forever, intolerant];
    const events: RecordedEvent[] = [];
    const first = sync(objects, 51_000, events);
    expect(events.filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message)).toEqual(['Marking for deletion Pod default/bare']);
    expect(objects.some((o) => o.metadata.name === 'bare')).toBe(false);
    expect(first.requeueAfterMs).toBe(300_000);
    // The tolerant pod was marked not ready when the node went Unknown.
    expect(objects.find((o) => o.metadata.name === 'web')!.status.conditions[0]).toMatchObject({ type: 'Ready', status: 'False' });
    sync(objects, 51_000 + 299_999, events);
    expect(objects.some((o) => o.metadata.name === 'web')).toBe(true);
    sync(objects, 51_000 + 300_000, events);
    expect(objects.some((o) => o.metadata.name === 'web')).toBe(false);
    expect(objects.some((o) => o.metadata.name === 'ds')).toBe(true);
  });

  // toleration_test.go TestTolerationToleratesTaint.
  it.each([
    [{ key: 'foo', operator: 'Exists', effect: 'NoExecute' }, { key: 'foo', effect: 'NoExecute' }, true],
    [{ key: 'foo', operator: 'Equal', value: 'bar' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }, true],
    [{ key: 'foo', operator: 'Equal', value: 'bar' }, { key: 'foo', value: 'baz', effect: 'NoSchedule' }, false],
    [{ operator: 'Exists' }, { key: 'anything', effect: 'NoExecute' }, true],
    [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }, { key: 'foo', effect: 'NoExecute' }, false],
  ])('toleration %j vs taint %j -> %s', (tol, taint, expected) => {
    expect(toleratesTaint(tol, taint)).toBe(expected);
  });

  it('uses the smallest tolerationSeconds of the matching tolerations', () => {
    const pod = makePod({ tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 100 }, { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }] });
    expect(minTolerationSeconds(pod, [{ key: 'a', effect: 'NoExecute' }])).toBe(30);
  });
});

describe('drain planning', () => {
  const ds = makeObject('apps/v1', 'DaemonSet', { name: 'kube-proxy', uid: 'ds', namespace: 'kube-system' });
  const rs = makeObject('apps/v1', 'ReplicaSet', { name: 'web-1', uid: 'rs' });
  const owned = (owner: KubeObject, name: string) => makePod({ name, namespace: owner.metadata.namespace, nodeName: 'node-1', ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true }] });

  // kubectl drain_test.go TestDrain "DS-managed pod" / "orphaned pod" / "mirror pod".
  it('evicts managed pods, refuses DaemonSet pods and bare pods without the flags', () => {
    const mirror = makePod({ name: 'etcd-node-1', namespace: 'kube-system', annotations: { 'kubernetes.io/config.mirror': 'x' } });
    const bare = makePod({ name: 'bare' });
    const plan = planDrain([owned(ds, 'kube-proxy-x'), owned(rs, 'web-1-a'), bare, mirror]);
    expect(plan.evict.map((p) => p.metadata.name)).toEqual(['web-1-a']);
    expect(plan.errors).toEqual([
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-x',
      'cannot delete Pods declare no controller (use --force to override): default/bare',
    ]);
  });

  it('skips DaemonSet pods with a warning under --ignore-daemonsets and deletes bare pods with --force', () => {
    const plan = planDrain([owned(ds, 'kube-proxy-x'), makePod({ name: 'bare' })], { ignoreDaemonSets: true, force: true });
    expect(plan.errors).toEqual([]);
    expect(plan.evict.map((p) => p.metadata.name)).toEqual(['bare']);
    expect(plan.warnings).toEqual(['ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x', 'deleting Pods that declare no controller: default/bare']);
  });
});
