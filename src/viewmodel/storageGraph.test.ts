// Binding follows the PV controller (pkg/controller/volume/persistentvolume/pv_controller.go):
// a bound pair has pv.spec.claimRef -> claim and pvc.spec.volumeName -> volume; a claim of a
// WaitForFirstConsumer class stays Pending until a pod using it is scheduled.
import { describe, expect, it } from 'vitest';
import { buildStorageGraph } from './storageGraph';
import { makePod, makePV, makePVC, makeStorageClass, snapshotOf } from './testing/objects';

describe('buildStorageGraph', () => {
  it('links StorageClass -> PV <-> PVC -> Pod for a bound claim', () => {
    const sc = makeStorageClass('local-path');
    const pvc = makePVC('data', { storageClass: 'local-path', volumeName: 'pvc-1234' });
    const pv = makePV('pvc-1234', { storageClass: 'local-path', claim: pvc });
    const pod = makePod('db-0', { claims: ['data'] });
    const g = buildStorageGraph(snapshotOf([sc, pvc, pv, pod]));
    expect(g.edges.map((e) => `${e.kind}: ${e.source} -> ${e.target}`)).toEqual([
      'class: StorageClass/local-path -> PersistentVolume/pvc-1234',
      'binding: PersistentVolume/pvc-1234 -> PersistentVolumeClaim/default/data',
      'mount: PersistentVolumeClaim/default/data -> Pod/default/db-0',
    ]);
    expect(g.edges[1]).toMatchObject({ bidirectional: true, status: 'ok', label: 'Bound' });
    expect(g.nodes.find((n) => n.kind === 'PersistentVolume')).toMatchObject({ statusText: 'Bound', lines: ['1Gi · ReadWriteOnce', 'reclaim Delete'] });
  });

  it('shows a Pending claim of a WaitForFirstConsumer class waiting on its class', () => {
    const sc = makeStorageClass('local-path', 'rancher.io/local-path', 'WaitForFirstConsumer');
    const pvc = makePVC('data', { storageClass: 'local-path' });
    const g = buildStorageGraph(snapshotOf([sc, pvc]));
    expect(g.nodes.find((n) => n.kind === 'PersistentVolumeClaim')).toMatchObject({ status: 'warning', statusText: 'Pending' });
    expect(g.edges).toEqual([expect.objectContaining({ kind: 'pending', source: 'StorageClass/local-path', target: 'PersistentVolumeClaim/default/data', label: 'WaitForFirstConsumer' })]);
  });

  it('says when only one side of the binding is written yet', () => {
    const pvc = makePVC('data', { phase: 'Pending' });
    const pv = makePV('pv-a', { claim: pvc, phase: 'Bound' });
    const g = buildStorageGraph(snapshotOf([pvc, pv]));
    expect(g.edges).toEqual([expect.objectContaining({ kind: 'binding', status: 'progress', label: 'claimRef set, volumeName not yet' })]);
  });

  it('leaves out pods without claims', () => {
    const g = buildStorageGraph(snapshotOf([makePod('web')]));
    expect(g.nodes).toEqual([]);
  });
});
