// The READY, STATUS and RESTARTS columns of `kubectl get pods`, computed as the server-side
// table printer does (pkg/printers/internalversion/printers.go printPod): init containers
// first (Init:N/M, Init:<reason>, Init:ExitCode:N), then regular containers from last to first,
// Completed turned back into Running/NotReady while a container still runs, SchedulingGated,
// Terminating and Unknown, and "N (Xs ago)" restarts.
import type { KubeObject } from '../api/types';
import { humanDuration, virtualMsOf } from '../core/time';

export interface PodStatusColumns {
  ready: string;
  status: string;
  restarts: string;
}

/** pkg/api/v1/pod IsRestartableInitContainer: an init container with restartPolicy Always (a sidecar). */
export function isRestartableInitContainer(c: any): boolean {
  return c?.restartPolicy === 'Always';
}

const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

function hasCondition(pod: KubeObject, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
}

/** `now` is virtual ms; timestamps in the pod are RFC 3339 as the engine writes them. */
export function podStatusColumns(pod: KubeObject, now: number): PodStatusColumns {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart = -Infinity;
  let lastRestartableInitRestart = -Infinity;

  const phase: string = status.phase ?? '';
  let reason: string = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initSpecs = new Map<string, any>();
  for (const c of spec.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  const finishedAt = (cs: any): number => {
    const t = cs.lastState?.terminated?.finishedAt;
    return t ? (virtualMsOf(t) ?? -Infinity) : -Infinity;
  };

  let initializing = false;
  const inits: any[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const cs = inits[i];
    restarts += cs.restartCount ?? 0;
    if (cs.lastState?.terminated) lastRestart = Math.max(lastRestart, finishedAt(cs));
    const sidecar = isRestartableInitContainer(initSpecs.get(cs.name));
    if (sidecar) {
      restartableInitRestarts += cs.restartCount ?? 0;
      if (cs.lastState?.terminated) lastRestartableInitRestart = Math.max(lastRestartableInitRestart, finishedAt(cs));
    }
    const term = cs.state?.terminated;
    const wait = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (wait && wait.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses: any[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      if (cs.lastState?.terminated) lastRestart = Math.max(lastRestart, finishedAt(cs));
      const wait = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (wait && wait.reason) reason = wait.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = !!pod.metadata.deletionTimestamp;
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart > -Infinity) restartsText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}
