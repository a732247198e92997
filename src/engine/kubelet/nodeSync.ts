// The kubelet's node loop: register the Node if it is missing, renew the Lease every 10 s
// (nodelease controller), and post node status every 10 s when something changed or every
// 5 min regardless (kubelet_node_status.go tryUpdateNodeStatus, nodeStatusHasChanged ignores
// heartbeat times).
import type { KubeObject } from '../api/types';
import type { Plan, ReconcileContext, Write } from '../controllers/types';
import { isoAt } from '../core/time';
import { NODE_LEASE_NAMESPACE, nodeImages, nodeLease } from './nodeRegistration';
import { mirrorPodFor } from './staticPods';
import { timingFrom, type KubeletDeps, type KubeletState } from './types';

/** Events a kubelet records about its Node when it starts (kubelet.go / kubelet_node_status.go). */
function startupEvents(node: KubeObject): Write[] {
  const name = node.metadata.name ?? '';
  const ev = (reason: string, message: string): Write => ({ op: 'event', involved: node, type: 'Normal', reason, message });
  const out = [
    ev('Starting', 'Starting kubelet.'),
    ev('NodeHasSufficientMemory', `Node ${name} status is now: NodeHasSufficientMemory`),
    ev('NodeHasNoDiskPressure', `Node ${name} status is now: NodeHasNoDiskPressure`),
    ev('NodeHasSufficientPID', `Node ${name} status is now: NodeHasSufficientPID`),
    ev('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'),
  ];
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  if (ready?.status === 'True') out.push(ev('NodeReady', `Node ${name} status is now: NodeReady`));
  return out;
}

/** What node status the kubelet would post now, without heartbeat times (for change detection). */
function statusFingerprint(node: KubeObject, images: any[]): string {
  const conds = (node.status?.conditions ?? []).map((c: any) => [c.type, c.status, c.reason]);
  return JSON.stringify([conds, images, node.status?.allocatable]);
}

export function nodeSync(state: KubeletState, deps: KubeletDeps, rc: ReconcileContext): Plan {
  const timing = timingFrom(rc.config.timing);
  const now = rc.now;
  const writes: Write[] = [];
  const node = rc.listers.get('Node', '', state.nodeName);
  if (!node) {
    if (deps.nodeToRegister && !state.registered) {
      state.registered = true;
      writes.push({ op: 'create', object: deps.nodeToRegister, reason: 'RegisterNode' });
      writes.push(...startupEvents(deps.nodeToRegister));
    }
    return { writes, requeueAfterMs: timing.nodeStatusUpdate, background: true };
  }
  state.registered = true;

  const lease = rc.listers.get('Lease', NODE_LEASE_NAMESPACE, state.nodeName);
  const renewedAt = state.lease?.renewedAt;
  if (!lease || renewedAt === undefined || now - renewedAt >= timing.leaseRenew) {
    writes.push(lease ? { op: 'update', object: nodeLease(node, now, lease), reason: 'RenewLease' } : { op: 'create', object: nodeLease(node, now), reason: 'CreateLease' });
    state.lease = { renewedAt: now };
  }

  // Static pods: the kubelet (re)creates a mirror pod for every manifest it runs.
  for (const manifest of deps.staticPods ?? []) {
    const mirror = mirrorPodFor(manifest, node, now);
    if (!rc.listers.get('Pod', mirror.metadata.namespace ?? 'default', mirror.metadata.name ?? '')) {
      writes.push({ op: 'create', object: mirror, reason: 'CreateMirrorPod' });
    }
  }

  const images = nodeImages(state);
  const fp = statusFingerprint(node, images);
  const last = state.nodeStatus;
  if (!last || last.fingerprint !== fp || now - last.reportedAt >= timing.nodeStatusReport) {
    const heartbeat = isoAt(now);
    const status = {
      ...node.status,
      conditions: (node.status?.conditions ?? []).map((c: any) => ({ ...c, lastHeartbeatTime: heartbeat })),
      images,
    };
    writes.push({ op: 'updateStatus', object: { ...node, status }, reason: 'NodeStatus' });
    state.nodeStatus = { reportedAt: now, fingerprint: statusFingerprint({ ...node, status }, images) };
  }
  const nextLease = (state.lease?.renewedAt ?? now) + timing.leaseRenew;
  const nextStatus = Math.min(now + timing.nodeStatusUpdate, state.nodeStatus!.reportedAt + timing.nodeStatusReport);
  return { writes, requeueAfterMs: Math.max(1, Math.min(nextLease, nextStatus) - now), background: true };
}
