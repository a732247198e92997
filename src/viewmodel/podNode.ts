// A Pod as a graph node, shared by the views that show pods (workloads, services, storage,
// policies). Status words are the STATUS column of `kubectl get pods` (via clusterView.podCard).
import type { KubeObject } from '../engine';
import { podCard, type PodPhaseClass } from './clusterView';
import { objectNode, type GraphNode, type GraphStatus } from './graph';

/** Waiting reasons that mean the pod will not start without a change (kubelet/images). */
const FAILING_REASONS = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'OOMKilled', 'Error']);

export function podStatus(phase: PodPhaseClass, statusText: string): GraphStatus {
  if (FAILING_REASONS.has(statusText)) return 'error';
  switch (phase) {
    case 'ready':
      return 'ok';
    case 'running':
    case 'creating':
      return 'progress';
    case 'pending':
      return 'warning';
    case 'failed':
      return 'error';
    case 'succeeded':
    case 'terminating':
      return 'inactive';
    default:
      return 'neutral';
  }
}

export interface PodNodeOptions {
  /** Extra secondary lines (ordinal, volume mount). */
  lines?: string[];
  parent?: string;
  /** Show the node name and pod IP (default true).  */
  placement?: boolean;
}

export function podNode(pod: KubeObject, opts: PodNodeOptions = {}): GraphNode {
  const card = podCard(pod);
  const lines = [...(opts.lines ?? [])];
  if (opts.placement ?? true) {
    // The NODE and IP columns of `kubectl get pods -o wide`, `<none>` where unset.
    lines.push(`${pod.spec?.nodeName ?? '<none>'} · ${card.ip ?? '<none>'}`);
  }
  return objectNode(pod, { status: podStatus(card.phase, card.statusText), statusText: card.statusText, lines, parent: opts.parent });
}
