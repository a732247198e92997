// One container's life on the node, step by step as the kubelet drives it
// (pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer, kuberuntime_manager.go
// computePodActions/doBackOff, pkg/kubelet/images/image_manager.go EnsureImageExists):
// image check or pull, config, create, start, exit, the restart decision with CrashLoopBackOff,
// and kills (liveness/startup failure, deletion, the user).
import { EPOCH_MS } from '../core/time';
import { invalidImageMessage, parseImageReference, defaultPullPolicy } from '../images/reference';
import { pullDurationMs, pullOutcome } from '../images/registry';
import { instanceLogs } from './logs';
import { backoffNext, formatGoDuration, isInBackoffSince, isInBackoffSinceUpdate } from './backoff';
import { containerEnv } from './configRefs';
import { newProbeState, PROBE_TYPES, probeSpec } from './probes';
import { memoryLimitBytes } from './resources';
import { emitEvent, formatPod, gracePeriodMs, programOf, randomHex64, restartPolicy, specOf, type SyncCtx } from './syncContext';
import type { ContainerRuntime } from './types';

function wait(c: ContainerRuntime, reason: string, message: string | undefined, retryAt: number): void {
  c.phase = 'waiting';
  c.waiting = message === undefined ? { reason } : { reason, message };
  c.retryAt = retryAt;
}

