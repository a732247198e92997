// The kubelet's own admission check before it runs a pod (pkg/kubelet/lifecycle/predicate.go
// Admit + scheduler.AdmissionCheck): OS label/field, then resources (pods, cpu, memory,
// ephemeral-storage, noderesources.Fits order), node affinity/selector, node name, host ports,
// and untolerated NoExecute taints (not for static pods). Only the first failure is reported.
import type { KubeObject } from '../api/types';
import { milliValue } from '../api/quantity';
import { findUntoleratedTaint, podMatchesNodeSelectorAndAffinity } from '../scheduler/node-selector';
import { podRequests } from './resources';
import { isStaticPod } from './staticPods';

export type AdmitResult = { admit: true } | { admit: false; reason: string; message: string };

const OUT_OF: Record<string, string> = { cpu: 'OutOfcpu', memory: 'OutOfmemory', 'ephemeral-storage': 'OutOfephemeral-storage', pods: 'OutOfpods' };

function insufficient(resource: string, requested: number, used: number, capacity: number): AdmitResult {
  return {
    admit: false,
    reason: OUT_OF[resource] ?? `OutOf${resource}`,
    message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`,
  };
}

function predicate(name: string, desc: string): AdmitResult {
  return { admit: false, reason: name, message: `Predicate ${name} failed: ${desc}` };
}

function hostPorts(pod: KubeObject): string[] {
  const out: string[] = [];
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`);
  }
  return out;
}

/**
 * Whether `pod` may run on `node`, next to `admittedPods` (the other non-terminal pods this
 * kubelet already runs).
 */
export function admitPod(pod: KubeObject, node: KubeObject, admittedPods: KubeObject[]): AdmitResult {
  const podOs = pod.metadata.labels?.['kubernetes.io/os'];
  if (podOs !== undefined && podOs !== 'linux') {
    return { admit: false, reason: 'PodOSSelectorNodeLabelDoesNotMatch', message: 'Failed to admit pod as the `kubernetes.io/os` label doesn\'t match node label' };
  }
  if (pod.spec?.os?.name && pod.spec.os.name !== 'linux') {
    return { admit: false, reason: 'PodOSNotSupported', message: "Failed to admit pod as the OS field doesn't match node OS" };
  }
  const alloc = node.status?.allocatable ?? {};
  const allowedPods = Number(alloc.pods ?? 110);
  if (admittedPods.length + 1 > allowedPods) return insufficient('pods', 1, admittedPods.length, allowedPods);
  const want = podRequests(pod.spec ?? {});
  if (want.cpu || want.memory || want.ephemeralStorage) {
    let used = { cpu: 0, memory: 0, ephemeralStorage: 0 };
    for (const p of admittedPods) {
      const r = podRequests(p.spec ?? {});
      used = { cpu: used.cpu + r.cpu, memory: used.memory + r.memory, ephemeralStorage: used.ephemeralStorage + r.ephemeralStorage };
    }
    const cap = {
      cpu: milliValue(alloc.cpu ?? 0),
      memory: Math.ceil(milliValue(alloc.memory ?? 0) / 1000),
      ephemeralStorage: Math.ceil(milliValue(alloc['ephemeral-storage'] ?? 0) / 1000),
    };
    if (want.cpu > 0 && want.cpu > cap.cpu - used.cpu) return insufficient('cpu', want.cpu, used.cpu, cap.cpu);
    if (want.memory > 0 && want.memory > cap.memory - used.memory) return insufficient('memory', want.memory, used.memory, cap.memory);
    if (want.ephemeralStorage > 0 && want.ephemeralStorage > cap.ephemeralStorage - used.ephemeralStorage) {
      return insufficient('ephemeral-storage', want.ephemeralStorage, used.ephemeralStorage, cap.ephemeralStorage);
    }
  }
  if (!podMatchesNodeSelectorAndAffinity(pod as any, node as any)) return predicate('NodeAffinity', "node(s) didn't match Pod's node affinity/selector");
  if (pod.spec?.nodeName && pod.spec.nodeName !== node.metadata.name) return predicate('NodeName', "node(s) didn't match the requested node name");
  const wanted = hostPorts(pod);
  if (wanted.length) {
    const taken = new Set(admittedPods.flatMap(hostPorts));
    const clash = wanted.some((w) => {
      const [proto, ip, port] = w.split('/');
      return [...taken].some((t) => {
        const [p2, ip2, port2] = t.split('/');
        return p2 === proto && port2 === port && (ip === ip2 || ip === '0.0.0.0' || ip2 === '0.0.0.0');
      });
    });
    if (clash) return predicate('NodePorts', "node(s) didn't have free ports for the requested pod ports");
  }
  if (!isStaticPod(pod)) {
    const taint = findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, (t) => t.effect === 'NoExecute');
    if (taint) return predicate('TaintToleration', "node(s) had taints that the pod didn't tolerate");
  }
  return { admit: true };
}
