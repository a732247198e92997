import { describe, expect, it } from 'vitest';
import { fakeListers } from '../testing/fakeListers';
import { makeObject, makePod, ownerRef } from '../testing/builders';
import { watchEvent } from '../testing/watchEvent';
import { garbageCollector } from './garbageCollector';
import { jobController } from '../job/jobController';
import { endpointSliceController } from '../endpoints/endpointSliceController';
import { namespaceController } from '../namespace/namespaceController';

describe('which keys a watch event enqueues', () => {
  const rs = makeObject('apps/v1', 'ReplicaSet', { name: 'web-1', uid: 'rs-uid' });
  const pod = makePod({ name: 'web-1-a', ownerReferences: [ownerRef(rs)] });

  it('garbage collector: an owner deleted enqueues its dependents', () => {
    expect(garbageCollector.keysFor(watchEvent('DELETED', rs), fakeListers([pod]))).toEqual(['Pod/default/web-1-a']);
  });

  it('garbage collector: a dependent whose owner is missing enqueues itself; one with a live owner does not', () => {
    expect(garbageCollector.keysFor(watchEvent('ADDED', pod), fakeListers([pod]))).toEqual(['Pod/default/web-1-a']);
    expect(garbageCollector.keysFor(watchEvent('MODIFIED', pod), fakeListers([rs, pod]))).toEqual([]);
  });

  it('job controller: a pod of a deleted job is enqueued to release its tracking finalizer', () => {
    const job = makeObject('batch/v1', 'Job', { name: 'pi', uid: 'job-uid' });
    const jobPod = makePod({ name: 'pi-x', ownerReferences: [ownerRef(job)], finalizers: ['batch.kubernetes.io/job-tracking'] });
    expect(jobController.keysFor(watchEvent('MODIFIED', jobPod), fakeListers([job, jobPod]))).toEqual(['default/pi']);
    expect(jobController.keysFor(watchEvent('MODIFIED', jobPod), fakeListers([jobPod]))).toEqual(['orphan-pod:default/pi-x']);
  });

  it('endpointslice controller: a pod that left a Service (labels changed) still enqueues it', () => {
    const svc = makeObject('v1', 'Service', { name: 'web', spec: { selector: { app: 'web' } } });
    const moved = makePod({ name: 'p', uid: 'p-uid', labels: { app: 'other' } });
    const slice = {
      ...makeObject('discovery.k8s.io/v1', 'EndpointSlice', { name: 'web-abcde', labels: { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } }),
      endpoints: [{ addresses: ['10.0.0.1'], targetRef: { kind: 'Pod', namespace: 'default', name: 'p', uid: 'p-uid' } }],
    };
    expect(endpointSliceController.keysFor(watchEvent('MODIFIED', moved), fakeListers([svc, moved, slice]))).toEqual(['default/web']);
  });

  it('namespace controller: deletions only concern terminating namespaces', () => {
    const active = makeObject('v1', 'Namespace', { name: 'default', namespaced: false });
    const gone = makePod({ name: 'p' });
    expect(namespaceController.keysFor(watchEvent('DELETED', gone), fakeListers([active]))).toEqual([]);
    const terminating = makeObject('v1', 'Namespace', { name: 'default', namespaced: false, deleted: 0 });
    expect(namespaceController.keysFor(watchEvent('DELETED', gone), fakeListers([terminating]))).toEqual(['default']);
  });
});
