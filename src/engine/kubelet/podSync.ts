// One pod's sync, as the kubelet's pod worker runs it (pkg/kubelet/kubelet.go SyncPod /
// SyncTerminatingPod, kuberuntime_manager.go computePodActions + SyncPod): catch up with every
// timer that fell due since the last sync (pulls finishing, exits, relists, probe ticks,
// back-off expiries), each at its own time, then decide what to do now: create the sandbox,
// start the next init container, the sidecars, the regular containers, or tear down.
import { randomHex64, emitEvent, nodeIP, gracePeriodMs, programOf, specOf, restartPolicy, probeSourceIP, PROBE_USER_AGENT, type SyncCtx } from './syncContext';
import { accessLogLine } from '../images/logs';
import { decide, killContainer, onExit, onPullDone, restartWithBackoff, startContainer } from './containerLifecycle';
import { missingVolumeSource } from './configRefs';
import { nextTick, probeSpec, probeTiming, probeTitle, recordProbeResult, runProbe } from './probes';
import type { ContainerRuntime, ProbeType } from './types';

export type Due =
  | { at: number; kind: 'sandbox' }
  | { at: number; kind: 'deadline' }
  | { at: number; kind: 'sandboxRetry' }
  | { at: number; kind: 'pull' | 'retry' | 'exit' | 'stop' | 'decide'; c: ContainerRuntime }
  | { at: number; kind: 'probe'; c: ContainerRuntime; type: ProbeType };

/** The earliest pending timer of the pod, if any. */
export function nextDue(x: SyncCtx): Due | undefined {
  const rt = x.rt;
  let best: Due | undefined;
  const offer = (d: Due) => {
    if (!best || d.at < best.at) best = d;
  };
  if (rt.sandbox && !rt.sandbox.ready) offer({ at: rt.sandbox.readyAt, kind: 'sandbox' });
  if (rt.sandboxRetryAt !== undefined) offer({ at: rt.sandboxRetryAt, kind: 'sandboxRetry' });
  const ads = x.pod.spec?.activeDeadlineSeconds;
  if (typeof ads === 'number' && !rt.terminal && !rt.rejected && !rt.terminating) offer({ at: rt.startTime + ads * 1000, kind: 'deadline' });
  for (const c of rt.containers) {
    if (c.phase === 'pulling' && c.pull) offer({ at: c.pull.doneAt, kind: 'pull', c });
    if (c.phase === 'waiting' && c.retryAt !== undefined) offer({ at: c.retryAt, kind: 'retry', c });
    if (c.phase === 'running') {
      if (c.exitAt !== undefined) offer({ at: c.exitAt, kind: 'exit', c });
      if (c.stopping) offer({ at: c.stopping.at, kind: 'stop', c });
      if (!rt.terminating) {
        for (const [type, p] of Object.entries(c.probes) as [ProbeType, NonNullable<ContainerRuntime['probes'][ProbeType]>][]) {
          if (!p.onHold && !p.done) offer({ at: p.nextAt, kind: 'probe', c, type });
        }
      }
    }
    if (c.phase === 'exited' && c.decideAt !== undefined) offer({ at: c.decideAt, kind: 'decide', c });
  }
  return best;
}

export function sandboxReady(x: SyncCtx): boolean {
  return !!x.rt.sandbox?.ready;
}

function process(x: SyncCtx, d: Due): void {
  switch (d.kind) {
    case 'sandbox':
      x.rt.sandbox!.ready = true;
      return;
    case 'sandboxRetry':
      x.rt.sandboxRetryAt = undefined;
      return;
    case 'deadline': {
      // pkg/kubelet/active_deadline.go: the pod fails and its containers are stopped.
      const message = 'Pod was active on the node longer than the specified deadline';
      x.rt.failure = { reason: 'DeadlineExceeded', message };
      x.rt.terminal = true;
      emitEvent(x, 'Normal', 'DeadlineExceeded', message);
      return;
    }
    case 'pull':
      return onPullDone(x, d.c);
    case 'retry':
      d.c.retryAt = undefined;
      if (d.c.terminated) return restartWithBackoff(x, d.c);
      return startContainer(x, d.c);
    case 'exit':
      return onExit(x, d.c, d.c.exit ?? { code: 0, reason: 'Completed' });
    case 'stop': {
      const s = d.c.stopping!;
      return onExit(x, d.c, { code: s.code, reason: s.reason }, s.cause);
    }
    case 'decide':
      return decide(x, d.c);
    case 'probe':
      return probeTick(x, d.c, d.type);
  }
}

