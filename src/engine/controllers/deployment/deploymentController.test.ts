import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { isoAt } from '../../core/time';
import { fakeContext } from '../testing/fakeListers';
import { ownerRef } from '../testing/builders';
import { makeDeployment, makeReplicaSet } from '../testing/workloadBuilders';
import { deploymentController } from './deploymentController';
import { REVISION } from './deploymentUtil';
import type { Write } from '../types';

const statusOf = (ws: Write[]) => ws.find((w): w is Extract<Write, { op: 'updateStatus' }> => w.op === 'updateStatus')?.object.status;
const cond = (s: any, type: string) => s?.conditions?.find((c: any) => c.type === type);

function ownedRS(d: KubeObject, name: string, opts: { replicas: number; available: number; revision: number; created: number; sameTemplate?: boolean }): KubeObject {
  const rs = makeReplicaSet({ name, replicas: opts.replicas, podLabels: { app: 'web' }, created: opts.created, annotations: { [REVISION]: String(opts.revision) } });
  if (opts.sameTemplate) rs.spec.template = structuredClone(d.spec.template);
  else rs.spec.template.spec.containers[0].image = `old-${name}`;
  rs.metadata.ownerReferences = [ownerRef(d)];
  rs.status = { replicas: opts.replicas, readyReplicas: opts.available, availableReplicas: opts.available, observedGeneration: 1 };
  return rs;
}

describe('Deployment controller (deployment_controller.go, sync.go, progress.go)', () => {
  it('creates web-<hash> with revision 1 and the NewReplicaSetCreated condition', () => {
    const d = makeDeployment({ name: 'web', replicas: 2 });
    const plan = deploymentController.reconcile('default/web', fakeContext([d], 5000));
    const create = plan.writes.find((w) => w.op === 'create') as Extract<Write, { op: 'create' }>;
    const rs = create.object;
    const hash = rs.spec.template.metadata.labels['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({ [REVISION]: '1', 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3' });
    expect(rs.metadata.ownerReferences).toEqual([ownerRef(d)]);
    const update = plan.writes.find((w) => w.op === 'update') as Extract<Write, { op: 'update' }>;
    expect(update.object.metadata.annotations).toEqual({ [REVISION]: '1' });
    expect(cond(statusOf(plan.writes), 'Progressing')).toEqual({
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetCreated',
      message: `Created new replica set "web-${hash}"`,
      lastUpdateTime: isoAt(5000),
      lastTransitionTime: isoAt(5000),
    });
    expect(cond(statusOf(plan.writes), 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    // Look again when the 600 s progress deadline could have passed.
    expect(plan.requeueAfterMs).toBe(601_000);
  });

  it('reports ProgressDeadlineExceeded once progressDeadlineSeconds pass without progress', () => {
    const d = makeDeployment({ name: 'web', replicas: 1, progressDeadlineSeconds: 60, annotations: { [REVISION]: '1' } });
    const rs = ownedRS(d, 'web-abc', { replicas: 1, available: 0, revision: 1, created: 0, sameTemplate: true });
    rs.metadata.annotations = { ...rs.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': '1', 'deployment.kubernetes.io/max-replicas': '2' };
    d.status = {
      observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: 1,
      conditions: [
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: 'Created new replica set "web-abc"', lastUpdateTime: isoAt(0), lastTransitionTime: isoAt(0) },
        { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: isoAt(0), lastTransitionTime: isoAt(0) },
      ],
    };
    expect(statusOf(deploymentController.reconcile('default/web', fakeContext([d, rs], 60_000)).writes)).toBeUndefined();
    const late = statusOf(deploymentController.reconcile('default/web', fakeContext([d, rs], 61_000)).writes);
    expect(cond(late, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-abc" has timed out progressing.' });
  });

  it('marks a paused deployment with DeploymentPaused and scales without rolling out', () => {
    const d = makeDeployment({ name: 'web', replicas: 4, paused: true, annotations: { [REVISION]: '1' } });
    d.spec.template.spec.containers[0].image = 'nginx:new';
    const old = ownedRS(d, 'web-old', { replicas: 2, available: 2, revision: 1, created: 0 });
    const plan = deploymentController.reconcile('default/web', fakeContext([d, old], 1000));
    expect(plan.writes.some((w) => w.op === 'create')).toBe(false);
    const events = plan.writes.filter((w) => w.op === 'event').map((w) => (w as any).message);
    expect(events).toEqual(['Scaled up replica set web-old from 2 to 4']);
    expect(cond(statusOf(plan.writes), 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
  });

  it('deletes the oldest scaled-down sets beyond revisionHistoryLimit once the rollout is complete', () => {
    const d = makeDeployment({ name: 'web', replicas: 1, revisionHistoryLimit: 1, annotations: { [REVISION]: '3' } });
    const cur = ownedRS(d, 'web-c', { replicas: 1, available: 1, revision: 3, created: 3000, sameTemplate: true });
    cur.metadata.annotations = { ...cur.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': '1', 'deployment.kubernetes.io/max-replicas': '2' };
    const a = ownedRS(d, 'web-a', { replicas: 0, available: 0, revision: 1, created: 1000 });
    const b = ownedRS(d, 'web-b', { replicas: 0, available: 0, revision: 2, created: 2000 });
    d.status = { observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 };
    const plan = deploymentController.reconcile('default/web', fakeContext([d, a, b, cur], 1000));
    expect(plan.writes.filter((w) => w.op === 'delete').map((w) => (w as any).ref.name)).toEqual(['web-a']);
  });

  it('adopts an orphan ReplicaSet whose labels match the selector', () => {
    const d = makeDeployment({ name: 'web' });
    const orphan = makeReplicaSet({ name: 'web-orphan', podLabels: { app: 'web' } });
    orphan.metadata.labels = { app: 'web' };
    const plan = deploymentController.reconcile('default/web', fakeContext([d, orphan]));
    const adopted = plan.writes.find((w) => w.op === 'update' && w.object.kind === 'ReplicaSet') as Extract<Write, { op: 'update' }>;
    expect(adopted.object.metadata.ownerReferences).toEqual([ownerRef(d)]);
  });
});
