import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { applyPlan } from '../testing/applyPlan';
import { makeObject, makePod } from '../testing/builders';
import { defaultNamespace, markNamespaceTerminating, namespaceController } from './namespaceController';
import { serviceAccountController } from '../serviceaccount/serviceAccountController';

const ns = (name = 'team') => defaultNamespace(makeObject('v1', 'Namespace', { name, namespaced: false }));

describe('namespace controller', () => {
  it('defaults a new namespace to the kubernetes finalizer and phase Active', () => {
    expect(ns().spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns().status).toEqual({ phase: 'Active' });
  });

  it('marks a deleted namespace Terminating', () => {
    const t = markNamespaceTerminating(ns(), 5000);
    expect(t.status.phase).toBe('Terminating');
    expect(t.metadata.deletionTimestamp).toBeDefined();
  });

  it('does nothing for an active namespace', () => {
    expect(namespaceController.reconcile('team', fakeContext([ns(), makePod({ namespace: 'team' })])).writes).toEqual([]);
  });

  // namespaced_resources_deleter_test.go TestUpdateNamespaceStatus / e2e namespace.go "should ensure that all pods are removed".
  it('deletes the content, reports what remains, then removes the kubernetes finalizer', () => {
    const objects: KubeObject[] = [
      markNamespaceTerminating(ns(), 0),
      makePod({ name: 'a', namespace: 'team' }),
      makePod({ name: 'b', namespace: 'team', finalizers: ['example.com/keep'] }),
      makeObject('v1', 'ConfigMap', { name: 'cfg', namespace: 'team' }),
      makePod({ name: 'other', namespace: 'default' }),
    ];
    const first = namespaceController.reconcile('team', fakeContext(objects, 1000));
    expect(first.writes.filter((w) => w.op === 'delete').map((w) => (w.op === 'delete' ? `${w.ref.kind}/${w.ref.name}` : ''))).toEqual(['Pod/a', 'Pod/b', 'ConfigMap/cfg']);
    const status = (first.writes[0] as { object: KubeObject }).object.status;
    const remaining = status.conditions.find((c: { type: string }) => c.type === 'NamespaceContentRemaining');
    expect(remaining).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 1 resource instances' });
    const fins = status.conditions.find((c: { type: string }) => c.type === 'NamespaceFinalizersRemaining');
    expect(fins.message).toBe('Some content in the namespace has finalizers remaining: example.com/keep in 1 resource instances');
    // Apply only the content deletions: the fake store would drop a Namespace whose metadata
    // has no finalizers, while the real one keeps it for spec.finalizers.
    applyPlan(objects, { writes: first.writes.filter((w) => w.op === 'delete') }, 1000);
    // The pod with a finalizer is still there: the namespace keeps its finalizer.
    const second = namespaceController.reconcile('team', fakeContext(objects, 2000));
    expect(second.writes.some((w) => w.op === 'update')).toBe(false);
    objects.splice(objects.findIndex((o) => o.metadata.name === 'b'), 1);
    const last = namespaceController.reconcile('team', fakeContext(objects, 3000));
    const finalize = last.writes.find((w) => w.op === 'update') as { object: KubeObject };
    expect(finalize.object.spec.finalizers).toEqual([]);
    expect(objects.some((o) => o.metadata.name === 'other')).toBe(true);
  });
});

describe('serviceaccount controller', () => {
  it('creates the default ServiceAccount in a namespace that lacks one', () => {
    const plan = serviceAccountController.reconcile('team', fakeContext([ns()]));
    expect(plan.writes).toEqual([
      { op: 'create', object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'team' } }, reason: 'ServiceAccountCreated' },
    ]);
  });

  it('leaves namespaces that have one, and terminating ones, alone', () => {
    const sa = makeObject('v1', 'ServiceAccount', { name: 'default', namespace: 'team' });
    expect(serviceAccountController.reconcile('team', fakeContext([ns(), sa])).writes).toEqual([]);
    expect(serviceAccountController.reconcile('team', fakeContext([markNamespaceTerminating(ns(), 0)])).writes).toEqual([]);
  });
});
