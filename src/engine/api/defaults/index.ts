// defaultObject: the defaulting the API server does while decoding a request body, before
// admission and validation (the registered defaulters of pkg/apis/*/v1/defaults.go and the
// OpenAPI `+default` markers). Returns a new object; the input is not changed.
import type { KubeObject } from '../types';
import { splitApiVersion } from '../kinds';
import * as core from './core';
import * as workloads from './workloads';
import * as others from './others';

type Defaulter = (obj: Record<string, any>) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  '/Pod': core.defaultPod,
  '/PodTemplate': core.defaultPodTemplate,
  '/ReplicationController': core.defaultReplicationController,
  '/Service': core.defaultService,
  '/Secret': core.defaultSecret,
  '/PersistentVolume': core.defaultPersistentVolume,
  '/PersistentVolumeClaim': core.defaultPersistentVolumeClaim,
  '/Namespace': core.defaultNamespace,
  '/Endpoints': core.defaultEndpoints,
  '/Node': core.defaultNode,
  '/LimitRange': core.defaultLimitRange,
  'apps/Deployment': workloads.defaultDeployment,
  'apps/ReplicaSet': workloads.defaultReplicaSet,
  'apps/DaemonSet': workloads.defaultDaemonSet,
  'apps/StatefulSet': workloads.defaultStatefulSet,
  'batch/Job': workloads.defaultJob,
  'batch/CronJob': workloads.defaultCronJob,
  'networking.k8s.io/NetworkPolicy': others.defaultNetworkPolicy,
  'networking.k8s.io/Ingress': others.defaultIngress,
  'networking.k8s.io/IngressClass': others.defaultIngressClass,
  'discovery.k8s.io/EndpointSlice': others.defaultEndpointSlice,
  'policy/PodDisruptionBudget': others.defaultPodDisruptionBudget,
  'scheduling.k8s.io/PriorityClass': others.defaultPriorityClass,
  'storage.k8s.io/StorageClass': others.defaultStorageClass,
  'rbac.authorization.k8s.io/RoleBinding': others.defaultRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': others.defaultClusterRoleBinding,
};

/** True when the API server has registered defaulters for this kind that we model. */
export function hasDefaulter(apiVersion: string, kind: string): boolean {
  return `${splitApiVersion(apiVersion).group}/${kind}` in DEFAULTERS;
}

export function defaultObject(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj);
  const fn = DEFAULTERS[`${splitApiVersion(obj.apiVersion).group}/${obj.kind}`];
  if (fn) fn(copy as Record<string, any>);
  return copy;
}

export { defaultImagePullPolicy, imageTag } from './podSpec';
export { prepareJobForCreate } from './workloads';
