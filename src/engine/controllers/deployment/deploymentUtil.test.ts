import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { makeDeployment, makeReplicaSet } from '../testing/workloadBuilders';
import { DeploymentSync } from './deploymentSync';
import { DESIRED_REPLICAS, MAX_REPLICAS, maxSurge, maxUnavailable, resolveFenceposts, setNewReplicaSetAnnotations, REVISION, REVISION_HISTORY } from './deploymentUtil';

describe('ResolveFenceposts (deployment_util.go)', () => {
  it.each([
    [10, '25%', '25%', 3, 2],
    [3, '25%', '25%', 1, 0],
    [1, '25%', '25%', 1, 0],
    [10, 2, 0, 2, 0],
    [10, '0%', '0%', 0, 1],
    [5, '10%', '10%', 1, 0],
  ])('%i replicas, maxSurge %s, maxUnavailable %s -> surge %i, unavailable %i', (replicas, s, un, surge, unavailable) => {
    const d = makeDeployment({ replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: s, maxUnavailable: un } } });
    expect(resolveFenceposts(d)).toEqual({ surge, unavailable });
  });

  it('has no surge and no unavailability budget for Recreate', () => {
    const d = makeDeployment({ replicas: 4, strategy: { type: 'Recreate' } });
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([0, 0]);
  });
});

// pkg/controller/deployment/sync_test.go TestScale: newDeployment() there has maxSurge and
// maxUnavailable 0 unless given; every set carries the old Deployment's replica annotations.
function scaleCase(replicas: number, oldReplicas: number, newRS: [string, number] | null, olds: [string, number][], surge = 0, oldSurge = 0) {
  const d = makeDeployment({ name: 'foo', replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: 0 } } });
  d.spec.template.spec.containers[0].image = 'new';
  const annotate = (rs: KubeObject) => {
    rs.metadata.annotations = { [DESIRED_REPLICAS]: String(oldReplicas), [MAX_REPLICAS]: String(oldReplicas + oldSurge) };
    rs.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'foo', uid: d.metadata.uid!, controller: true }];
    return rs;
  };
  const sets: KubeObject[] = [];
  // Older sets are created first (foo-v1 oldest), the new set last.
  const ordered = [...olds].reverse();
  ordered.forEach(([name, n], i) => sets.push(annotate(makeReplicaSet({ name, replicas: n, podLabels: { app: 'foo' }, image: `old${i}`, created: i * 1000 }))));
  let neu: KubeObject | undefined;
  if (newRS) {
    neu = annotate(makeReplicaSet({ name: newRS[0], replicas: newRS[1], podLabels: { app: 'foo' }, image: 'new', created: 100000 }));
    neu.spec.template = structuredClone(d.spec.template);
    sets.push(neu);
  }
  const s = new DeploymentSync(d, sets, { now: 0 });
  s.scale(neu, sets.filter((r) => r !== neu));
  return Object.fromEntries(sets.map((rs) => [rs.metadata.name, s.latest(rs).spec.replicas]));
}

describe('proportional scaling (sync.go scale, sync_test.go TestScale)', () => {
  it('5 -> 10 grows 2+3 into 4+6', () => {
    expect(scaleCase(10, 5, ['foo-v2', 2], [['foo-v1', 3]])).toEqual({ 'foo-v2': 4, 'foo-v1': 6 });
  });
  it('5 -> 3 shrinks 2+3 into 1+2', () => {
    expect(scaleCase(3, 5, ['foo-v2', 2], [['foo-v1', 3]])).toEqual({ 'foo-v2': 1, 'foo-v1': 2 });
  });
  it('9 -> 4 shrinks 8+1 into 4+0', () => {
    expect(scaleCase(4, 9, ['foo-v2', 8], [['foo-v1', 1]])).toEqual({ 'foo-v2': 4, 'foo-v1': 0 });
  });
  it('7 -> 10 over three sets', () => {
    expect(scaleCase(10, 7, ['foo-v3', 2], [['foo-v2', 3], ['foo-v1', 2]])).toEqual({ 'foo-v3': 3, 'foo-v2': 4, 'foo-v1': 3 });
  });
  it('13 -> 8 over three sets', () => {
    expect(scaleCase(8, 13, ['foo-v3', 2], [['foo-v2', 8], ['foo-v1', 3]])).toEqual({ 'foo-v3': 1, 'foo-v2': 5, 'foo-v1': 2 });
  });
  it('3 -> 4 gives the leftover to the newest set', () => {
    expect(scaleCase(4, 3, ['foo-v3', 1], [['foo-v2', 1], ['foo-v1', 1]])).toEqual({ 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 });
  });
  it('3 -> 2 takes the leftover from the oldest set', () => {
    expect(scaleCase(2, 3, ['foo-v3', 1], [['foo-v2', 1], ['foo-v1', 1]])).toEqual({ 'foo-v3': 1, 'foo-v2': 1, 'foo-v1': 0 });
  });
  it('4 -> 5 without a new set scales the latest set first', () => {
    expect(scaleCase(5, 4, null, [['foo-v2', 2], ['foo-v1', 2]])).toEqual({ 'foo-v2': 3, 'foo-v1': 2 });
  });
  it('6 -> 0 scales every set to zero', () => {
    expect(scaleCase(0, 6, ['foo-v3', 3], [['foo-v2', 2], ['foo-v1', 1]])).toEqual({ 'foo-v3': 0, 'foo-v2': 0, 'foo-v1': 0 });
  });
  it('0 -> 6 scales only the new set', () => {
    expect(scaleCase(6, 0, ['foo-v3', 0], [['foo-v2', 0], ['foo-v1', 0]])).toEqual({ 'foo-v3': 6, 'foo-v2': 0, 'foo-v1': 0 });
  });
  it('counts surge pods: 10 (surge 2) -> 20 (surge 2)', () => {
    expect(scaleCase(20, 10, ['foo-v2', 6], [['foo-v1', 6]], 2, 2)).toEqual({ 'foo-v2': 11, 'foo-v1': 11 });
  });
  it('changes both surge and size: 10 (surge 3) -> 50 (surge 6)', () => {
    expect(scaleCase(50, 10, ['foo-v2', 5], [['foo-v1', 8]], 6, 3)).toEqual({ 'foo-v2': 22, 'foo-v1': 34 });
  });
});

describe('SetNewReplicaSetAnnotations', () => {
  it('raises the revision of a rolled-back-to set and keeps its old revision in revision-history', () => {
    const d = makeDeployment({ annotations: { team: 'a', [REVISION]: '3' } });
    const rs = makeReplicaSet({ annotations: { [REVISION]: '1' } });
    expect(setNewReplicaSetAnnotations(d, rs, 4, true)).toBe(true);
    expect(rs.metadata.annotations).toEqual({ team: 'a', [REVISION]: '4', [REVISION_HISTORY]: '1' });
    expect(setNewReplicaSetAnnotations(d, rs, 6, true)).toBe(true);
    expect(rs.metadata.annotations?.[REVISION_HISTORY]).toBe('1,4');
  });

  it('adds desired-replicas and max-replicas to a set about to be created', () => {
    const d = makeDeployment({ replicas: 10 });
    const rs = makeReplicaSet({});
    setNewReplicaSetAnnotations(d, rs, 1, false);
    expect(rs.metadata.annotations).toEqual({ [REVISION]: '1', [DESIRED_REPLICAS]: '10', [MAX_REPLICAS]: '13' });
  });
});
