import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { applyPlan, type RecordedEvent } from '../testing/applyPlan';
import { makeNode, makeObject } from '../testing/builders';
import { persistentVolumeBinder } from './pvBinder';
import { findBestMatchForClaim } from './matching';

const pv = (name: string, size: string, extra: Record<string, unknown> = {}, status: Record<string, unknown> = { phase: 'Available' }) =>
  makeObject('v1', 'PersistentVolume', { name, namespaced: false, spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: `/data/${name}` }, ...extra }, status });
const pvc = (spec: Record<string, unknown> = {}, annotations?: Record<string, string>) =>
  makeObject('v1', 'PersistentVolumeClaim', { name: 'data', uid: 'claim-uid', annotations, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } }, storageClassName: '', ...spec }, status: { phase: 'Pending' } });
const sc = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({ ...makeObject('storage.k8s.io/v1', 'StorageClass', { name, namespaced: false }), ...extra });

function sync(objects: KubeObject[], key: string, events: RecordedEvent[] = []) {
  const plan = persistentVolumeBinder.reconcile(key, fakeContext(objects));
  applyPlan(objects, plan, 0, events);
  return plan;
}

describe('persistent volume matching (index_test.go TestMatchVolume)', () => {
  const volumes = [pv('small', '1Gi'), pv('medium', '10Gi'), pv('large', '100Gi'), pv('rwx', '5Gi', { accessModes: ['ReadWriteOnce', 'ReadWriteMany'] }), pv('gold', '5Gi', { storageClassName: 'gold' })];
  it.each([
    ['the smallest volume that is big enough', {}, 'medium'],
    ['a volume with the requested access modes', { accessModes: ['ReadWriteMany'] }, 'rwx'],
    ['only volumes of the same class', { storageClassName: 'gold' }, 'gold'],
    ['nothing when too big', { resources: { requests: { storage: '1Ti' } } }, undefined],
    ['by selector', { selector: { matchLabels: { tier: 'x' } } }, undefined],
    ['block mode only from block volumes', { volumeMode: 'Block' }, undefined],
  ])('finds %s', (_n, spec, expected) => {
    expect(findBestMatchForClaim(pvc(spec), volumes, false)?.metadata.name).toBe(expected);
  });

  it('prefers a volume pre-bound to the claim', () => {
    const prebound = pv('mine', '50Gi', { claimRef: { namespace: 'default', name: 'data' } });
    expect(findBestMatchForClaim(pvc(), [...volumes, prebound], false)?.metadata.name).toBe('mine');
  });
});

describe('persistentvolume-binder', () => {
  it('binds a claim to a static volume: claimRef, volumeName, annotations and phases', () => {
    const objects = [pv('pv-a', '10Gi'), pvc()];
    sync(objects, 'pvc:default/data');
    const [vol, claim] = objects;
    expect(vol.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: 'claim-uid' });
    expect(vol.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(vol.status.phase).toBe('Bound');
    expect(claim.spec.volumeName).toBe('pv-a');
    expect(claim.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } });
  });

  it('reports FailedBinding when nothing fits and no class is set', () => {
    const events: RecordedEvent[] = [];
    sync([pvc()], 'pvc:default/data', events);
    expect(events).toEqual([{ kind: 'PersistentVolumeClaim', name: 'data', type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set' }]);
  });

  it('provisions pvc-<uid> through the StorageClass and then binds it', () => {
    const objects = [sc('standard', { provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete' }), pvc({ storageClassName: 'standard' })];
    const events: RecordedEvent[] = [];
    sync(objects, 'pvc:default/data', events);
    const vol = objects.find((o) => o.kind === 'PersistentVolume')!;
    expect(vol.metadata.name).toBe('pvc-claim-uid');
    expect(vol.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('rancher.io/local-path');
    expect(vol.spec).toMatchObject({ capacity: { storage: '5Gi' }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', claimRef: { name: 'data', uid: 'claim-uid' } });
    const claim = objects.find((o) => o.kind === 'PersistentVolumeClaim')!;
    expect(claim.metadata.annotations?.['volume.kubernetes.io/storage-provisioner']).toBe('rancher.io/local-path');
    expect(events.map((e) => e.reason)).toEqual(['ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);
    expect(events[2].message).toBe('Successfully provisioned volume pvc-claim-uid');
    sync(objects, 'pvc:default/data');
    expect(objects.find((o) => o.kind === 'PersistentVolumeClaim')!.status.phase).toBe('Bound');
  });

  it('waits for the first consumer, then provisions on the selected node', () => {
    const objects = [makeNode({ name: 'node-2' }), sc('local', { provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' }), pvc({ storageClassName: 'local' })];
    const events: RecordedEvent[] = [];
    sync(objects, 'pvc:default/data', events);
    expect(events).toEqual([expect.objectContaining({ reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding' })]);
    const i = objects.findIndex((o) => o.kind === 'PersistentVolumeClaim');
    objects[i] = { ...objects[i], metadata: { ...objects[i].metadata, annotations: { 'volume.kubernetes.io/selected-node': 'node-2' } } };
    sync(objects, 'pvc:default/data');
    const vol = objects.find((o) => o.kind === 'PersistentVolume')!;
    expect(vol.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0]).toEqual({ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-2'] });
  });

  it.each([
    ['Retain', 'Released', true],
    ['Recycle', 'Available', true],
  ])('reclaims a released volume with policy %s -> %s', (policy, phase, exists) => {
    const vol = pv('pv-a', '10Gi', { persistentVolumeReclaimPolicy: policy, claimRef: { namespace: 'default', name: 'gone', uid: 'gone-uid' } }, { phase: 'Bound' });
    const objects = [vol];
    sync(objects, 'pv:pv-a');
    expect(objects.length === 1).toBe(exists);
    expect(objects[0].status.phase).toBe(phase);
  });

  it('deletes a released provisioned volume with policy Delete, and fails a static one', () => {
    const provisioned = pv('pvc-1', '1Gi', { persistentVolumeReclaimPolicy: 'Delete', claimRef: { namespace: 'default', name: 'gone', uid: 'u' } }, { phase: 'Bound' });
    provisioned.metadata.annotations = { 'pv.kubernetes.io/provisioned-by': 'x' };
    const objects = [provisioned];
    sync(objects, 'pv:pvc-1');
    expect(objects).toEqual([]);
    const stat = [pv('static', '1Gi', { persistentVolumeReclaimPolicy: 'Delete', claimRef: { namespace: 'default', name: 'gone', uid: 'u' } }, { phase: 'Bound' })];
    const events: RecordedEvent[] = [];
    sync(stat, 'pv:static', events);
    expect(stat[0].status.phase).toBe('Failed');
    expect(events[0]).toMatchObject({ type: 'Warning', reason: 'VolumeFailedDelete' });
  });

  it('marks a bound claim Lost when its volume disappears', () => {
    const claim = pvc({ volumeName: 'pv-x' });
    claim.status = { phase: 'Bound' };
    const events: RecordedEvent[] = [];
    const objects = [claim];
    sync(objects, 'pvc:default/data', events);
    expect(objects[0].status.phase).toBe('Lost');
    expect(events[0]).toMatchObject({ reason: 'ClaimLost', message: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!' });
  });
});
