// The kinds a Kubernetes v1.34 API server serves by default, as far as Kubeglass knows them.
// `modelled` says whether the simulation plays out the kind's behaviour (controllers, kubelet,
// network); other served kinds are stored and shown, and `note` says what does not happen.
//
// Served versions follow kube-apiserver's defaults (pkg/controlplane/apiserver/options and
// pkg/controlplane/instance.go: DefaultAPIResourceConfigSource): GA versions are on; beta
// versions added since v1.24 are off unless --runtime-config turns them on (KEP-3136), alpha
// versions are always off. So in v1.34 only resource.k8s.io/v1 is served for DRA (GA in v1.34;
// v1beta1 and v1beta2 need --runtime-config), networking.k8s.io/v1 IPAddress and ServiceCIDR are
// GA since v1.33, and storage.k8s.io/v1 VolumeAttributesClass is GA since v1.34.

export interface KindInfo {
  group: string; // '' for the core group
  versions: string[]; // served versions, preferred first
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
  modelled: boolean;
  /** For kinds that are not modelled: what Kubeglass does not simulate, for the UI to show. */
  note?: string;
}

const k = (
  group: string,
  versions: string[],
  kind: string,
  plural: string,
  namespaced: boolean,
  modelled: boolean,
  shortNames?: string[],
  note?: string,
): KindInfo => (note === undefined
  ? { group, versions, kind, plural, namespaced, modelled, shortNames }
  : { group, versions, kind, plural, namespaced, modelled, shortNames, note });

// Notes for kinds that are stored but that nothing in the simulation acts on.
const RBAC = 'RBAC is not enforced: every request is allowed.';
const REVIEW = 'A create-only review: the API server answers it and stores nothing; Kubeglass does not evaluate it.';
const ADMISSION = 'Admission webhooks and policies are not called or evaluated.';
const CSI = 'No CSI drivers run in the simulation.';
const FLOWCONTROL = 'API Priority and Fairness is not simulated.';
const DRA = 'Dynamic Resource Allocation is not simulated: no devices are allocated.';

