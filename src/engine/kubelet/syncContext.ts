// What one pod sync works with: the pod, its node, the kubelet's state for it, the clock,
// and the writes (events) the sync produces. Shared by the lifecycle, probe and status code.
import type { KubeObject } from '../api/types';
import type { Listers, Write } from '../controllers/types';
import type { Rng } from '../core/rng';
import { simulateContainer, type ContainerProgram } from '../images/simulate';
import type { ContainerRuntime, KubeletDeps, KubeletState, PodRuntime, Timing } from './types';
import { containerEnv } from './configRefs';

export interface SyncCtx {
  pod: KubeObject;
  node: KubeObject | undefined;
  rt: PodRuntime;
  state: KubeletState;
  listers: Listers;
  rng: Rng;
  timing: Timing;
  deps: KubeletDeps;
  /** Writes produced so far (events), in order. */
  writes: Write[];
  /** Virtual ms the sync is working at (a due timer's time while catching up, else now). */
  t: number;
  /** Programs by container name, computed once per sync. */
  programs: Map<string, ContainerProgram>;
}

/** format.Pod: `name_namespace(uid)`, as kubelet messages name pods. */
export function formatPod(pod: KubeObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

export function emitEvent(x: SyncCtx, type: 'Normal' | 'Warning', reason: string, message: string): void {
  x.writes.push({ op: 'event', involved: x.pod, type, reason, message });
}

/** The container's spec from the pod (init containers and sidecars live in initContainers). */
export function specOf(pod: KubeObject, c: ContainerRuntime): any {
  const list = c.kind === 'regular' ? pod.spec?.containers : pod.spec?.initContainers;
  return (list ?? []).find((s: any) => s.name === c.name) ?? { name: c.name, image: '' };
}

/** 64 hex digits from the seeded RNG (container and sandbox ids). */
export function randomHex64(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += rng.nextUint32().toString(16).padStart(8, '0');
  return out;
}

/** The simulated program a container runs, with its environment resolved. */
export function programOf(x: SyncCtx, c: ContainerRuntime): ContainerProgram {
  const hit = x.programs.get(c.name);
  if (hit) return hit;
  const spec = specOf(x.pod, c);
  const env = containerEnv(x, spec);
  const expand = (s: string) => s.replace(/\$\$|\$\((\w+)\)/g, (m, v: string | undefined) => (m === '$$' ? '$' : env.values[v!] ?? m));
  const prog = simulateContainer({
    image: spec.image ?? '',
    command: spec.command?.map(expand),
    args: spec.args?.map(expand),
    env: env.values,
    hostname: x.pod.spec?.hostname ?? x.pod.metadata.name,
    containerPorts: spec.ports,
  });
  x.programs.set(c.name, prog);
  return prog;
}

/** The pod's grace period in ms for a stop (deletion grace, else spec, else 30 s). */
export function gracePeriodMs(pod: KubeObject, override?: number): number {
  const s = override ?? pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, s) * 1000;
}

export function restartPolicy(pod: KubeObject): 'Always' | 'OnFailure' | 'Never' {
  return pod.spec?.restartPolicy ?? 'Always';
}

/**
 * Where the kubelet's probes come from as the container sees it: the node's bridge address
 * (first address of the node's podCIDR, e.g. 10.244.1.1) for pod-network pods, the node IP
 * for host-network pods.
 */
export function probeSourceIP(x: SyncCtx): string | undefined {
  if (x.rt.sandbox?.hostNetwork) return nodeIP(x.node);
  const cidr: string | undefined = x.node?.spec?.podCIDR;
  const m = cidr && /^(\d+)\.(\d+)\.(\d+)\.(\d+)\//.exec(cidr);
  return m ? `${m[1]}.${m[2]}.${m[3]}.${Number(m[4]) + 1}` : undefined;
}

/** kube-probe's User-Agent: kube-probe/<major>.<minor> of the kubelet. */
export const PROBE_USER_AGENT = 'kube-probe/1.34';

/** The node's InternalIP (status.hostIP). */
export function nodeIP(node: KubeObject | undefined): string | undefined {
  return (node?.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address;
}
