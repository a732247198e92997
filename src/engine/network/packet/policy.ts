// NetworkPolicy on the packet's way. Calico (felix) enforces it: egress in the source pod's
// "from workload" chain (cali-fw-<iface>) after kube-proxy's DNAT, ingress in the destination's
// "to workload" chain (cali-tw-<iface>) with the source as it arrives (after any SNAT), both on
// new connections only (felix accepts established flows early). flannel and the bridge plugin
// have no policy engine: the verdict is shown but nothing is dropped.
import { evaluateNetworkPolicy, type TrafficEnd } from '../netpol';
import { podIps } from '../netpol';
import { finish, hop, type TraceState } from './state';

function podAt(st: TraceState, ip: string): string | undefined {
  const pod = st.net.netpol.pods.find((p) => !p.spec?.hostNetwork && podIps(p).includes(ip));
  return pod ? `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}` : undefined;
}

function end(st: TraceState, ip: string): TrafficEnd {
  const pod = podAt(st, ip);
  return pod ? { pod } : { ip };
}

function evaluate(st: TraceState, src: TrafficEnd, dst: TrafficEnd) {
  const { policies, pods, namespaces } = st.net.netpol;
  return evaluateNetworkPolicy({ src, dst, port: st.pkt.dport, protocol: st.pkt.proto, policies, pods, namespaces });
}

/** Calico egress check as the packet leaves the source pod's veth. False when dropped. */
export function egressPolicy(st: TraceState, node: string, device: string): boolean {
  if (st.direction !== 'request' || !st.net.enforcesPolicy || !st.originPod) return true;
  const v = evaluate(st, { pod: st.originPod }, end(st, st.pkt.dst));
  if (!v.egress.isolated) return true;
  hop(st, { node, netns: 'host', device, kind: 'netpol', text: `${v.egress.allowed ? 'allowed' : 'denied'}: ${v.egress.reason}`, note: `felix chain cali-fw-${device} (from workload)` });
  if (v.egress.allowed) return true;
  hop(st, { node, netns: 'host', device, kind: 'drop', text: `dropped by calico: egress NetworkPolicy of ${st.originPod} (cali-fw-${device}: "Drop if no policies passed packet")` });
  finish(st, { outcome: 'dropped', reason: `NetworkPolicy denies egress from ${st.originPod}: ${v.egress.reason}` });
  return false;
}

/** Ingress verdict before the packet enters the destination pod. False when dropped. */
export function ingressPolicy(st: TraceState, node: string, device: string, podKey: string): boolean {
  if (st.direction !== 'request') return true;
  const src = end(st, st.pkt.src);
  if (!st.net.enforcesPolicy) {
    // What the policies would say, for the UI; egress counted from the pod that opened the connection.
    const ing = evaluate(st, src, { pod: podKey }).ingress;
    const egr = st.originPod ? evaluate(st, { pod: st.originPod }, { pod: podKey }).egress : undefined;
    const wouldDeny = !ing.allowed || (egr && !egr.allowed);
    const cni = st.net.cni.kind;
    hop(st, {
      node, netns: 'host', device, kind: 'netpol',
      text: `allowed: ${cni} does not enforce NetworkPolicy`,
      note: wouldDeny
        ? `Not enforced. A policy-enforcing CNI would deny this: ${[egr && !egr.allowed ? egr.reason : '', !ing.allowed ? ing.reason : ''].filter(Boolean).join('; ')}`
        : `Not enforced; the policies would allow it anyway: ${ing.reason}`,
    });
    return true;
  }
  const v = evaluate(st, src, { pod: podKey });
  hop(st, { node, netns: 'host', device, kind: 'netpol', text: `${v.ingress.allowed ? 'allowed' : 'denied'}: ${v.ingress.reason}`, note: `felix chain cali-tw-${device} (to workload)` });
  if (v.ingress.allowed) return true;
  hop(st, { node, netns: 'host', device, kind: 'drop', text: `dropped by calico: ingress NetworkPolicy of ${podKey} (cali-tw-${device}: "Drop if no policies passed packet")` });
  finish(st, { outcome: 'dropped', reason: `NetworkPolicy denies ingress to ${podKey}: ${v.ingress.reason}` });
  return false;
}