export const KINDS: readonly KindInfo[] = [
  k('', ['v1'], 'Pod', 'pods', true, true, ['po']),
  k('', ['v1'], 'Service', 'services', true, true, ['svc']),
  k('', ['v1'], 'Endpoints', 'endpoints', true, true, ['ep']),
  k('', ['v1'], 'Namespace', 'namespaces', false, true, ['ns']),
  k('', ['v1'], 'Node', 'nodes', false, true, ['no']),
  k('', ['v1'], 'ConfigMap', 'configmaps', true, true, ['cm']),
  k('', ['v1'], 'Secret', 'secrets', true, true),
  k('', ['v1'], 'ServiceAccount', 'serviceaccounts', true, true, ['sa']),
  k('', ['v1'], 'PersistentVolume', 'persistentvolumes', false, true, ['pv']),
  k('', ['v1'], 'PersistentVolumeClaim', 'persistentvolumeclaims', true, true, ['pvc']),
  k('', ['v1'], 'ReplicationController', 'replicationcontrollers', true, true, ['rc']),
  k('', ['v1'], 'ResourceQuota', 'resourcequotas', true, true, ['quota']),
  k('', ['v1'], 'LimitRange', 'limitranges', true, true, ['limits']),
  k('', ['v1'], 'Event', 'events', true, true, ['ev']),
  k('', ['v1'], 'PodTemplate', 'podtemplates', true, false, undefined, 'Nothing in the simulation reads PodTemplates.'),
  k('', ['v1'], 'Binding', 'bindings', true, false, undefined, 'Create-only: binds a Pod to a Node. The simulated scheduler binds pods itself.'),
  k('', ['v1'], 'ComponentStatus', 'componentstatuses', false, false, ['cs'], 'Deprecated since v1.19 and read-only; Kubeglass does not report component health this way.'),
  k('apps', ['v1'], 'Deployment', 'deployments', true, true, ['deploy']),
  k('apps', ['v1'], 'ReplicaSet', 'replicasets', true, true, ['rs']),
  k('apps', ['v1'], 'DaemonSet', 'daemonsets', true, true, ['ds']),
  k('apps', ['v1'], 'StatefulSet', 'statefulsets', true, true, ['sts']),
  k('apps', ['v1'], 'ControllerRevision', 'controllerrevisions', true, true),
  k('batch', ['v1'], 'Job', 'jobs', true, true),
  k('batch', ['v1'], 'CronJob', 'cronjobs', true, true, ['cj']),
  k('autoscaling', ['v2', 'v1'], 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, false, ['hpa'], 'There is no metrics pipeline, so nothing scales.'),
  k('discovery.k8s.io', ['v1'], 'EndpointSlice', 'endpointslices', true, true),
  k('networking.k8s.io', ['v1'], 'Ingress', 'ingresses', true, true, ['ing']),
  k('networking.k8s.io', ['v1'], 'IngressClass', 'ingressclasses', false, true),
  k('networking.k8s.io', ['v1'], 'NetworkPolicy', 'networkpolicies', true, true, ['netpol']),
  k('networking.k8s.io', ['v1'], 'IPAddress', 'ipaddresses', false, false, undefined, 'Service IPs are allocated without IPAddress objects.'),
  k('networking.k8s.io', ['v1'], 'ServiceCIDR', 'servicecidrs', false, false, undefined, 'The service range comes from the cluster config, not from ServiceCIDR objects.'),
  k('policy', ['v1'], 'PodDisruptionBudget', 'poddisruptionbudgets', true, true, ['pdb']),
  k('rbac.authorization.k8s.io', ['v1'], 'Role', 'roles', true, false, undefined, RBAC),
  k('rbac.authorization.k8s.io', ['v1'], 'ClusterRole', 'clusterroles', false, false, undefined, RBAC),
  k('rbac.authorization.k8s.io', ['v1'], 'RoleBinding', 'rolebindings', true, false, undefined, RBAC),
  k('rbac.authorization.k8s.io', ['v1'], 'ClusterRoleBinding', 'clusterrolebindings', false, false, undefined, RBAC),
  k('storage.k8s.io', ['v1'], 'StorageClass', 'storageclasses', false, true, ['sc']),
  k('storage.k8s.io', ['v1'], 'CSIDriver', 'csidrivers', false, false, undefined, CSI),
  k('storage.k8s.io', ['v1'], 'CSINode', 'csinodes', false, false, undefined, CSI),
  k('storage.k8s.io', ['v1'], 'CSIStorageCapacity', 'csistoragecapacities', true, false, undefined, CSI),
  k('storage.k8s.io', ['v1'], 'VolumeAttachment', 'volumeattachments', false, false, undefined, CSI),
  k('storage.k8s.io', ['v1'], 'VolumeAttributesClass', 'volumeattributesclasses', false, false, ['vac'], 'Volumes are not modified or attached, so VolumeAttributesClass has no effect.'),
  k('scheduling.k8s.io', ['v1'], 'PriorityClass', 'priorityclasses', false, true, ['pc']),
  k('coordination.k8s.io', ['v1'], 'Lease', 'leases', true, true),
  k('node.k8s.io', ['v1'], 'RuntimeClass', 'runtimeclasses', false, false, undefined, 'Containers do not really run, so a RuntimeClass changes nothing.'),
  k('admissionregistration.k8s.io', ['v1'], 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false, false, undefined, ADMISSION),
  k('admissionregistration.k8s.io', ['v1'], 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false, false, undefined, ADMISSION),
  k('admissionregistration.k8s.io', ['v1'], 'ValidatingAdmissionPolicy', 'validatingadmissionpolicies', false, false, undefined, ADMISSION),
  k('admissionregistration.k8s.io', ['v1'], 'ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', false, false, undefined, ADMISSION),
  k('apiextensions.k8s.io', ['v1'], 'CustomResourceDefinition', 'customresourcedefinitions', false, false, ['crd', 'crds'], 'Custom resources are not served: objects of the new kind are still rejected.'),
  k('apiregistration.k8s.io', ['v1'], 'APIService', 'apiservices', false, false, undefined, 'No aggregated API servers run.'),
  k('certificates.k8s.io', ['v1'], 'CertificateSigningRequest', 'certificatesigningrequests', false, false, ['csr'], 'No certificates are approved or signed.'),
  k('events.k8s.io', ['v1'], 'Event', 'events', true, false, ['ev'], 'Stored only; Kubeglass writes core v1 Events.'),
  k('flowcontrol.apiserver.k8s.io', ['v1'], 'FlowSchema', 'flowschemas', false, false, undefined, FLOWCONTROL),
  k('flowcontrol.apiserver.k8s.io', ['v1'], 'PriorityLevelConfiguration', 'prioritylevelconfigurations', false, false, undefined, FLOWCONTROL),
  k('resource.k8s.io', ['v1'], 'ResourceClaim', 'resourceclaims', true, false, undefined, DRA),
  k('resource.k8s.io', ['v1'], 'ResourceClaimTemplate', 'resourceclaimtemplates', true, false, undefined, DRA),
  k('resource.k8s.io', ['v1'], 'DeviceClass', 'deviceclasses', false, false, undefined, DRA),
  k('resource.k8s.io', ['v1'], 'ResourceSlice', 'resourceslices', false, false, undefined, DRA),
  k('authentication.k8s.io', ['v1'], 'TokenReview', 'tokenreviews', false, false, undefined, REVIEW),
  k('authentication.k8s.io', ['v1'], 'SelfSubjectReview', 'selfsubjectreviews', false, false, undefined, REVIEW),
  k('authorization.k8s.io', ['v1'], 'SubjectAccessReview', 'subjectaccessreviews', false, false, undefined, REVIEW),
  k('authorization.k8s.io', ['v1'], 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, false, undefined, REVIEW),
  k('authorization.k8s.io', ['v1'], 'LocalSubjectAccessReview', 'localsubjectaccessreviews', true, false, undefined, REVIEW),
  k('authorization.k8s.io', ['v1'], 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', false, false, undefined, REVIEW),
];

const byGroupKind = new Map<string, KindInfo>();
const byKind = new Map<string, KindInfo>();
for (const info of KINDS) {
  byGroupKind.set(`${info.group}/${info.kind}`, info);
  // The core group wins for kinds that exist twice (Event), as kubectl's default does.
  if (!byKind.has(info.kind)) byKind.set(info.kind, info);
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The kind's registration when the API server serves `kind` at `apiVersion`. */
export function lookupKind(apiVersion: string, kind: string): KindInfo | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  const info = byGroupKind.get(`${group}/${kind}`);
  return info && info.versions.includes(version) ? info : undefined;
}

/**
 * The registration for a group and kind whatever the version: lets callers tell a kind the
 * cluster serves at another version (removed, alpha, beta-off) from one it does not know at all.
 */
export function lookupGroupKind(group: string, kind: string): KindInfo | undefined {
  return byGroupKind.get(`${group}/${kind}`);
}

/** The registration for a kind name alone (store keys use bare kind names). */
export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

export function isNamespaced(kind: string): boolean {
  return kindInfo(kind)?.namespaced ?? true;
}

/** The apiVersion the store writes objects of this kind with. */
export function preferredApiVersion(info: KindInfo): string {
  return info.group ? `${info.group}/${info.versions[0]}` : info.versions[0];
}

/** Resolves what a person types in kubectl (`deploy`, `pods`, `Deployment`, `deployment.apps`). */
export function resolveResource(word: string): KindInfo | undefined {
  const lower = word.toLowerCase();
  const [name, ...groupParts] = lower.split('.');
  const group = groupParts.join('.');
  return KINDS.find(
    (info) =>
      (group === '' || info.group === group) &&
      (info.kind.toLowerCase() === name || info.plural === name || info.shortNames?.includes(name)),
  );
}
