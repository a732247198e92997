// The kubelet: a per-node controller that runs pods against a simulated container runtime.
export { createKubelet, podKey, NODE_KEY, normalizedImage } from './kubelet';
export type { Kubelet } from './kubelet';
export type { KubeletState, KubeletDeps, PodRuntime, ContainerRuntime, ProbeType, ProbeOverride, TerminatedState, Timing } from './types';
export { DEFAULT_TIMING, timingFrom } from './types';
export { podStatusColumns, isRestartableInitContainer } from './podStatusColumns';
export type { PodStatusColumns } from './podStatusColumns';
export { containersReadyCondition, podReadyCondition, initializedCondition, readyToStartContainersCondition } from './conditions';
export type { PodCondition } from './conditions';
export { podPhase } from './phase';
export { podQOSClass } from './qos';
export { podRequests, memoryLimitBytes } from './resources';
export type { ResourceAmounts } from './resources';
export { admitPod } from './admission';
export type { AdmitResult } from './admission';
export { backoffNext, isInBackoffSince, isInBackoffSinceUpdate, formatGoDuration, INITIAL_BACKOFF_MS, MAX_BACKOFF_MS } from './backoff';
export type { BackoffEntry } from './backoff';
export { runProbe, probeTiming, firstProbeTick, recordProbeResult } from './probes';
export type { ProbeOutcome } from './probes';
export { resolveEnv, missingVolumeSource } from './configRefs';
export {
  registerNode,
  nodeResources,
  nodeConditions,
  nodeImages,
  nodeLease,
  microTime,
  KUBELET_VERSION,
  CONTAINER_RUNTIME_VERSION,
  OS_IMAGE,
  KERNEL_VERSION,
  PAUSE_IMAGE,
  NODE_LEASE_NAMESPACE,
} from './nodeRegistration';
export type { RegisterOptions, NodeReservations } from './nodeRegistration';
export { mirrorPodFor, isStaticPod, isMirrorPod, staticPodHash, STATIC_POD_SIMPLIFICATION } from './staticPods';
export { KUBELET_SIMPLIFICATIONS } from './simplifications';
