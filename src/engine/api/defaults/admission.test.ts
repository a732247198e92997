import { describe, expect, it } from 'vitest';
import { admitPersistentVolumeClaim, admitPod, defaultStorageClassName } from './admission';
import { Rng } from '../../core/rng';
import type { KubeObject } from '../types';

const pod = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
const ctx = (extra: Record<string, unknown> = {}) => ({ rng: new Rng(1), ...extra });

describe('admitPod', () => {
  it('adds the kube-api-access volume with a 5-character random suffix and mounts it', () => {
    const r = admitPod(pod({ initContainers: [{ name: 'i', image: 'busybox' }] }), ctx());
    if (!r.ok) throw new Error(r.message);
    const spec = r.object.spec;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    const vol = spec.volumes[0];
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    // plugin/pkg/admission/serviceaccount/admission_test.go TestAutomountsAPIToken: token, CA, namespace.
    expect(vol.projected.sources.map((s: object) => Object.keys(s)[0])).toEqual(['serviceAccountToken', 'configMap', 'downwardAPI']);
    expect(vol.projected.sources[0].serviceAccountToken).toEqual({ expirationSeconds: 3607, path: 'token' });
    for (const c of [...spec.initContainers, ...spec.containers]) {
      expect(c.volumeMounts).toEqual([{ name: vol.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
    }
  });

  it('draws the same suffix from the same seed', () => {
    const a = admitPod(pod(), ctx());
    const b = admitPod(pod(), ctx());
    expect(a.ok && b.ok && a.object.spec.volumes[0].name === b.object.spec.volumes[0].name).toBe(true);
  });

  it('mounts nothing when automountServiceAccountToken is false on the pod or its account', () => {
    const r1 = admitPod(pod({ automountServiceAccountToken: false }), ctx());
    expect(r1.ok && r1.object.spec.volumes).toBeUndefined();
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' }, automountServiceAccountToken: false } as KubeObject;
    const r2 = admitPod(pod(), ctx({ serviceAccounts: [sa] }));
    expect(r2.ok && r2.object.spec.volumes).toBeUndefined();
  });

  it('refuses a pod whose service account does not exist', () => {
    const r = admitPod(pod({ serviceAccountName: 'ghost' }), ctx({ serviceAccounts: [] }));
    expect(r).toEqual({ ok: false, reason: 'Forbidden', message: 'error looking up service account default/ghost: serviceaccount "ghost" not found' });
  });

  // plugin/pkg/admission/defaulttolerationseconds/admission_test.go.
  it('adds not-ready and unreachable NoExecute tolerations for 300s unless already tolerated', () => {
    const r = admitPod(pod({ tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] }), ctx());
    expect(r.ok && r.object.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  // plugin/pkg/admission/priority/admission_test.go TestPodAdmission.
  it('sets priority 0 and PreemptLowerPriority without classes, and the class value otherwise', () => {
    const r = admitPod(pod(), ctx());
    expect(r.ok && [r.object.spec.priority, r.object.spec.preemptionPolicy]).toEqual([0, 'PreemptLowerPriority']);
    const high = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' } as KubeObject;
    const r2 = admitPod(pod({ priorityClassName: 'high' }), ctx({ priorityClasses: [high] }));
    expect(r2.ok && [r2.object.spec.priority, r2.object.spec.preemptionPolicy]).toEqual([1000, 'Never']);
    const def = { ...high, metadata: { name: 'def' }, value: 7, globalDefault: true } as KubeObject;
    const r3 = admitPod(pod(), ctx({ priorityClasses: [def] }));
    expect(r3.ok && [r3.object.spec.priorityClassName, r3.object.spec.priority]).toEqual(['def', 7]);
  });

  it('refuses an unknown priority class and a priority that disagrees with its class', () => {
    expect(admitPod(pod({ priorityClassName: 'nope' }), ctx())).toMatchObject({ ok: false, message: 'no PriorityClass with name nope was found' });
    expect(admitPod(pod({ priority: 5 }), ctx())).toMatchObject({
      ok: false,
      message: 'the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    });
  });
});

describe('DefaultStorageClass', () => {
  const sc = (name: string, isDefault: boolean, created: string) =>
    ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, creationTimestamp: created, annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {} } }) as KubeObject;

  it('picks the newest default class', () => {
    expect(defaultStorageClassName([sc('old', true, '2024-01-01T00:00:00Z'), sc('new', true, '2025-01-01T00:00:00Z'), sc('plain', false, '2026-01-01T00:00:00Z')])).toBe('new');
  });

  it('fills storageClassName only when unset, and adds the pvc-protection finalizer', () => {
    const pvc = (spec: object) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec }) as KubeObject;
    const classes = [sc('standard', true, '2024-01-01T00:00:00Z')];
    const r = admitPersistentVolumeClaim(pvc({}), ctx({ storageClasses: classes }));
    expect(r.ok && r.object.spec.storageClassName).toBe('standard');
    expect(r.ok && r.object.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const none = admitPersistentVolumeClaim(pvc({ storageClassName: '' }), ctx({ storageClasses: classes }));
    expect(none.ok && none.object.spec.storageClassName).toBe('');
  });
});
