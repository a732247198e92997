// Defaults of the networking, discovery, policy, scheduling, storage and rbac kinds
// (pkg/apis/networking/v1/defaults.go, discovery/v1/defaults.go, scheduling/v1/defaults.go,
// storage/v1/defaults.go, rbac/v1/defaults.go). Mutate a copy.

type Obj = Record<string, any>;

const setIfUnset = (o: Obj, key: string, value: unknown): void => {
  if (o[key] === undefined || o[key] === null) o[key] = value;
};

/**
 * SetDefaults_NetworkPolicy: without policyTypes a policy is about Ingress, and also about
 * Egress when it has egress rules. Ports default to TCP.
 */
export function defaultNetworkPolicy(np: Obj): void {
  const spec = (np.spec ??= {});
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
    for (const port of rule?.ports ?? []) setIfUnset(port, 'protocol', 'TCP');
  }
  if (!spec.policyTypes || spec.policyTypes.length === 0) {
    spec.policyTypes = ['Ingress'];
    if (spec.egress && spec.egress.length > 0) spec.policyTypes.push('Egress');
  }
}

/** networking/v1 has no Ingress defaulters in v1.34 (pathType is required). */
export function defaultIngress(_ing: Obj): void {}

/** SetDefaults_EndpointPort: name "" and protocol TCP. */
export function defaultEndpointSlice(slice: Obj): void {
  for (const port of slice.ports ?? []) {
    setIfUnset(port, 'name', '');
    setIfUnset(port, 'protocol', 'TCP');
  }
}

/** policy/v1 has no PodDisruptionBudget defaulters in v1.34. */
export function defaultPodDisruptionBudget(_pdb: Obj): void {}

export function defaultPriorityClass(pc: Obj): void {
  setIfUnset(pc, 'preemptionPolicy', 'PreemptLowerPriority');
}

export function defaultStorageClass(sc: Obj): void {
  setIfUnset(sc, 'reclaimPolicy', 'Delete');
  setIfUnset(sc, 'volumeBindingMode', 'Immediate');
}

/** SetDefaults_Subject: User and Group subjects belong to rbac.authorization.k8s.io. */
function defaultSubjects(binding: Obj): void {
  for (const s of binding.subjects ?? []) {
    if (s.apiGroup) continue;
    if (s.kind === 'ServiceAccount') s.apiGroup = '';
    else if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = 'rbac.authorization.k8s.io';
  }
}

export const defaultRoleBinding = defaultSubjects;
export const defaultClusterRoleBinding = defaultSubjects;

/** SetDefaults_IngressClass has nothing; IngressClassParametersReference needs no defaults. */
export function defaultIngressClass(_ic: Obj): void {}
