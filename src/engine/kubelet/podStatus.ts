// The PodStatus the kubelet reports, built from its runtime state (pkg/kubelet/kubelet_pods.go
// generateAPIPodStatus + convertToAPIContainerStatuses, status/status_manager.go for
// lastTransitionTime and startTime). Field order follows the Go structs.
import type { KubeObject } from '../api/types';
import { isoAt } from '../core/time';
import { containersReadyCondition, initializedCondition, podReadyCondition, readyToStartContainersCondition, type PodCondition } from './conditions';
import { podPhase } from './phase';
import { podQOSClass } from './qos';
import { isStaticPod } from './staticPods';
import { nodeIP, specOf, type SyncCtx } from './syncContext';
import type { ContainerRuntime, TerminatedState } from './types';

function terminatedJSON(t: TerminatedState): any {
  const out: any = { exitCode: t.exitCode };
  if (t.signal) out.signal = t.signal;
  out.reason = t.reason;
  if (t.message) out.message = t.message;
  out.startedAt = isoAt(t.startedAt);
  out.finishedAt = isoAt(t.finishedAt);
  if (t.containerID) out.containerID = t.containerID;
  return out;
}

/**
 * status_manager.go TerminatePod: at the end of a deleted pod's life, a container that never
 * terminated is reported as failed with ContainerStatusUnknown.
 */
const UNKNOWN_AT_TERMINATION = { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' };

function containerStatus(x: SyncCtx, c: ContainerRuntime, defaultWaiting: string, finalizing = false): any {
  const spec = specOf(x.pod, c);
  let state: any;
  let lastState: any = c.lastTerminated ? { terminated: terminatedJSON(c.lastTerminated) } : {};
  if (c.phase === 'running') state = { running: { startedAt: isoAt(c.startedAt ?? x.t) } };
  else if (c.phase === 'exited' && c.terminated) state = { terminated: terminatedJSON(c.terminated) };
  else if (finalizing) state = { terminated: { ...UNKNOWN_AT_TERMINATION } };
  else {
    const w = c.waiting ?? { reason: defaultWaiting };
    state = { waiting: w.message !== undefined ? { reason: w.reason, message: w.message } : { reason: w.reason } };
    // A container waiting to be restarted shows the instance that just ended as lastState.
    if (c.terminated) lastState = { terminated: terminatedJSON(c.terminated) };
  }
  const ready = c.kind === 'init' ? !!c.done : c.ready;
  const out: any = {
    name: c.name,
    state,
    lastState,
    ready,
    restartCount: c.restartCount,
    image: c.image ?? spec.image,
    imageID: c.imageID ?? '',
  };
  if (c.containerID) out.containerID = c.containerID;
  out.started = c.phase === 'running' ? c.started : false;
  // Resources are reported for running containers (convertContainerStatusResources).
  if (c.phase === 'running' && spec.resources && (spec.resources.requests || spec.resources.limits)) out.resources = spec.resources;
  if (spec.volumeMounts?.length) {
    out.volumeMounts = spec.volumeMounts.map((m: any) => ({
      name: m.name,
      mountPath: m.mountPath,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }));
  }
  return out;
}

/** Keeps lastTransitionTime while a condition's status stays the same (status manager). */
function stamp(x: SyncCtx, c: PodCondition): any {
  const prev = x.rt.conditionTimes[c.type];
  if (!prev || prev[0] !== c.status) x.rt.conditionTimes[c.type] = [c.status, x.t];
  const at = x.rt.conditionTimes[c.type][1];
  const out: any = { type: c.type };
  const gen = x.pod.metadata.generation;
  if (gen !== undefined) out.observedGeneration = gen;
  out.status = c.status;
  out.lastProbeTime = null;
  out.lastTransitionTime = isoAt(at);
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}

/** The status the kubelet would write for the pod right now. */
export function buildPodStatus(x: SyncCtx): any {
  const pod = x.pod;
  const rt = x.rt;
  const old = pod.status ?? {};
  const qosClass = podQOSClass(pod.spec ?? {});
  const startTime = isoAt(rt.startTime);
  if (rt.rejected) {
    return { ...(old.conditions ? { conditions: old.conditions } : {}), phase: 'Failed', message: rt.rejected.message, reason: rt.rejected.reason, startTime, qosClass };
  }
  const defaultWaiting = (pod.spec?.initContainers ?? []).length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const initStatuses = rt.containers.filter((c) => c.kind !== 'regular').map((c) => containerStatus(x, c, defaultWaiting));
  // A deleted pod's regular containers that never ran end as ContainerStatusUnknown, unless
  // init containers never completed (their state already explains the failure).
  const finalizing = !!rt.terminating && !!rt.sandboxRemoved && (!!rt.initialized || !(pod.spec?.initContainers ?? []).length);
  const statuses = rt.containers.filter((c) => c.kind === 'regular').map((c) => containerStatus(x, c, defaultWaiting, finalizing));
  const all = [...initStatuses, ...statuses];
  const podIsTerminal = !!rt.terminal || (!!rt.terminating && !!rt.sandboxRemoved);
  let phase = podPhase(pod.spec ?? {}, all, podIsTerminal, !!rt.initialized, isStaticPod(pod));
  // TerminatePod: every non-static pod ends in a terminal phase; once terminal, it stays so.
  if (podIsTerminal && phase !== 'Succeeded' && phase !== 'Failed' && !isStaticPod(pod)) phase = 'Failed';
  if (rt.failure) phase = 'Failed';
  if ((old.phase === 'Succeeded' || old.phase === 'Failed') && phase !== old.phase) phase = old.phase;

  const spec = pod.spec ?? {};
  const generated: PodCondition[] = [
    readyToStartContainersCondition(!!rt.sandbox?.ready && !rt.sandboxRemoved),
    initializedCondition(spec, all, phase),
  ];
  const others = (old.conditions ?? []).filter((c: any) => !['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].includes(c.type));
  generated.push(podReadyCondition(spec, [...generated, ...others], all, phase));
  generated.push(containersReadyCondition(spec, all, phase));
  // mergePodStatus: conditions the kubelet does not own come first, then the kubelet's.
  const conditions = [...others, ...generated.map((c) => stamp(x, c))];
  const scheduled = (old.conditions ?? []).find((c: any) => c.type === 'PodScheduled');
  conditions.push(scheduled?.status === 'True' ? scheduled : stamp(x, { type: 'PodScheduled', status: 'True' }));

  const status: any = {};
  if (pod.metadata.generation !== undefined) status.observedGeneration = pod.metadata.generation;
  status.phase = phase;
  status.conditions = conditions;
  const hostIP = nodeIP(x.node);
  if (hostIP) {
    status.hostIP = hostIP;
    status.hostIPs = [{ ip: hostIP }];
  }
  if (rt.sandbox?.ready && rt.sandbox.ip) {
    status.podIP = rt.sandbox.ip;
    status.podIPs = [{ ip: rt.sandbox.ip }];
  } else if (old.podIP && rt.sandboxRemoved) {
    status.podIP = old.podIP;
    status.podIPs = old.podIPs;
  }
  if (rt.failure) {
    status.message = rt.failure.message;
    status.reason = rt.failure.reason;
  }
  status.startTime = startTime;
  if (initStatuses.length) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  status.qosClass = qosClass;
  return status;
}

export type { KubeObject };