function probeTick(x: SyncCtx, c: ContainerRuntime, type: ProbeType): void {
  const spec = specOf(x.pod, c);
  const p = probeSpec(spec, type);
  const state = c.probes[type]!;
  const { periodMs, initialDelayMs } = probeTiming(p);
  state.nextAt = nextTick(state.anchor, periodMs, x.t);
  if (type === 'startup' && c.started) {
    state.done = true;
    return;
  }
  if (type !== 'startup' && !c.started) return;
  if (x.t - (c.startedAt ?? 0) < initialDelayMs) return;
  const override = c.overrides?.[type];
  const outcome = override
    ? { ok: override === 'succeed', output: override === 'fail' ? 'probe forced to fail by the user (Kubeglass)' : '' }
    : runProbe(p, spec, programOf(x, c), x.rt.sandbox?.ip ?? '', x.t - (c.startedAt ?? 0));
  if (!outcome.ok) emitEvent(x, 'Warning', 'Unhealthy', `${probeTitle(type)} probe failed: ${outcome.output}`);
  recordAccess(x, c, 'http' in outcome ? outcome.http : undefined);
  const changed = recordProbeResult(state, outcome.ok ? 'success' : 'failure', p);
  if (type === 'readiness') c.ready = c.started && state.result === 'success';
  if (!changed) return;
  if (type === 'startup' && changed === 'success') {
    c.started = true;
    c.ready = !c.probes.readiness || c.probes.readiness.result === 'success';
    state.done = true;
    // The status now shows started-but-not-ready, which triggers a readiness run.
    const r = c.probes.readiness;
    if (r) r.nextAt = Math.min(r.nextAt, x.t + x.timing.pleg);
  }
  if ((type === 'liveness' || type === 'startup') && changed === 'failure') {
    state.onHold = true;
    state.run = 0;
    killContainer(x, c, type, p.terminationGracePeriodSeconds);
  }
}

/** nginx and httpd log every probe request to stdout, as `kubectl logs` shows. */
function recordAccess(x: SyncCtx, c: ContainerRuntime, http: { path: string; status: number; bytes: number } | undefined): void {
  const format = programOf(x, c).profile.accessLog;
  const from = probeSourceIP(x);
  if (!http || !format || !from) return;
  const log = (c.accessLog ??= []);
  log.push({ at: x.t, line: accessLogLine(format, x.t, from, http.path, http.status, http.bytes, PROBE_USER_AGENT) });
  if (log.length > 100) log.splice(0, log.length - 100);
}

/** Catches up with due timers (each at its own time, acting after each), then acts at `now`. */
export function syncPod(x: SyncCtx, now: number): void {
  for (let guard = 0; guard < 100_000; guard++) {
    const d = nextDue(x);
    if (!d || d.at > now) break;
    x.t = Math.max(x.t, d.at);
    process(x, d);
    computeActions(x);
  }
  x.t = now;
  computeActions(x);
}

function startable(c: ContainerRuntime): boolean {
  return c.phase === 'pending';
}

function computeActions(x: SyncCtx): void {
  const rt = x.rt;
  if (rt.rejected) return;
  if (x.pod.metadata.deletionTimestamp) return terminate(x);
  if (rt.terminal) return teardown(x);
  if (!rt.sandbox) {
    if (rt.sandboxRetryAt !== undefined) return;
    return createSandbox(x);
  }
  if (!sandboxReady(x)) return;
  applySpecChanges(x);
  let initialized = true;
  for (const c of rt.containers) {
    if (c.kind === 'regular') continue;
    if (c.kind === 'init') {
      if (c.done) continue;
      if (startable(c)) startContainer(x, c);
      initialized = false;
      break;
    }
    if (startable(c)) startContainer(x, c);
    // A sidecar gates the next init container until it has started (startup probe passed).
    if (!c.started && !rt.initialized) {
      initialized = false;
      break;
    }
  }
  if (!initialized) return;
  rt.initialized = true;
  for (const c of rt.containers) if (c.kind === 'regular' && startable(c)) startContainer(x, c);
  // restartPolicy Never/OnFailure: once every regular container is finished for good, the pod
  // is done; sidecars are stopped (KEP-753) and the sandbox goes.
  const regular = rt.containers.filter((c) => c.kind === 'regular');
  const finished = regular.length > 0 && regular.every((c) => c.phase === 'exited' && c.decideAt === undefined);
  if (finished && restartPolicy(x.pod) !== 'Always') {
    for (const c of rt.containers) if (c.kind === 'sidecar') killContainer(x, c, 'sidecar');
    if (rt.containers.every((c) => c.phase !== 'running')) rt.terminal = true;
    if (rt.terminal) teardown(x);
  }
}

