// The kubelet's private state: what the container runtime (containerd) and the kubelet's
// managers (pod workers, probe workers, back-off, image cache) know on one node. Plain JSON,
// owned by one kubelet instance; the API only ever sees the pod statuses derived from it.
import type { KubeObject } from '../api/types';
import type { BackoffEntry } from './backoff';

export type ContainerKind = 'init' | 'sidecar' | 'regular';
export type ProbeType = 'startup' | 'liveness' | 'readiness';
export type ProbeResult = 'success' | 'failure' | 'unknown';
export type ProbeOverride = 'fail' | 'succeed';

export interface TerminatedState {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
  signal?: number;
}

export interface ProbeState {
  /** Next tick of the probe worker (virtual ms). */
  nextAt: number;
  /** Ticks are anchor + k*period: the worker starts with the pod, not with the container. */
  anchor: number;
  /** The result the kubelet acts on (resultsManager). */
  result: ProbeResult;
  /** worker.lastResult / resultRun. */
  lastResult?: ProbeResult;
  run: number;
  /** Stopped after a liveness/startup failure until the container is replaced (worker.onHold). */
  onHold?: boolean;
  /** A startup probe that has succeeded no longer runs. */
  done?: boolean;
}

export interface ContainerRuntime {
  name: string;
  kind: ContainerKind;
  /**
   * pending: not started yet; pulling: image pull in flight; waiting: blocked with a reason
   * (ErrImagePull, CreateContainerConfigError, CrashLoopBackOff...); running; exited.
   */
  phase: 'pending' | 'pulling' | 'waiting' | 'running' | 'exited';
  waiting?: { reason: string; message?: string };
  /** The pull in flight: Pulling at `requestedAt`, starts at `startAt` (serial puller), ends at `doneAt`. */
  pull?: { requestedAt: number; startAt: number; doneAt: number; ok: boolean; error?: string };
  /** When to try again from `waiting` (retries after errors, back-off expiry). */
  retryAt?: number;
  /** The spec image the last start attempt used (a changed spec restarts the container). */
  specImage?: string;
  /** status.image / imageID of the current instance. */
  image?: string;
  imageID?: string;
  containerID?: string;
  startedAt?: number;
  /** When the current instance's program ends by itself (exit, OOM kill). */
  exitAt?: number;
  exit?: { code: number; reason: string; message?: string };
  /** A kill in progress: the instance stops at `at` with this result. */
  stopping?: { at: number; code: number; reason: string; cause: 'liveness' | 'startup' | 'delete' | 'user' | 'sidecar' | 'changed' };
  terminated?: TerminatedState;
  lastTerminated?: TerminatedState;
  /** When the kubelet notices an exit (PLEG relist) and decides about a restart. */
  decideAt?: number;
  /** A kill by the liveness/startup probe: restart whatever the exit code (computePodActions). */
  forceRestart?: boolean;
  restartCount: number;
  started: boolean;
  ready: boolean;
  probes: Partial<Record<ProbeType, ProbeState>>;
  /** Liveness/readiness/startup forced by the user (kubelet override in the UI). */
  overrides?: Partial<Record<ProbeType, ProbeOverride>>;
  /** Whether a regular init container has completed (exit 0). */
  done?: boolean;
  /** Previous instance's log lines (kubectl logs --previous). */
  previousLogs?: string[];
  /** Access-log lines the current instance wrote for probe requests (last 100). */
  accessLog?: { at: number; line: string }[];
}

export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  /** First time the kubelet synced the pod (status.startTime). */
  startTime: number;
  rejected?: { reason: string; message: string };
  sandbox?: { id: string; ip: string; readyAt: number; ready: boolean; hostNetwork: boolean };
  /** All init containers done (or sidecars started) once: sticky, as HasAnyRegularContainerStarted. */
  initialized?: boolean;
  sandboxRetryAt?: number;
  /** IP released and sandbox gone (terminal pod or terminated). */
  sandboxRemoved?: boolean;
  containers: ContainerRuntime[];
  imageBackoff: Record<string, BackoffEntry & { lastError?: string }>;
  crashBackoff: Record<string, BackoffEntry>;
  /** Graceful deletion in progress. */
  terminating?: { startedAt: number; graceMs: number };
  /** The delete (grace 0) has been issued. */
  deleteIssued?: boolean;
  /** lastTransitionTime per condition type: [status, time]. */
  conditionTimes: Record<string, [string, number]>;
  /** Pod failed for good (init container failed with restartPolicy Never, etc.). */
  terminal?: boolean;
  /** A pod-level failure the kubelet decided (activeDeadlineSeconds): status reason and message. */
  failure?: { reason: string; message: string };
}

export interface KubeletState {
  nodeName: string;
  /** The user's "stop kubelet": no heartbeats, no pod sync. */
  stopped: boolean;
  pods: Record<string, PodRuntime>;
  /** Image cache: normalized ref -> facts. */
  images: Record<string, { repoTags: string[]; repoDigests: string[]; sizeBytes: number; imageID: string }>;
  /** Serial image puller: when the current pull queue drains. */
  pullQueueFreeAt: number;
  lease?: { renewedAt: number };
  nodeStatus?: { reportedAt: number; fingerprint: string };
  registered?: boolean;
  /** Fallback IPAM when no allocator is injected. */
  nextIp: number;
}

export interface KubeletDeps {
  /** CNI ADD: returns the pod IP or an error message (the network helper's IPAM). */
  allocateIP?(nodeName: string, pod: KubeObject): string | { error: string };
  /** CNI DEL. */
  releaseIP?(nodeName: string, pod: KubeObject): void;
  /** The Node to register when it does not exist yet (registerNode's output). */
  nodeToRegister?: KubeObject;
  /** Static pod manifests (the node's /etc/kubernetes/manifests): mirror pods are created for them. */
  staticPods?: KubeObject[];
}

/** Durations (virtual ms) of steps upstream does not fix; ClusterConfig.timing overrides by name. */
export const DEFAULT_TIMING = {
  /** RunPodSandbox incl. CNI ADD. */
  sandboxCreate: 600,
  /** PLEG relist period: how long until the kubelet sees a container exit. */
  pleg: 1000,
  /** Pod worker retry after a sync error (CreateContainerConfigError, sandbox failure). */
  syncRetry: 10_000,
  /** A pull of an image whose layers are already on the node (manifest check only). */
  cachedPull: 400,
  /** How long after start an OOM-bound program hits its memory limit. */
  oomAfter: 1500,
  /** Fixed image pull duration; when unset, size / bandwidth decides. */
  imagePull: 0,
  /** Node lease renewal (NodeLease renewInterval = 0.25 x 40 s). */
  leaseRenew: 10_000,
  /** nodeStatusUpdateFrequency. */
  nodeStatusUpdate: 10_000,
  /** nodeStatusReportFrequency. */
  nodeStatusReport: 300_000,
};

export type Timing = typeof DEFAULT_TIMING;

export function timingFrom(overrides?: Record<string, number>): Timing {
  const t = { ...DEFAULT_TIMING };
  for (const k of Object.keys(t) as (keyof Timing)[]) if (overrides && typeof overrides[k] === 'number') t[k] = overrides[k];
  return t;
}