/** EnsureImageExists, then create and start (or a pull in flight). */
export function startContainer(x: SyncCtx, c: ContainerRuntime): void {
  const spec = specOf(x.pod, c);
  const image: string = spec.image ?? '';
  c.specImage = image;
  const parsed = parseImageReference(image);
  if (!parsed.ok) {
    const msg = invalidImageMessage(image, parsed.error);
    emitEvent(x, 'Warning', 'InspectFailed', msg);
    emitEvent(x, 'Warning', 'Failed', 'Error: InvalidImageName');
    return wait(c, 'InvalidImageName', msg, x.t + x.timing.syncRetry);
  }
  const policy = spec.imagePullPolicy ?? defaultPullPolicy(image);
  const present = x.state.images[parsed.ref.normalized];
  if (policy === 'Never' && !present) {
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    emitEvent(x, 'Warning', 'ErrImageNeverPull', msg);
    emitEvent(x, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
    return wait(c, 'ErrImageNeverPull', msg, x.t + x.timing.syncRetry);
  }
  if (present && policy !== 'Always') {
    emitEvent(x, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
    return createAndStart(x, c);
  }
  const backoff = x.rt.imageBackoff[image];
  if (isInBackoffSinceUpdate(backoff, x.t)) {
    emitEvent(x, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
    emitEvent(x, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    const msg = `Back-off pulling image "${image}"${backoff.lastError ? `: ${backoff.lastError}` : ''}`;
    return wait(c, 'ImagePullBackOff', msg, backoff.lastUpdate + backoff.backoffMs);
  }
  emitEvent(x, 'Normal', 'Pulling', `Pulling image "${image}"`);
  const outcome = pullOutcome(image);
  const jitter = x.rng.next();
  let duration: number;
  if (!outcome.ok) duration = Math.round(400 + 400 * jitter);
  else if (present) duration = x.timing.cachedPull;
  else duration = x.timing.imagePull || pullDurationMs(outcome.sizeBytes, jitter);
  // serializeImagePulls defaults to true: one pull at a time per node.
  const startAt = Math.max(x.t, x.state.pullQueueFreeAt);
  const doneAt = startAt + duration;
  x.state.pullQueueFreeAt = doneAt;
  c.phase = 'pulling';
  c.retryAt = undefined;
  c.pull = { requestedAt: x.t, startAt, doneAt, ok: outcome.ok, error: outcome.ok ? undefined : outcome.error };
}

export function onPullDone(x: SyncCtx, c: ContainerRuntime): void {
  const pull = c.pull!;
  c.pull = undefined;
  const image: string = specOf(x.pod, c).image ?? '';
  if (!pull.ok) {
    emitEvent(x, 'Warning', 'Failed', `Failed to pull image "${image}": ${pull.error}`);
    const next = backoffNext(x.rt.imageBackoff[image], x.t);
    x.rt.imageBackoff[image] = { ...next, lastError: `ErrImagePull: ${pull.error}` };
    emitEvent(x, 'Warning', 'Failed', 'Error: ErrImagePull');
    // The next sync (a pod worker retry) finds the image in back-off.
    return wait(c, 'ErrImagePull', pull.error, x.t + x.timing.pleg);
  }
  const outcome = pullOutcome(image);
  if (outcome.ok) {
    x.state.images[outcome.repoTag] = { repoTags: [outcome.repoTag], repoDigests: [outcome.repoDigest], sizeBytes: outcome.sizeBytes, imageID: outcome.imageID };
    emitEvent(
      x,
      'Normal',
      'Pulled',
      `Successfully pulled image "${image}" in ${formatGoDuration(pull.doneAt - pull.startAt)} (${formatGoDuration(pull.doneAt - pull.requestedAt)} including waiting). Image size: ${outcome.sizeBytes} bytes.`,
    );
  }
  delete x.rt.imageBackoff[image];
  createAndStart(x, c);
}

/** generateContainerConfig (env), CreateContainer, StartContainer. */
function createAndStart(x: SyncCtx, c: ContainerRuntime): void {
  const spec = specOf(x.pod, c);
  const env = containerEnv(x, spec);
  if (env.error) {
    emitEvent(x, 'Warning', 'Failed', `Error: ${env.error}`);
    return wait(c, 'CreateContainerConfigError', env.error, x.t + x.timing.syncRetry);
  }
  x.programs.delete(c.name);
  const program = programOf(x, c);
  const ref = parseImageReference(spec.image);
  const facts = ref.ok ? x.state.images[ref.ref.normalized] : undefined;
  c.image = ref.ok ? ref.ref.normalized : spec.image;
  c.imageID = facts?.imageID ?? '';
  c.containerID = `containerd://${randomHex64(x.rng)}`;
  c.waiting = undefined;
  c.retryAt = undefined;
  c.probes = {};
  emitEvent(x, 'Normal', 'Created', `Created container: ${c.name}`);
  if (program.startError) {
    emitEvent(x, 'Warning', 'Failed', `Error: ${program.startError}`);
    // The task never started: startedAt stays the zero time (1970-01-01T00:00:00Z).
    c.startedAt = -EPOCH_MS;
    return onExit(x, c, { code: 128, reason: 'StartError', message: program.startError });
  }
  emitEvent(x, 'Normal', 'Started', `Started container ${c.name}`);
  c.phase = 'running';
  c.startedAt = x.t;
  const limit = memoryLimitBytes(spec);
  if (limit !== undefined && program.memoryBytes > limit) {
    c.exitAt = x.t + x.timing.oomAfter;
    c.exit = { code: 137, reason: 'OOMKilled' };
  } else if (program.timeline.exit) {
    c.exitAt = x.t + program.timeline.exit.at;
    c.exit = { code: program.timeline.exit.code, reason: program.timeline.exit.code === 0 ? 'Completed' : 'Error' };
  } else {
    c.exitAt = undefined;
    c.exit = undefined;
  }
  if (c.kind !== 'init') {
    for (const type of PROBE_TYPES) {
      const p = probeSpec(spec, type);
      if (p) c.probes[type] = newProbeState(type, x.t, p, x.rt.startTime, x.t + x.timing.pleg);
    }
  }
  c.started = !c.probes.startup;
  c.ready = c.started && !c.probes.readiness;
}

/** The instance stopped (by itself or killed): record it; the kubelet notices at the next relist. */
export function onExit(x: SyncCtx, c: ContainerRuntime, result: { code: number; reason: string; message?: string }, cause?: KillCause): void {
  const startedAt = c.startedAt ?? x.t;
  if (c.phase === 'running') c.previousLogs = instanceLogs(x, c, x.t, 200);
  c.accessLog = undefined;
  c.terminated = {
    exitCode: result.code,
    reason: result.reason,
    ...(result.message ? { message: result.message } : {}),
    startedAt,
    finishedAt: x.t,
    containerID: c.containerID ?? '',
  };
  c.phase = 'exited';
  c.started = false;
  c.ready = false;
  c.probes = {};
  c.exitAt = undefined;
  c.exit = undefined;
  c.stopping = undefined;
  // Stopped on purpose (deletion, end of the pod): nothing to decide, no restart.
  if (x.rt.terminating || x.rt.terminal || cause === 'delete' || cause === 'sidecar') return;
  c.decideAt = c.forceRestart ? x.t : x.t + x.timing.pleg;
}

function shouldRestart(x: SyncCtx, c: ContainerRuntime): boolean {
  if (c.kind === 'sidecar') return true;
  const code = c.terminated?.exitCode ?? 0;
  if (c.forceRestart) return restartPolicy(x.pod) !== 'Never';
  if (c.kind === 'init') return code !== 0 && restartPolicy(x.pod) !== 'Never';
  switch (restartPolicy(x.pod)) {
    case 'Always':
      return true;
    case 'OnFailure':
      return code !== 0;
    default:
      return false;
  }
}

/** computePodActions for an exited container: done, restart now, or CrashLoopBackOff. */
export function decide(x: SyncCtx, c: ContainerRuntime): void {
  c.decideAt = undefined;
  if (c.kind === 'init' && c.terminated?.exitCode === 0) {
    c.done = true;
    return;
  }
  if (!shouldRestart(x, c)) {
    c.forceRestart = false;
    if (c.kind === 'init') x.rt.terminal = true;
    return;
  }
  restartWithBackoff(x, c);
}

/** doBackOff: restart unless the container is still in its crash back-off. */
export function restartWithBackoff(x: SyncCtx, c: ContainerRuntime): void {
  const finishedAt = c.terminated?.finishedAt ?? x.t;
  const entry = x.rt.crashBackoff[c.name];
  if (isInBackoffSince(entry, finishedAt, x.t)) {
    const pod = formatPod(x.pod);
    emitEvent(x, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod}`);
    return wait(c, 'CrashLoopBackOff', `back-off ${formatGoDuration(entry.backoffMs)} restarting failed container=${c.name} pod=${pod}`, finishedAt + entry.backoffMs);
  }
  x.rt.crashBackoff[c.name] = backoffNext(entry, finishedAt);
  c.forceRestart = false;
  c.lastTerminated = c.terminated;
  c.terminated = undefined;
  c.restartCount++;
  startContainer(x, c);
}

export type KillCause = 'liveness' | 'startup' | 'delete' | 'user' | 'sidecar' | 'changed';

/** Sends SIGTERM; the process exits after its stop time, or SIGKILL (137) at the end of the grace period. */
export function killContainer(x: SyncCtx, c: ContainerRuntime, cause: KillCause, graceOverrideSeconds?: number): void {
  if (c.phase !== 'running' || c.stopping) return;
  const program = programOf(x, c);
  const grace = gracePeriodMs(x.pod, graceOverrideSeconds);
  const graceful = program.stopMs <= grace;
  const code = graceful ? program.sigtermExitCode : 137;
  c.stopping = { at: x.t + (graceful ? program.stopMs : grace), code, reason: code === 0 ? 'Completed' : 'Error', cause };
  if (cause === 'liveness' || cause === 'startup') {
    const restart = restartPolicy(x.pod) !== 'Never';
    emitEvent(x, 'Normal', 'Killing', `Container ${c.name} failed ${cause} probe${restart ? ', will be restarted' : ''}`);
    c.forceRestart = restart;
  } else if (cause === 'changed') {
    emitEvent(x, 'Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`);
    c.forceRestart = true;
  } else {
    emitEvent(x, 'Normal', 'Killing', `Stopping container ${c.name}`);
  }
}
