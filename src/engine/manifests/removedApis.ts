// API versions that Kubernetes has stopped serving, with the release that stopped serving them
// and what to use instead. Source: the Deprecated API Migration Guide
// (https://kubernetes.io/docs/reference/using-api/deprecation-guide/, kubernetes/website
// content/en/docs/reference/using-api/deprecation-guide.md), sections v1.16 to v1.32.
// Rows marked "not in the guide" predate it; their release is from the Kubernetes changelogs.
import { splitApiVersion } from '../api/kinds';

export interface RemovedApi {
  group: string; // '' for the core group
  version: string;
  kind: string;
  /** The minor release that stopped serving it, e.g. '1.25'. */
  removedIn: string;
  /** The apiVersion to use instead on a v1.34 cluster; absent when nothing replaces the kind. */
  replacement?: string;
  /** What replaces the kind when it is not simply a newer version of itself. */
  note?: string;
}

const rows: RemovedApi[] = [];

function removed(
  apiVersion: string,
  kinds: string[],
  removedIn: string,
  replacement: string | undefined,
  note?: string,
): void {
  const { group, version } = splitApiVersion(apiVersion);
  for (const kind of kinds) {
    const row: RemovedApi = { group, version, kind, removedIn };
    if (replacement !== undefined) row.replacement = replacement;
    if (note !== undefined) row.note = note;
    rows.push(row);
  }
}

const PSA = 'PodSecurityPolicy has no successor API: Pod Security Admission (namespace labels) replaced it.';

// v1.8 (not in the guide): ThirdPartyResource gave way to CustomResourceDefinition.
removed('extensions/v1beta1', ['ThirdPartyResource'], '1.8', 'apiextensions.k8s.io/v1',
  'ThirdPartyResource was replaced by CustomResourceDefinition.');

// v1.14 (not in the guide): the alpha Initializers feature was removed.
removed('admissionregistration.k8s.io/v1alpha1', ['InitializerConfiguration'], '1.14', undefined,
  'Initializers were removed; mutating admission webhooks do this job.');

// v1.16
removed('extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1');
removed('extensions/v1beta1', ['PodSecurityPolicy'], '1.16', undefined, PSA);
removed('extensions/v1beta1', ['DaemonSet', 'Deployment', 'ReplicaSet'], '1.16', 'apps/v1');
removed('apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], '1.16', 'apps/v1');
removed('apps/v1beta2', ['DaemonSet', 'Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], '1.16', 'apps/v1');

// v1.20 (not in the guide): the alpha PodPreset API was removed without a replacement.
removed('settings.k8s.io/v1alpha1', ['PodPreset'], '1.20', undefined,
  'PodPreset was removed; mutating admission webhooks do this job.');

// v1.22
removed('admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.22', 'admissionregistration.k8s.io/v1');
removed('apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.22', 'apiextensions.k8s.io/v1');
removed('apiregistration.k8s.io/v1beta1', ['APIService'], '1.22', 'apiregistration.k8s.io/v1');
removed('authentication.k8s.io/v1beta1', ['TokenReview'], '1.22', 'authentication.k8s.io/v1');
removed('authorization.k8s.io/v1beta1', ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'], '1.22', 'authorization.k8s.io/v1');
removed('certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.22', 'certificates.k8s.io/v1');
removed('coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1');
removed('extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1');
removed('networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.22', 'networking.k8s.io/v1');
removed('rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1');
removed('scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1');
removed('storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.22', 'storage.k8s.io/v1');

// v1.25
removed('batch/v1beta1', ['CronJob'], '1.25', 'batch/v1');
removed('discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1');
removed('events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1');
removed('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2');
removed('policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1');
removed('policy/v1beta1', ['PodSecurityPolicy'], '1.25', undefined, PSA);
removed('node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1');

// v1.26 (the guide names v1beta3 as the next step for flowcontrol; on v1.34 that is gone too)
removed('flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', 'flowcontrol.apiserver.k8s.io/v1');
removed('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2');

// v1.27
removed('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1');

// v1.29
removed('flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', 'flowcontrol.apiserver.k8s.io/v1');

// v1.32
removed('flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.32', 'flowcontrol.apiserver.k8s.io/v1');

export const REMOVED_APIS: readonly RemovedApi[] = rows;

const byKey = new Map<string, RemovedApi>(rows.map((r) => [`${r.group}/${r.version}/${r.kind}`, r]));

/** The removal record when `kind` at `apiVersion` is an API version Kubernetes no longer serves. */
export function lookupRemovedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  return byKey.get(`${group}/${version}/${kind}`);
}
