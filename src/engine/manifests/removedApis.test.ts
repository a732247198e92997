import { describe, expect, it } from 'vitest';
import { KINDS, lookupGroupKind, lookupKind } from '../api/kinds';
import { CONFIG_KINDS } from './configKinds';
import { lookupRemovedApi, REMOVED_APIS } from './removedApis';

describe('removed API table', () => {
  it('holds the removals of the Deprecated API Migration Guide that the brief lists', () => {
    // Spot checks, release by release (deprecation-guide.md sections v1.16 ... v1.32).
    expect(lookupRemovedApi('extensions/v1beta1', 'NetworkPolicy')?.removedIn).toBe('1.16');
    expect(lookupRemovedApi('apps/v1beta1', 'Deployment')?.removedIn).toBe('1.16');
    expect(lookupRemovedApi('rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding')?.removedIn).toBe('1.22');
    expect(lookupRemovedApi('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition')?.removedIn).toBe('1.22');
    expect(lookupRemovedApi('policy/v1beta1', 'PodDisruptionBudget')).toMatchObject({ removedIn: '1.25', replacement: 'policy/v1' });
    expect(lookupRemovedApi('policy/v1beta1', 'PodSecurityPolicy')?.replacement).toBeUndefined();
    expect(lookupRemovedApi('events.k8s.io/v1beta1', 'Event')?.removedIn).toBe('1.25');
    expect(lookupRemovedApi('flowcontrol.apiserver.k8s.io/v1beta1', 'PriorityLevelConfiguration')?.removedIn).toBe('1.26');
    expect(lookupRemovedApi('storage.k8s.io/v1beta1', 'CSIStorageCapacity')?.removedIn).toBe('1.27');
    expect(lookupRemovedApi('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema')?.removedIn).toBe('1.29');
    expect(lookupRemovedApi('apps/v1', 'Deployment')).toBeUndefined();
  });

  it.each(REMOVED_APIS.map((row) => [`${row.group || 'core'}/${row.version} ${row.kind}`, row] as const))(
    '%s is not served by the registry, and its replacement is',
    (_, row) => {
      const apiVersion = row.group ? `${row.group}/${row.version}` : row.version;
      expect(lookupKind(apiVersion, row.kind)).toBeUndefined();
      if (row.replacement) {
        const kind = row.kind === 'ThirdPartyResource' ? 'CustomResourceDefinition' : row.kind;
        expect(lookupKind(row.replacement, kind)).toBeDefined();
      }
    },
  );
});

describe('kind registry (src/engine/api/kinds.ts) against a v1.34 API server', () => {
  it('serves DRA only at resource.k8s.io/v1: v1beta1 and v1beta2 are off by default', () => {
    expect(lookupKind('resource.k8s.io/v1', 'ResourceClaim')).toBeDefined();
    expect(lookupKind('resource.k8s.io/v1beta2', 'DeviceClass')).toBeUndefined();
    expect(lookupKind('resource.k8s.io/v1beta1', 'ResourceSlice')).toBeUndefined();
  });

  it('serves networking.k8s.io/v1 IPAddress and ServiceCIDR (GA in v1.33) and storage.k8s.io/v1 VolumeAttributesClass (GA in v1.34)', () => {
    expect(lookupKind('networking.k8s.io/v1', 'IPAddress')?.namespaced).toBe(false);
    expect(lookupKind('networking.k8s.io/v1', 'ServiceCIDR')?.namespaced).toBe(false);
    expect(lookupKind('storage.k8s.io/v1', 'VolumeAttributesClass')).toBeDefined();
  });

  it('finds a group and kind whatever the version', () => {
    expect(lookupGroupKind('batch', 'CronJob')?.versions).toEqual(['v1']);
    expect(lookupGroupKind('batch', 'Nope')).toBeUndefined();
  });

  it('gives every kind that is not simulated a note the UI can show', () => {
    expect(KINDS.filter((k) => !k.modelled && !k.note).map((k) => k.kind)).toEqual([]);
  });

  it('keeps config-file kinds and served kinds apart', () => {
    for (const c of CONFIG_KINDS) expect(lookupGroupKind(c.group, c.kind)).toBeUndefined();
  });
});
