import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { MiniCluster } from '../testing/miniCluster';
import { makeDeployment } from '../testing/workloadBuilders';
import { deploymentController } from './deploymentController';
import { replicaSetController } from '../replicaset/replicaSetController';
import { REVISION } from './deploymentUtil';

/** Runs the controllers until nothing changes; pods become Ready as soon as they exist. */
function settle(c: MiniCluster, onDeploymentSync?: () => void, rounds = 30): void {
  let last = '';
  for (let i = 0; i < rounds; i++) {
    c.now += 1000;
    c.reconcile(deploymentController, 'default/web');
    onDeploymentSync?.();
    for (const rs of c.list('ReplicaSet')) c.reconcile(replicaSetController, `default/${rs.metadata.name}`);
    c.makePodsReady();
    c.now += 1000;
    for (const rs of c.list('ReplicaSet')) c.reconcile(replicaSetController, `default/${rs.metadata.name}`);
    const snapshot = JSON.stringify(c.objects);
    if (snapshot === last) return;
    last = snapshot;
  }
}

function changeImage(c: MiniCluster, image: string): void {
  const d = c.get('Deployment', 'web')!;
  const next: KubeObject = structuredClone(d);
  next.spec.template.spec.containers[0].image = image;
  next.metadata.generation = (d.metadata.generation ?? 1) + 1;
  c.objects = c.objects.map((o) => (o === d ? next : o));
}

function rolloutSequence(replicas: number): [number, number][] {
  const c = new MiniCluster([makeDeployment({ name: 'web', replicas, image: 'nginx:1.25' })]);
  settle(c);
  const oldName = c.list('ReplicaSet')[0].metadata.name!;
  changeImage(c, 'nginx:1.26');
  const seq: [number, number][] = [];
  settle(c, () => {
    const rss = c.list('ReplicaSet');
    const old = rss.find((r) => r.metadata.name === oldName)!;
    const neu = rss.find((r) => r.metadata.name !== oldName);
    const pair: [number, number] = [old.spec.replicas, neu?.spec.replicas ?? 0];
    const prev = seq[seq.length - 1];
    if (!prev || prev[0] !== pair[0] || prev[1] !== pair[1]) seq.push(pair);
  });
  return seq;
}

describe('RollingUpdate scenario (rolling.go)', () => {
  it('rolls 10 replicas with 25%/25% as (8,3) (8,5) (3,5) (3,10) (0,10)', () => {
    // Derivation from rolling.go, replicas 10, maxSurge 25% -> ceil(2.5) = 3, maxUnavailable
    // 25% -> floor(2.5) = 2, so at most 13 pods and at least 8 available.
    // sync 1: new RS created; NewRSNewReplicas = min(13 - 10, 10 - 0) = 3 -> new 3.
    //   reconcileOldReplicaSets: maxScaledDown = 13 - 8 - (3 - 0 available) = 2 > 0;
    //   available = 10 + 0, so scale old down by 10 - 8 = 2 -> old 8.      (8,3)
    // pods ready. sync 2: total 11 < 13 -> new += min(2, 7) = 5.            (8,5)
    // sync 3: total 13, can't scale up. maxScaledDown = 13 - 8 - 0 = 5; available 13,
    //   scale old down by 13 - 8 = 5 -> old 3.                              (3,5)
    // sync 4: total 8 -> new += min(5, 5) -> 10.                           (3,10)
    // sync 5: maxScaledDown = 13 - 8 - 0 = 5; available 13 -> old down by min(3, 5). (0,10)
    expect(rolloutSequence(10)).toEqual([
      [8, 3],
      [8, 5],
      [3, 5],
      [3, 10],
      [0, 10],
    ]);
  });

  it('rolls 3 replicas one pod at a time, as the "Updating a Deployment" docs show', () => {
    // kubernetes.io/docs/concepts/workloads/controllers/deployment: events scale the new RS to
    // 1, the old to 2, the new to 2, the old to 1, the new to 3, the old to 0 (surge 1, unavailable 0).
    expect(rolloutSequence(3)).toEqual([
      [3, 1],
      [2, 1],
      [2, 2],
      [1, 2],
      [1, 3],
      [0, 3],
    ]);
  });

  it('records ScalingReplicaSet events with upstream wording and completes the rollout', () => {
    const c = new MiniCluster([makeDeployment({ name: 'web', replicas: 3 })]);
    settle(c);
    const first = c.list('ReplicaSet')[0].metadata.name!;
    expect(first).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(c.events[0]).toEqual({ involved: 'Deployment/web', type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${first} from 0 to 3` });
    changeImage(c, 'nginx:1.26');
    settle(c);
    const second = c.list('ReplicaSet').find((r) => r.metadata.name !== first)!.metadata.name!;
    const messages = c.events.filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(messages).toContain(`Scaled down replica set ${first} from 3 to 2`);
    expect(messages).toContain(`Scaled up replica set ${second} from 0 to 1`);
    const d = c.get('Deployment', 'web')!;
    expect(d.metadata.annotations?.[REVISION]).toBe('2');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 2 });
    const progressing = d.status.conditions.find((x: any) => x.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${second}" has successfully progressed.` });
    const available = d.status.conditions.find((x: any) => x.type === 'Available');
    expect(available).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    expect(c.list('Pod')).toHaveLength(3);
    expect(c.list('Pod').every((p) => p.metadata.labels?.['pod-template-hash'] === second.slice(4))).toBe(true);
  });

  it('Recreate scales the old set to 0 before the new set appears', () => {
    const c = new MiniCluster([makeDeployment({ name: 'web', replicas: 2, strategy: { type: 'Recreate' } })]);
    settle(c);
    const first = c.list('ReplicaSet')[0].metadata.name!;
    changeImage(c, 'nginx:1.26');
    const seen: string[] = [];
    settle(c, () => seen.push(c.list('ReplicaSet').map((r) => `${r.metadata.name === first ? 'old' : 'new'}=${r.spec.replicas}`).join(',')));
    // sync 1: old -> 0 (pods still there), sync 2: no old pods left -> new RS at full size.
    expect(seen[0]).toBe('old=0');
    expect(seen[1]).toBe('old=0,new=2');
  });
});
