// Builders for workload objects (Deployment, ReplicaSet, RC, DaemonSet, StatefulSet) in
// controller tests. Defaults are those the API server would apply (apps/v1 defaults.go).
import type { KubeObject } from '../../api/types';
import { meta, type MetaOpts } from './builders';

export interface WorkloadOpts extends MetaOpts {
  replicas?: number;
  /** Pod labels; also the selector's matchLabels. Default { app: <name> }. */
  podLabels?: Record<string, string>;
  image?: string;
  minReadySeconds?: number;
  generation?: number;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  templateSpec?: Record<string, unknown>;
}

export function podTemplate(labels: Record<string, string>, image = 'nginx:1.25', extraSpec: Record<string, unknown> = {}): any {
  return { metadata: { labels: { ...labels } }, spec: { containers: [{ name: 'app', image }], ...extraSpec } };
}

function base(apiVersion: string, kind: string, o: WorkloadOpts, defaultName: string, spec: Record<string, unknown>): KubeObject {
  const m = meta(o, defaultName);
  m.generation = o.generation ?? 1;
  const obj: KubeObject = { apiVersion, kind, metadata: m, spec: { ...spec, ...(o.spec ?? {}) } };
  if (o.status) obj.status = o.status;
  return obj;
}

export function makeDeployment(o: WorkloadOpts & { strategy?: any; revisionHistoryLimit?: number; progressDeadlineSeconds?: number; paused?: boolean } = {}): KubeObject {
  const name = o.name ?? 'web';
  const labels = o.podLabels ?? { app: name };
  return base('apps/v1', 'Deployment', o, 'web', {
    replicas: o.replicas ?? 1,
    selector: { matchLabels: { ...labels } },
    template: podTemplate(labels, o.image, o.templateSpec),
    strategy: o.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
    progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600,
    ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
    ...(o.paused ? { paused: true } : {}),
  });
}

export function makeReplicaSet(o: WorkloadOpts = {}): KubeObject {
  const name = o.name ?? 'web-rs';
  const labels = o.podLabels ?? { app: name };
  const rs = base('apps/v1', 'ReplicaSet', { ...o, labels: o.labels ?? labels }, 'web-rs', {
    replicas: o.replicas ?? 1,
    selector: { matchLabels: { ...labels } },
    template: podTemplate(labels, o.image, o.templateSpec),
    ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
  });
  return rs;
}

export function makeReplicationController(o: WorkloadOpts = {}): KubeObject {
  const name = o.name ?? 'web-rc';
  const labels = o.podLabels ?? { app: name };
  return base('v1', 'ReplicationController', o, 'web-rc', {
    replicas: o.replicas ?? 1,
    selector: { ...labels },
    template: podTemplate(labels, o.image, o.templateSpec),
  });
}

export function makeDaemonSet(o: WorkloadOpts & { updateStrategy?: any } = {}): KubeObject {
  const name = o.name ?? 'agent';
  const labels = o.podLabels ?? { app: name };
  return base('apps/v1', 'DaemonSet', o, 'agent', {
    selector: { matchLabels: { ...labels } },
    template: podTemplate(labels, o.image, o.templateSpec),
    updateStrategy: o.updateStrategy ?? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    revisionHistoryLimit: 10,
    ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
  });
}

export function makeStatefulSet(
  o: WorkloadOpts & { podManagementPolicy?: string; updateStrategy?: any; volumeClaimTemplates?: any[]; serviceName?: string; persistentVolumeClaimRetentionPolicy?: any } = {},
): KubeObject {
  const name = o.name ?? 'web';
  const labels = o.podLabels ?? { app: name };
  return base('apps/v1', 'StatefulSet', o, 'web', {
    replicas: o.replicas ?? 1,
    serviceName: o.serviceName ?? 'nginx',
    selector: { matchLabels: { ...labels } },
    template: podTemplate(labels, o.image, o.templateSpec),
    podManagementPolicy: o.podManagementPolicy ?? 'OrderedReady',
    updateStrategy: o.updateStrategy ?? { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    revisionHistoryLimit: 10,
    ...(o.volumeClaimTemplates ? { volumeClaimTemplates: o.volumeClaimTemplates } : {}),
    ...(o.persistentVolumeClaimRetentionPolicy ? { persistentVolumeClaimRetentionPolicy: o.persistentVolumeClaimRetentionPolicy } : {}),
    ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
  });
}
