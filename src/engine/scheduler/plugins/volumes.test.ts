import { describe, expect, it } from 'vitest';
import { cacheOf, makeNode, makePod, runFilter } from '../testing/builders';
import { volumeBinding, volumeZone, nodeVolumeLimits } from './volume-binding';
import { volumeRestrictions } from './volume-restrictions';

const claimPod = (claimName: string, name = 'p', nodeName?: string) => makePod(name, { nodeName, volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] });
const pvc = (name: string, o: { volumeName?: string; storageClassName?: string; accessModes?: string[] } = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { volumeName: o.volumeName, storageClassName: o.storageClassName ?? 'standard', accessModes: o.accessModes ?? ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});
const sc = (name: string, mode: 'Immediate' | 'WaitForFirstConsumer', provisioner = 'example.com/csi') => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name },
  provisioner,
  volumeBindingMode: mode,
});
const localPV = (name: string, host: string, extra: Record<string, any> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, labels: extra.labels },
  spec: {
    storageClassName: extra.storageClassName ?? 'standard',
    capacity: { storage: '5Gi' },
    accessModes: ['ReadWriteOnce'],
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } },
    claimRef: extra.claimRef,
  },
  status: { phase: extra.claimRef ? 'Bound' : 'Available' },
});

describe('VolumeBinding', () => {
  // volume_binding_test.go TestVolumeBinding
  it('skips pods without PVCs', () => {
    expect(runFilter(volumeBinding(), makePod('p'), cacheOf([makeNode('n')])).n).toBeNull();
  });

  it('rejects a pod whose PVC does not exist', () => {
    expect(runFilter(volumeBinding(), claimPod('pvc-a'), cacheOf([makeNode('n')])).n).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['persistentvolumeclaim "pvc-a" not found'],
    });
  });

  it('waits for unbound immediate claims', () => {
    const cache = cacheOf([makeNode('n')], [], { pvcs: [pvc('c')] as any, storageClasses: [sc('standard', 'Immediate')] as any });
    expect(runFilter(volumeBinding(), claimPod('c'), cache).n?.reasons).toEqual(['pod has unbound immediate PersistentVolumeClaims']);
  });

  it('rejects nodes outside a bound PV node affinity ("bound and pv node affinity doesn\'t match")', () => {
    const cache = cacheOf([makeNode('node-a'), makeNode('node-b')], [], { pvcs: [pvc('c', { volumeName: 'pv-a' })] as any, pvs: [localPV('pv-a', 'node-a')] as any });
    expect(runFilter(volumeBinding(), claimPod('c'), cache)).toEqual({
      'node-a': null,
      'node-b': { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had volume node affinity conflict'] },
    });
  });

  it('finds a matching local PV for a WaitForFirstConsumer claim only on its node', () => {
    const cache = cacheOf([makeNode('node-a'), makeNode('node-b')], [], {
      pvcs: [pvc('c', { storageClassName: 'local' })] as any,
      pvs: [localPV('pv-a', 'node-a', { storageClassName: 'local' })] as any,
      storageClasses: [sc('local', 'WaitForFirstConsumer', 'kubernetes.io/no-provisioner')] as any,
    });
    expect(runFilter(volumeBinding(), claimPod('c'), cache)).toEqual({
      'node-a': null,
      'node-b': { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't find available persistent volumes to bind"] },
    });
  });

  it('accepts any node for a WaitForFirstConsumer claim a provisioner can serve', () => {
    const cache = cacheOf([makeNode('node-a')], [], { pvcs: [pvc('c')] as any, storageClasses: [sc('standard', 'WaitForFirstConsumer')] as any });
    expect(runFilter(volumeBinding(), claimPod('c'), cache)['node-a']).toBeNull();
  });
});

describe('VolumeZone', () => {
  // volume_zone_test.go TestSingleZone
  it('keeps pods with zonal PVs in the PV zone', () => {
    const pv = { ...localPV('pv', 'x'), metadata: { name: 'pv', labels: { 'topology.kubernetes.io/zone': 'us-west1-a' } } };
    delete (pv.spec as any).nodeAffinity;
    const cache = cacheOf(
      [makeNode('a', { labels: { 'topology.kubernetes.io/zone': 'us-west1-a' } }), makeNode('b', { labels: { 'topology.kubernetes.io/zone': 'us-west1-b' } }), makeNode('c')],
      [],
      { pvcs: [pvc('c', { volumeName: 'pv' })] as any, pvs: [pv] as any },
    );
    expect(runFilter(volumeZone(), claimPod('c'), cache)).toEqual({
      a: null,
      b: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had no available volume zone'] },
      c: null,
    });
  });
});

describe('VolumeRestrictions', () => {
  it('rejects a second user of a ReadWriteOncePod claim', () => {
    const cache = cacheOf([makeNode('n')], [claimPod('c', 'first', 'n')], { pvcs: [pvc('c', { accessModes: ['ReadWriteOncePod'], volumeName: 'pv' })] as any });
    expect(runFilter(volumeRestrictions(), claimPod('c', 'second'), cache).n).toEqual({
      code: 'Unschedulable',
      reasons: ['node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode'],
    });
  });

  // volume_restrictions_test.go TestGCEDiskConflicts
  it('rejects the same GCE PD on one node unless both are read-only', () => {
    const gce = (name: string, nodeName: string | undefined, readOnly: boolean) => makePod(name, { nodeName, volumes: [{ name: 'v', gcePersistentDisk: { pdName: 'foo', readOnly } }] });
    expect(runFilter(volumeRestrictions(), gce('p', undefined, false), cacheOf([makeNode('n')], [gce('e', 'n', false)])).n?.reasons).toEqual(['node(s) had no available disk']);
    expect(runFilter(volumeRestrictions(), gce('p', undefined, true), cacheOf([makeNode('n')], [gce('e', 'n', true)])).n).toBeNull();
  });
});

describe('NodeVolumeLimits (simplified)', () => {
  it('counts CSI volumes per driver against attachable-volumes-csi-<driver>', () => {
    const pv = (name: string) => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { csi: { driver: 'ebs.csi.aws.com', volumeHandle: name } } });
    const n = makeNode('n', { capacity: { 'attachable-volumes-csi-ebs.csi.aws.com': '1' } });
    const cache = cacheOf([n], [claimPod('c1', 'e', 'n')], { pvcs: [pvc('c1', { volumeName: 'v1' }), pvc('c2', { volumeName: 'v2' })] as any, pvs: [pv('v1'), pv('v2')] as any });
    expect(runFilter(nodeVolumeLimits(), claimPod('c2'), cache).n?.reasons).toEqual(['node(s) exceed max volume count']);
    expect(runFilter(nodeVolumeLimits(), claimPod('c1', 'p2'), cache).n).toBeNull();
  });
});
