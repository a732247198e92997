// The kubelet on one node as a controller (controllers/types.ts): it watches Pods bound to
// its node and its Node, runs pods against its private runtime state (types.ts), and writes
// pod statuses, Events, deletions of finished pods, its Lease every 10 s and its Node status.
// User actions (stop the kubelet, kill a container, force a probe) change the state and
// return the keys the host should reconcile.
import type { KubeObject, WatchEvent } from '../api/types';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../controllers/types';
import { parseImageReference } from '../images/reference';
import { pullOutcome } from '../images/registry';
import { admitPod } from './admission';
import { buildPodStatus } from './podStatus';
import { jsonEqual } from '../api/jsonEqual';
import { nextDue, syncPod } from './podSync';
import { type SyncCtx } from './syncContext';
import { instanceLogs } from './logs';
import { nodeSync } from './nodeSync';
import { timingFrom, type ContainerRuntime, type KubeletDeps, type KubeletState, type PodRuntime, type ProbeOverride, type ProbeType } from './types';
import { isRestartableInitContainer } from './podStatusColumns';
import { PAUSE_IMAGE } from './nodeRegistration';

export interface Kubelet extends Controller {
  readonly nodeName: string;
  readonly state: KubeletState;
  /** Stop or restart the kubelet (user action). Returns keys to reconcile. */
  setStopped(stopped: boolean, now: number, listers: Listers): string[];
  /** Kill a running container (SIGKILL, exit 137). */
  killContainer(namespace: string, pod: string, container: string, now: number): string[];
  /** Force a container's probe result, or clear the override with undefined. */
  setProbeOverride(namespace: string, pod: string, container: string, probe: ProbeType, value: ProbeOverride | undefined): string[];
  /** `kubectl logs` for a container; `previous` for the last terminated instance. */
  containerLogs(namespace: string, pod: string, container: string, now: number, listers: Listers, opts?: { previous?: boolean; tail?: number }): string[] | { error: string };
  /** The kubelet's runtime view of a pod (for the UI). */
  runtimeOf(namespace: string, pod: string): PodRuntime | undefined;
}

export const podKey = (namespace: string, name: string) => `pod/${namespace}/${name}`;
export const NODE_KEY = 'node';

/** Images every node has before any pod runs (the sandbox image). */
function preload(state: KubeletState, images: string[]): void {
  for (const image of images) {
    const o = pullOutcome(image);
    if (o.ok) state.images[o.repoTag] = { repoTags: [o.repoTag], repoDigests: [o.repoDigest], sizeBytes: o.sizeBytes, imageID: o.imageID };
  }
}

function newRuntime(pod: KubeObject, now: number): PodRuntime {
  const containers: ContainerRuntime[] = [
    ...(pod.spec?.initContainers ?? []).map((c: any) => ({ name: c.name, kind: isRestartableInitContainer(c) ? ('sidecar' as const) : ('init' as const) })),
    ...(pod.spec?.containers ?? []).map((c: any) => ({ name: c.name, kind: 'regular' as const })),
  ].map((c) => ({ ...c, phase: 'pending' as const, restartCount: 0, started: false, ready: false, probes: {} }));
  return {
    uid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name ?? '',
    startTime: now,
    containers,
    imageBackoff: {},
    crashBackoff: {},
    conditionTimes: {},
  };
}

/** How long a running container may stay unready before that counts as its steady state. */
const UNREADY_IS_STEADY_AFTER_MS = 60_000;

