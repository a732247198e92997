// kubectl rollout status/history/pause (polymorphichelpers/rollout_status.go texts, history.go).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../engine';
import { rolloutStatus } from './commands/rollout';
import { runKubectl } from './index';
import { ctxOf, webApp } from './testing/builders';

const deploy = (status: Record<string, unknown>, generation = 2, replicas = 3): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', generation },
  spec: { replicas },
  status: { observedGeneration: 2, ...status },
});

describe('kubectl rollout', () => {
  it.each([
    [deploy({}, 3), 'Waiting for deployment spec update to be observed...', false],
    [deploy({ updatedReplicas: 1, replicas: 3 }), 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...', false],
    [deploy({ updatedReplicas: 3, replicas: 4 }), 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...', false],
    [deploy({ updatedReplicas: 3, replicas: 3, availableReplicas: 2 }), 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...', false],
    [deploy({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }), 'deployment "web" successfully rolled out', true],
  ])('reports deployment rollout status as rollout_status.go words it (%#)', (d, text, done) => {
    expect(rolloutStatus(d)).toMatchObject({ text, done });
  });

  it('prints the revision history from the ReplicaSets\' revision annotations', () => {
    const r = runKubectl('rollout history deployment/web', ctxOf(webApp(), 0));
    expect(r.stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
  });

  it('watches status until the rollout completes', () => {
    const objects = webApp();
    const r = runKubectl('rollout status deployment/web', ctxOf(objects, 0));
    expect(r.stdout).toBe('Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n');
    const d = objects.find((o) => o.kind === 'Deployment')!;
    const done = { ...d, status: { ...d.status, availableReplicas: 3 } };
    const events = [{ index: 1, t: 5000, type: 'MODIFIED' as const, kind: 'Deployment', namespace: 'default', name: 'web', resourceVersion: '9', component: 'deployment-controller', reason: '', object: done }];
    expect(r.watch!.next([events[0], events[0]])).toBe('deployment "web" successfully rolled out\n');
    expect(r.watch!.finished).toBe(true);
  });

  it('refuses to resume a deployment that is not paused', () => {
    expect(runKubectl('rollout resume deployment/web', ctxOf(webApp(), 0)).stderr).toBe('error: deployments.apps "web" is not paused\n');
  });
});
