// A rollout mid-way, as the deployment controller leaves it (rolloutRolling in
// pkg/controller/deployment/rolling.go): the new ReplicaSet scaled up to 2, the old one down to 1.
import { describe, expect, it } from 'vitest';
import { buildWorkloadsGraph, statefulSetClaimNames } from './workloadsGraph';
import { makeDeployment, makeGeneric, makePod, makePVC, makeReplicaSet, makeStatefulSet, owner, snapshotOf } from './testing/objects';

function midRollout() {
  const web = makeDeployment('web', { replicas: 3, generation: 2, status: { replicas: 3, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 } });
  const oldRs = makeReplicaSet('web-6d4cf56db6', { owner: web, revision: 1, replicas: 1, ready: 1 });
  const newRs = makeReplicaSet('web-7f9c8b5d4', { owner: web, revision: 2, replicas: 2, ready: 1 });
  const pods = [
    makePod('web-6d4cf56db6-aaaaa', { owner: oldRs, ip: '10.244.1.2' }),
    makePod('web-7f9c8b5d4-bbbbb', { owner: newRs, ip: '10.244.2.3' }),
    makePod('web-7f9c8b5d4-ccccc', { owner: newRs, state: 'running', ip: '10.244.1.4' }),
  ];
  return snapshotOf([web, oldRs, newRs, ...pods]);
}

