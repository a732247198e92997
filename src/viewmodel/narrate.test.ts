import { describe, expect, it } from 'vitest';
import { narrate } from './narrate';
import type { WatchEvent } from '../engine';

const ev = (over: Partial<WatchEvent>): WatchEvent => ({ index: 0, t: 0, type: 'ADDED', kind: 'Pod', namespace: 'default', name: 'web-1', resourceVersion: '1', component: 'kubectl', reason: 'Create', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1' } }, ...over });

describe('narrate', () => {
  it('says which node the scheduler bound a pod to', () => {
    const n = narrate(ev({ type: 'MODIFIED', component: 'default-scheduler', reason: 'Scheduled', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1' }, spec: { nodeName: 'node-2' } } }));
    expect(n).toEqual({ key: 'narrate.bound', params: expect.objectContaining({ name: 'default/web-1', node: 'node-2' }) });
  });

  it('reports a kubelet status write with the pod phase and readiness', () => {
    const n = narrate(ev({ type: 'MODIFIED', component: 'kubelet/node-1', reason: 'PodStatus', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } } }));
    expect(n.key).toBe('narrate.kubeletStatus');
    expect(n.params.state).toBe('Running, Ready');
    expect(n.params.node).toBe('node-1');
  });

  it('reads out a Kubernetes Event as its reason and message about the involved object', () => {
    const n = narrate(ev({ kind: 'Event', component: 'kubelet/node-1', object: { apiVersion: 'v1', kind: 'Event', metadata: { name: 'x' }, reason: 'Pulled', message: 'Container image "nginx" already present on machine', involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-1' } } }));
    expect(n).toEqual({ key: 'narrate.event', params: expect.objectContaining({ reason: 'Pulled', object: 'Pod default/web-1', message: 'Container image "nginx" already present on machine' }) });
  });

  it('names the writer of a created object and the reason for other writes', () => {
    expect(narrate(ev({ component: 'replicaset-controller', reason: 'SuccessfulCreate' }))).toEqual({ key: 'narrate.created', params: expect.objectContaining({ who: 'replicaset-controller', kind: 'Pod' }) });
    expect(narrate(ev({ type: 'MODIFIED', kind: 'Deployment', component: 'deployment-controller', reason: 'StatusUpdate' })).key).toBe('narrate.updated');
  });
});