export function createKubelet(nodeName: string, deps: KubeletDeps & { preloadedImages?: string[] } = {}): Kubelet {
  const state: KubeletState = { nodeName, stopped: false, pods: {}, images: {}, pullQueueFreeAt: 0, nextIp: 0 };
  preload(state, [PAUSE_IMAGE, ...(deps.preloadedImages ?? [])]);

  const ctxFor = (pod: KubeObject, rt: PodRuntime, rc: ReconcileContext, now: number): SyncCtx => ({
    pod,
    node: rc.listers.get('Node', '', nodeName),
    rt,
    state,
    listers: rc.listers,
    rng: rc.rng,
    timing: timingFrom(rc.config.timing),
    deps,
    writes: [],
    t: now,
    programs: new Map(),
  });

  const release = (rt: PodRuntime, pod: KubeObject | undefined) => {
    if (rt.sandbox && !rt.sandboxRemoved && !rt.sandbox.hostNetwork) {
      deps.releaseIP?.(nodeName, pod ?? { apiVersion: 'v1', kind: 'Pod', metadata: { name: rt.name, namespace: rt.namespace, uid: rt.uid } });
    }
  };

  function reconcilePod(namespace: string, name: string, rc: ReconcileContext): Plan {
    const key = `${namespace}/${name}`;
    const pod = rc.listers.get('Pod', namespace, name);
    let rt: PodRuntime | undefined = state.pods[key];
    if (!pod || pod.spec?.nodeName !== nodeName) {
      if (rt) {
        release(rt, undefined);
        delete state.pods[key];
      }
      return { writes: [] };
    }
    if (rt && rt.uid !== pod.metadata.uid) {
      release(rt, undefined);
      rt = undefined;
    }
    const writes: Write[] = [];
    if (!rt) {
      // A pod that already finished before this kubelet saw it (imported status) is left alone.
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return { writes };
      const node = rc.listers.get('Node', '', nodeName);
      if (!node) return { writes, requeueAfterMs: 1000 };
      rt = newRuntime(pod, rc.now);
      const others = rc.listers
        .podsOnNode(nodeName)
        .filter((p) => p.metadata.uid !== pod.metadata.uid)
        .filter((p) => {
          const o = state.pods[`${p.metadata.namespace}/${p.metadata.name}`];
          return o && o.uid === p.metadata.uid && !o.rejected && !o.terminal && !o.sandboxRemoved;
        });
      const verdict = admitPod(pod, node, others);
      if (!verdict.admit) {
        rt.rejected = { reason: verdict.reason, message: `Pod was rejected: ${verdict.message}` };
        writes.push({ op: 'event', involved: pod, type: 'Warning', reason: verdict.reason, message: verdict.message });
      }
      state.pods[key] = rt;
    }
    const x = ctxFor(pod, rt, rc, rc.now);
    syncPod(x, rc.now);
    writes.push(...x.writes);
    const status = buildPodStatus(x);
    if (!jsonEqual(status, pod.status)) writes.push({ op: 'updateStatus', object: { ...pod, status }, reason: 'PodStatus' });
    if (pod.metadata.deletionTimestamp && (rt.sandboxRemoved || rt.rejected) && !rt.deleteIssued) {
      rt.deleteIssued = true;
      writes.push({ op: 'delete', ref: { kind: 'Pod', namespace, name }, reason: 'PodTerminated', gracePeriodSeconds: 0, uid: pod.metadata.uid });
    }
    const due = nextDue(x);
    if (!due || !Number.isFinite(due.at)) return { writes };
    // Probe ticks of a running pod and retries inside a back-off (CrashLoopBackOff,
    // ImagePullBackOff) repeat a steady state: routine upkeep, not pending work.
    // A container still on its way to Ready (startup or readiness probes pending) is not steady
    // yet, unless it has stayed unready for a while: then not-ready is its steady state.
    const steady = rt.containers.every(
      (c) => (c.phase === 'running' && (c.ready || rc.now - (c.startedAt ?? rc.now) > UNREADY_IS_STEADY_AFTER_MS)) || (c.kind === 'init' && c.done),
    );
    const inBackoff = due.kind === 'retry' && ['CrashLoopBackOff', 'ImagePullBackOff'].includes(due.c.waiting?.reason ?? '');
    const background = (due.kind === 'probe' && steady) || inBackoff;
    return { writes, requeueAfterMs: Math.max(0, due.at - rc.now), background };
  }

  const kubelet: Kubelet = {
    name: `kubelet/${nodeName}`,
    nodeName,
    state,
    watches: ['Pod', 'Node'],
    keysFor(event: WatchEvent): string[] {
      if (event.kind === 'Node') return event.name === nodeName ? [NODE_KEY] : [];
      if (event.kind === 'Pod' && event.object.spec?.nodeName === nodeName) return [podKey(event.namespace, event.name)];
      return [];
    },
    initialKeys(listers: Listers): string[] {
      return [NODE_KEY, ...listers.podsOnNode(nodeName).map((p) => podKey(p.metadata.namespace ?? 'default', p.metadata.name ?? ''))];
    },
    reconcile(key: string, rc: ReconcileContext): Plan {
      if (state.stopped) return { writes: [] };
      if (key === NODE_KEY) return nodeSync(state, deps, rc);
      const [, namespace, name] = key.split('/');
      return reconcilePod(namespace, name, rc);
    },
    setStopped(stopped: boolean, now: number, listers: Listers): string[] {
      state.stopped = stopped;
      if (stopped) return [];
      // Work the kubelet owed while stopped happens when it comes back, not in the past.
      for (const rt of Object.values(state.pods)) {
        if (rt.sandboxRetryAt !== undefined && rt.sandboxRetryAt < now) rt.sandboxRetryAt = now;
        for (const c of rt.containers) {
          if (c.retryAt !== undefined && c.retryAt < now) c.retryAt = now;
          if (c.decideAt !== undefined && c.decideAt < now) c.decideAt = now;
          for (const p of Object.values(c.probes)) if (p && p.nextAt < now) p.nextAt = now;
        }
      }
      return kubelet.initialKeys!(listers);
    },
    killContainer(namespace, pod, container, now) {
      const c = state.pods[`${namespace}/${pod}`]?.containers.find((k) => k.name === container);
      if (!c || c.phase !== 'running') return [];
      c.exitAt = now;
      c.exit = { code: 137, reason: 'Error' };
      return [podKey(namespace, pod)];
    },
    setProbeOverride(namespace, pod, container, probe, value) {
      const c = state.pods[`${namespace}/${pod}`]?.containers.find((k) => k.name === container);
      if (!c) return [];
      c.overrides = { ...(c.overrides ?? {}) };
      if (value) c.overrides[probe] = value;
      else delete c.overrides[probe];
      return [podKey(namespace, pod)];
    },
    containerLogs(namespace, podName, container, now, listers, opts = {}) {
      const rt = state.pods[`${namespace}/${podName}`];
      const pod = listers.get('Pod', namespace, podName);
      const c = rt?.containers.find((k) => k.name === container);
      if (!rt || !pod || !c) return { error: `container "${container}" in pod "${podName}" is not available` };
      if (opts.previous) {
        if (!c.previousLogs) return { error: `previous terminated container "${container}" in pod "${podName}" not found` };
        return c.previousLogs.slice(-(opts.tail ?? c.previousLogs.length));
      }
      if (c.phase !== 'running' && !c.terminated) {
        const reason = c.waiting?.reason ?? 'ContainerCreating';
        return { error: `container "${container}" in pod "${podName}" is waiting to start: ${reason}` };
      }
      const x = { pod, rt, listers, node: listers.get('Node', '', nodeName), programs: new Map() } as unknown as SyncCtx;
      const until = c.phase === 'running' ? now : (c.terminated?.finishedAt ?? now);
      return instanceLogs(x, c, until, opts.tail ?? 1000);
    },
    runtimeOf(namespace, pod) {
      return state.pods[`${namespace}/${pod}`];
    },
  };
  return kubelet;
}

/** The normalized reference a container's image resolves to (for the UI's image cache view). */
export function normalizedImage(image: string): string | undefined {
  const r = parseImageReference(image);
  return r.ok ? r.ref.normalized : undefined;
}
