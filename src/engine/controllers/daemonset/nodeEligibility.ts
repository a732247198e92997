// Which nodes a DaemonSet wants a pod on: pkg/controller/daemon/daemon_controller.go
// NodeShouldRunDaemonPod / predicates (node name, required node affinity incl. nodeSelector,
// NoSchedule/NoExecute taints), with the tolerations every daemon pod gets
// (pkg/controller/daemon/util/daemonset_util.go AddOrUpdateDaemonPodTolerations).
import type { KubeObject } from '../../api/types';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { podMatchesNodeSelectorAndAffinity, toleratesTaint } from '../../scheduler/node-selector';

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** The tolerations the DaemonSet controller adds to every daemon pod. */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const out: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) out.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return out;
}

/** AddOrUpdateTolerationInPodSpec: a toleration with the same key/operator/value/effect is replaced. */
export function withDaemonTolerations(spec: any): any {
  const tolerations: Toleration[] = [...(spec.tolerations ?? [])];
  for (const t of daemonTolerations(!!spec.hostNetwork)) {
    const i = tolerations.findIndex(
      (c) => (c.key ?? '') === t.key && (c.operator || 'Equal') === t.operator && (c.value ?? '') === '' && (c.effect ?? '') === t.effect,
    );
    if (i >= 0) tolerations[i] = t;
    else tolerations.push(t);
  }
  return { ...spec, tolerations };
}

// Taint and node-selector matching are the scheduler's (component-helpers): the DaemonSet
// controller uses the same helpers upstream.
export { toleratesTaint };

function untolerated(taints: Taint[], tolerations: Toleration[], effects: string[]): Taint | undefined {
  return taints.find((taint) => effects.includes(taint.effect) && !tolerations.some((t) => toleratesTaint(t, taint)));
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector AND any required affinity term. */
export function matchesRequiredNodeAffinity(podSpec: any, node: KubeObject): boolean {
  return podMatchesNodeSelectorAndAffinity({ spec: podSpec } as Pod, node as unknown as Node);
}

/**
 * NodeShouldRunDaemonPod: shouldRun (a pod belongs here) and shouldContinueRunning (an
 * existing pod may stay, e.g. a NoSchedule taint arrived that the pod does not tolerate).
 */
export function nodeShouldRunDaemonPod(node: KubeObject, ds: KubeObject): { shouldRun: boolean; shouldContinueRunning: boolean } {
  // Asked for every node on every sync; the answer depends only on the node object and the
  // template's pod spec, both immutable once stored, so it is remembered per pair.
  const tspec = ds.spec?.template?.spec;
  if (!tspec) return evaluateNode(node, {});
  let byTemplate = eligibilityMemo.get(node);
  const known = byTemplate?.get(tspec);
  if (known) return known;
  const answer = evaluateNode(node, tspec);
  if (!byTemplate) eligibilityMemo.set(node, (byTemplate = new WeakMap()));
  byTemplate.set(tspec, answer);
  return answer;
}

type Eligibility = { shouldRun: boolean; shouldContinueRunning: boolean };
const eligibilityMemo = new WeakMap<KubeObject, WeakMap<object, Eligibility>>();

function evaluateNode(node: KubeObject, tspec: any): Eligibility {
  if (tspec.nodeName && tspec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  const spec = withDaemonTolerations(tspec);
  if (!matchesRequiredNodeAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints: Taint[] = node.spec?.taints ?? [];
  if (untolerated(taints, spec.tolerations, ['NoSchedule', 'NoExecute'])) {
    return { shouldRun: false, shouldContinueRunning: !untolerated(taints, spec.tolerations, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become one matchFields term. */
export function replaceNodeNameAffinity(affinity: any, nodeName: string): any {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const a = structuredClone(affinity ?? {});
  a.nodeAffinity = a.nodeAffinity ?? {};
  a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    ...(a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution ?? {}),
    nodeSelectorTerms: [term],
  };
  return a;
}

/** GetTargetNodeName: spec.nodeName, or the node named by the daemon affinity term. */
export function targetNodeName(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}
