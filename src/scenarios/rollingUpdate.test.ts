// Scenario: rolling update of a Deployment and its rollback, through the real engine.
// Upstream: pkg/controller/deployment/rolling.go (reconcileNewReplicaSet / reconcileOldReplicaSets),
// sync.go (scaleReplicaSet's "Scaled %s replica set %s from %d to %d" event, getNewReplicaSet),
// util/deployment_util.go (SetNewReplicaSetAnnotations: revision and revision-history) and
// kubectl's rollback.go (undo copies the old template back, "rolled back").
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import type { KubeObject } from '../engine/api/types';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const MANIFEST = readFileSync(new URL('./fixtures/web-deployment.yaml', import.meta.url), 'utf8');
const WEB = { kind: 'Deployment', namespace: 'default', name: 'web' };
const REVISION = 'deployment.kubernetes.io/revision';

function rollout() {
  const sim = Simulation.load(MANIFEST, {
    seed: 1,
    actions: [
      { at: 30_000, action: { type: 'set-image', target: WEB, container: 'nginx', image: 'nginx:1.28' } },
      { at: 120_000, action: { type: 'rollout-undo', target: WEB } },
    ],
  });
  sim.run({ until: 240_000 });
  return sim;
}

const sim = rollout();
const replicaSets = (): KubeObject[] => (sim.snapshot().objects.ReplicaSet ?? []).filter((rs) => rs.metadata.name?.startsWith('web-'));
const rsOfImage = (image: string) => replicaSets().find((rs) => rs.spec.template.spec.containers[0].image === image)!;

/** spec.replicas of one ReplicaSet each time the watch stream shows it change. */
function replicaHistory(name: string): number[] {
  const out: number[] = [];
  for (const e of sim.events()) {
    if (e.kind !== 'ReplicaSet' || e.name !== name || e.type === 'DELETED') continue;
    const n = e.object.spec.replicas as number;
    if (out.at(-1) !== n) out.push(n);
  }
  return out;
}

describe('Deployment rolling update and rollback', () => {
  it('reports kubectl set image and rollout undo as kubectl does', () => {
    // kubectl set image prints "<resource> image updated"; rollout undo prints "<resource> rolled back".
    expect(sim.actionLog().map((a) => a.result)).toEqual([
      { ok: true, message: 'deployment.apps/web image updated' },
      { ok: true, message: 'deployment.apps/web rolled back' },
    ]);
  });

  it('gives the new ReplicaSet revision 2, then moves the rolled-back one to revision 3 with revision-history "1"', () => {
    const first = rsOfImage('nginx:1.27');
    const second = rsOfImage('nginx:1.28');
    expect(replicaSets()).toHaveLength(2);
    // Rollback re-uses the old ReplicaSet (same template hash) and bumps it to max+1 = 3;
    // SetNewReplicaSetAnnotations records the revision it had in revision-history.
    expect(first.metadata.annotations?.[REVISION]).toBe('3');
    expect(first.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(second.metadata.annotations?.[REVISION]).toBe('2');
    const deploy = sim.snapshot().objects.Deployment!.find((d) => d.metadata.name === 'web')!;
    expect(deploy.metadata.annotations?.[REVISION]).toBe('3');
    expect(deploy.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(first.spec.replicas).toBe(3);
    expect(second.spec.replicas).toBe(0);
  });

  it('moves replicas one at a time (maxSurge 1, maxUnavailable 0 for 3 replicas), as the watch stream shows', () => {
    // 25% of 3: maxSurge rounds up to 1, maxUnavailable rounds down to 0 (ResolveFenceposts).
    const first = rsOfImage('nginx:1.27').metadata.name!;
    const second = rsOfImage('nginx:1.28').metadata.name!;
    expect(replicaHistory(first)).toEqual([3, 2, 1, 0, 1, 2, 3]);
    expect(replicaHistory(second)).toEqual([1, 2, 3, 2, 1, 0]);
  });

  it('records each step as a ScalingReplicaSet event with upstream message text, in order', () => {
    const first = rsOfImage('nginx:1.27').metadata.name!;
    const second = rsOfImage('nginx:1.28').metadata.name!;
    const messages = (sim.snapshot().objects.Event ?? [])
      .filter((e) => e.reason === 'ScalingReplicaSet' && involved(e)?.name === 'web')
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((e) => e.message);
    expect(messages).toEqual([
      `Scaled up replica set ${first} from 0 to 3`,
      `Scaled up replica set ${second} from 0 to 1`,
      `Scaled down replica set ${first} from 3 to 2`,
      `Scaled up replica set ${second} from 1 to 2`,
      `Scaled down replica set ${first} from 2 to 1`,
      `Scaled up replica set ${second} from 2 to 3`,
      `Scaled down replica set ${first} from 1 to 0`,
      `Scaled up replica set ${first} from 0 to 1`,
      `Scaled down replica set ${second} from 3 to 2`,
      `Scaled up replica set ${first} from 1 to 2`,
      `Scaled down replica set ${second} from 2 to 1`,
      `Scaled up replica set ${first} from 2 to 3`,
      `Scaled down replica set ${second} from 1 to 0`,
    ]);
  });

  it('ends with three Running pods of the first ReplicaSet, each named after its pod-template-hash', () => {
    const first = rsOfImage('nginx:1.27');
    const hash = first.metadata.labels?.['pod-template-hash'];
    expect(first.metadata.name).toBe(`web-${hash}`);
    const pods = (sim.snapshot().objects.Pod ?? []).filter((p) => p.metadata.namespace === 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.spec.containers[0].image).toBe('nginx:1.27');
      expect(p.status.phase).toBe('Running');
    }
  });
});