/**
 * A pod update that changes a container's image (kubectl set image on a pod): a waiting
 * container tries the new image at once; a running one is restarted (computePodActions,
 * "definition changed").
 */
function applySpecChanges(x: SyncCtx): void {
  for (const c of x.rt.containers) {
    if (c.specImage === undefined || c.kind === 'init') continue;
    const image = specOf(x.pod, c).image ?? '';
    if (image === c.specImage) continue;
    if (c.phase === 'waiting' && c.retryAt !== undefined && c.retryAt > x.t) c.retryAt = x.t;
    if (c.phase === 'running' && !c.stopping) killContainer(x, c, 'changed');
  }
}

function createSandbox(x: SyncCtx): void {
  const rt = x.rt;
  const missing = missingVolumeSource(x.listers, x.pod);
  if (missing) {
    emitEvent(x, 'Warning', 'FailedMount', missing.message);
    rt.sandboxRetryAt = x.t + x.timing.syncRetry;
    return;
  }
  const id = randomHex64(x.rng);
  const hostNetwork = !!x.pod.spec?.hostNetwork;
  let ip: string | undefined;
  if (hostNetwork) ip = nodeIP(x.node) ?? '';
  else if (x.deps.allocateIP) {
    const r = x.deps.allocateIP(x.state.nodeName, x.pod);
    if (typeof r !== 'string') {
      const plugin = x.node?.metadata.annotations?.['flannel.alpha.coreos.com/backend-type'] ? 'flannel' : 'bridge';
      emitEvent(
        x,
        'Warning',
        'FailedCreatePodSandBox',
        `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": plugin type="${plugin}" failed (add): ${r.error}`,
      );
      rt.sandboxRetryAt = x.t + x.timing.syncRetry;
      return;
    }
    ip = r;
  } else ip = fallbackIP(x);
  rt.sandbox = { id, ip, readyAt: x.t + x.timing.sandboxCreate, ready: false, hostNetwork };
}

/**
 * Without an injected IPAM: host-local's order on the node's podCIDR (.2, .3, ...; .1 is the
 * bridge). The network helper's allocator replaces this in the full engine.
 */
function fallbackIP(x: SyncCtx): string {
  const cidr: string = x.node?.spec?.podCIDR ?? '10.244.0.0/24';
  const base = cidr.split('/')[0].split('.').map(Number);
  const n = x.state.nextIp++;
  return `${base[0]}.${base[1]}.${base[2] + Math.floor((n + 2) / 256)}.${(n + 2) % 256}`;
}

/** Removes the sandbox (CNI DEL) once nothing runs: terminal pods and finished deletions. */
function teardown(x: SyncCtx): void {
  const rt = x.rt;
  if (rt.sandboxRemoved) return;
  for (const c of rt.containers) if (c.phase === 'running' && !c.stopping) killContainer(x, c, 'sidecar');
  if (rt.containers.some((c) => c.phase === 'running' || c.phase === 'pulling')) return;
  for (const c of rt.containers) {
    c.retryAt = undefined;
    c.decideAt = undefined;
  }
  rt.sandboxRetryAt = undefined;
  if (rt.sandbox && !rt.sandbox.hostNetwork) x.deps.releaseIP?.(x.state.nodeName, x.pod);
  rt.sandboxRemoved = true;
}

/** Graceful deletion (SyncTerminatingPod): stop every container, then remove the sandbox. */
function terminate(x: SyncCtx): void {
  const rt = x.rt;
  if (!rt.terminating) {
    rt.terminating = { startedAt: x.t, graceMs: gracePeriodMs(x.pod) };
    for (const c of rt.containers) {
      if (c.phase === 'running') killContainer(x, c, 'delete');
      if (c.phase === 'pulling') {
        c.phase = 'pending';
        c.pull = undefined;
      }
      c.retryAt = undefined;
      c.decideAt = undefined;
    }
  }
  teardown(x);
}

/** Whether a pod's kubelet-side life is over (nothing runs, sandbox removed). */
export function podFinished(x: SyncCtx): boolean {
  return !!x.rt.sandboxRemoved || !!x.rt.rejected;
}

export { programOf };
