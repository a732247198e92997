import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { ownerRef } from '../testing/builders';
import { makeDeployment, makeReplicaSet, podTemplate } from '../testing/workloadBuilders';
import { rolloutPause, rolloutRestart, rolloutResume, rolloutUndo } from './rollout';
import { REVISION } from './deploymentUtil';

function history(): { d: KubeObject; rss: KubeObject[] } {
  const d = makeDeployment({ name: 'web', image: 'nginx:3', annotations: { [REVISION]: '3' } });
  const rs = (rev: number, image: string, extra: Record<string, string> = {}) => {
    const r = makeReplicaSet({ name: `web-${rev}`, created: rev * 1000, annotations: { [REVISION]: String(rev), ...extra } });
    r.spec.template = podTemplate({ app: 'web', 'pod-template-hash': `h${rev}` }, image);
    r.metadata.ownerReferences = [ownerRef(d)];
    return r;
  };
  return { d, rss: [rs(1, 'nginx:1', { 'kubernetes.io/change-cause': 'first' }), rs(2, 'nginx:2'), rs(3, 'nginx:3')] };
}

describe('kubectl rollout undo (polymorphichelpers/rollback.go)', () => {
  it('rolls back to the previous revision: template without pod-template-hash, annotations from the set', () => {
    const { d, rss } = history();
    const r = rolloutUndo(d, rss);
    expect(r).toMatchObject({ ok: true, changed: true, message: 'deployment.apps/web rolled back' });
    if (!r.ok) return;
    expect(r.object.spec.template).toEqual(podTemplate({ app: 'web' }, 'nginx:2'));
    expect(r.object.metadata.annotations).toEqual({ [REVISION]: '3' });
  });

  it('rolls back to a named revision and copies its change-cause', () => {
    const { d, rss } = history();
    const r = rolloutUndo(d, rss, 1);
    if (!r.ok) throw new Error(r.error);
    expect(r.object.spec.template.spec.containers[0].image).toBe('nginx:1');
    expect(r.object.metadata.annotations).toEqual({ [REVISION]: '3', 'kubernetes.io/change-cause': 'first' });
  });

  it('answers in kubectl words for a missing revision, no history, a paused deployment and a no-op', () => {
    const { d, rss } = history();
    expect(rolloutUndo(d, rss, 7)).toEqual({ ok: false, error: 'error: unable to find specified revision 7 in history' });
    expect(rolloutUndo(d, [rss[2]])).toEqual({ ok: false, error: 'error: no rollout history found for deployment "web"' });
    const paused = { ...d, spec: { ...d.spec, paused: true } };
    expect(rolloutUndo(paused, rss)).toEqual({
      ok: false,
      error: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again",
    });
    expect(rolloutUndo(d, rss, 3)).toMatchObject({ ok: true, changed: false, message: 'deployment.apps/web skipped rollback (current template already matches revision 3)' });
  });
});

describe('kubectl rollout restart / pause / resume', () => {
  it('stamps kubectl.kubernetes.io/restartedAt on the pod template', () => {
    const d = makeDeployment({ name: 'web' });
    const r = rolloutRestart(d, '2026-01-01T00:05:00Z');
    if (!r.ok) throw new Error(r.error);
    expect(r.object.spec.template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:05:00Z' });
    expect(r.message).toBe('deployment.apps/web restarted');
  });

  it('refuses to restart a paused deployment, to pause twice, and to resume a running one', () => {
    const d = makeDeployment({ name: 'web' });
    const p = rolloutPause(d);
    if (!p.ok) throw new Error(p.error);
    expect(p.object.spec.paused).toBe(true);
    expect(rolloutRestart(p.object, 'x')).toEqual({ ok: false, error: `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)` });
    expect(rolloutPause(p.object)).toEqual({ ok: false, error: 'error: deployments.apps "web" is already paused' });
    const r = rolloutResume(p.object);
    if (!r.ok) throw new Error(r.error);
    expect(r.object.spec.paused).toBeUndefined();
    expect(rolloutResume(d)).toEqual({ ok: false, error: 'error: deployments.apps "web" is not paused' });
  });
});