describe('buildWorkloadsGraph', () => {
  it('draws Deployment -> two ReplicaSets -> their pods from ownerReferences mid-rollout', () => {
    const g = buildWorkloadsGraph(midRollout());
    expect(g.nodes.map((n) => n.id)).toEqual([
      'Deployment/default/web',
      'ReplicaSet/default/web-7f9c8b5d4',
      'Pod/default/web-7f9c8b5d4-bbbbb',
      'Pod/default/web-7f9c8b5d4-ccccc',
      'ReplicaSet/default/web-6d4cf56db6',
      'Pod/default/web-6d4cf56db6-aaaaa',
    ]);
    expect(g.edges.map((e) => `${e.source} -> ${e.target}`)).toEqual([
      'Deployment/default/web -> ReplicaSet/default/web-7f9c8b5d4',
      'ReplicaSet/default/web-7f9c8b5d4 -> Pod/default/web-7f9c8b5d4-bbbbb',
      'ReplicaSet/default/web-7f9c8b5d4 -> Pod/default/web-7f9c8b5d4-ccccc',
      'Deployment/default/web -> ReplicaSet/default/web-6d4cf56db6',
      'ReplicaSet/default/web-6d4cf56db6 -> Pod/default/web-6d4cf56db6-aaaaa',
    ]);
  });

  it('labels the new and old ReplicaSet with revision and counts while both have pods', () => {
    const g = buildWorkloadsGraph(midRollout());
    const edge = (target: string) => g.edges.find((e) => e.target === target)!;
    expect(edge('ReplicaSet/default/web-7f9c8b5d4')).toMatchObject({ label: 'new · 2 pods', status: 'ok' });
    expect(edge('ReplicaSet/default/web-6d4cf56db6')).toMatchObject({ label: 'old · 1 pods', status: 'progress' });
    const rs = g.nodes.find((n) => n.id === 'ReplicaSet/default/web-7f9c8b5d4')!;
    expect(rs.statusText).toBe('1/2 ready');
    expect(rs.lines).toEqual(['revision 2', 'desired 2 · current 2 · ready 1', 'new ReplicaSet: scaling up']);
  });

  it('says the deployment is rolling out in kubectl rollout status order', () => {
    const d = buildWorkloadsGraph(midRollout()).nodes[0];
    expect(d).toMatchObject({ status: 'progress', statusText: '2/3 ready' });
    // updated (2) < desired (3) comes first in rollout_status.go.
    expect(d.lines).toContain('2 of 3 new replicas updated');
  });

  it('says the rollout finished once all replicas are updated and available', () => {
    const web = makeDeployment('web', { replicas: 2, status: { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 } });
    const d = buildWorkloadsGraph(snapshotOf([web])).nodes[0];
    expect(d).toMatchObject({ status: 'ok' });
    expect(d.lines).toContain('successfully rolled out');
  });

  it('marks a crash-looping pod as an error with its waiting reason, not colour alone', () => {
    const pod = makePod('solo', { state: 'crashloop', ip: '10.244.1.9' });
    const [n] = buildWorkloadsGraph(snapshotOf([pod])).nodes;
    expect(n).toMatchObject({ id: 'Pod/default/solo', ref: 'Pod/default/solo', status: 'error', statusText: 'CrashLoopBackOff' });
    expect(n.lines).toEqual(['node-1 · 10.244.1.9']);
  });

  it('keeps node ids stable when a pod changes state between snapshots', () => {
    const a = buildWorkloadsGraph(snapshotOf([makePod('p', { state: 'pending' })]));
    const b = buildWorkloadsGraph(snapshotOf([makePod('p', { state: 'ready', ip: '10.244.1.5' })]));
    expect(a.nodes[0].id).toBe(b.nodes[0].id);
    expect([a.nodes[0].status, b.nodes[0].status]).toEqual(['warning', 'ok']);
  });

  it('shows StatefulSet ordinals and each pod\'s claim <template>-<set>-<ordinal>', () => {
    const db = makeStatefulSet('db', { replicas: 2, claimTemplates: ['data'] });
    expect(statefulSetClaimNames(db, 1)).toEqual(['data-db-1']);
    const pods = [0, 1].map((i) => makePod(`db-${i}`, { owner: db, claims: [`data-db-${i}`] }));
    const claim0 = makePVC('data-db-0', { volumeName: 'pv-0', storageClass: 'standard' });
    const g = buildWorkloadsGraph(snapshotOf([db, ...pods, claim0]));
    expect(g.nodes.find((n) => n.id === 'Pod/default/db-1')!.lines).toContain('ordinal 1');
    expect(g.nodes.find((n) => n.id === 'PersistentVolumeClaim/default/data-db-0')).toMatchObject({ statusText: 'Bound', status: 'ok' });
    expect(g.nodes.find((n) => n.id === 'PersistentVolumeClaim/default/data-db-1')).toMatchObject({ statusText: 'not created yet', status: 'warning' });
    expect(g.edges.filter((e) => e.kind === 'claims').map((e) => e.id)).toEqual([
      'claim:Pod/default/db-0->PersistentVolumeClaim/default/data-db-0',
      'claim:Pod/default/db-1->PersistentVolumeClaim/default/data-db-1',
    ]);
  });

  it('chains CronJob -> Job -> Pod and prints Job completions as succeeded/completions', () => {
    const cj = makeGeneric('batch/v1', 'CronJob', 'backup', 'default', { spec: { schedule: '*/5 * * * *' }, status: { active: [{ name: 'backup-29000000' }] } });
    const job = makeGeneric('batch/v1', 'Job', 'backup-29000000', 'default', {
      metadata: { name: 'backup-29000000', namespace: 'default', uid: 'uid-job', ownerReferences: [owner(cj)] },
      spec: { completions: 3, parallelism: 1 },
      status: { succeeded: 1 },
    });
    const pod = makePod('backup-29000000-x1', { owner: job });
    const g = buildWorkloadsGraph(snapshotOf([cj, job, pod]));
    expect(g.edges.map((e) => e.id)).toEqual(['own:CronJob/default/backup->Job/default/backup-29000000', 'own:Job/default/backup-29000000->Pod/default/backup-29000000-x1']);
    expect(g.nodes.find((n) => n.kind === 'Job')).toMatchObject({ statusText: 'Running', lines: ['completions 1/3'] });
    expect(g.nodes.find((n) => n.kind === 'CronJob')).toMatchObject({ statusText: 'active 1', status: 'progress' });
  });

  it('leaves kube-* namespaces out unless asked', () => {
    const snap = snapshotOf([makePod('coredns-1', { ns: 'kube-system' }), makePod('app')]);
    expect(buildWorkloadsGraph(snap).nodes.map((n) => n.id)).toEqual(['Pod/default/app']);
    const both = buildWorkloadsGraph(snap, { includeSystem: true });
    expect(both.nodes).toHaveLength(2);
    // With two namespaces on screen, top-level cards say which one they are in.
    expect(both.nodes[0].lines).toContain('namespace default');
    expect(buildWorkloadsGraph(snap, { namespace: 'kube-system' }).nodes.map((n) => n.id)).toEqual(['Pod/kube-system/coredns-1']);
  });
});
