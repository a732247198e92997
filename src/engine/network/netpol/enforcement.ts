// Whether the cluster's CNI plugin enforces NetworkPolicy at all. The API server accepts
// policies regardless; only a policy-aware plugin turns them into rules. Calico's felix renders
// them as iptables/eBPF rules; flannel and the reference bridge plugin have no policy engine,
// so on those clusters every connection stays allowed whatever the verdict says.
import type { CniKind } from '../cni/types';

export function cniEnforcesPolicy(cni: CniKind): boolean {
  return cni === 'calico';
}

/** A sentence for the UI explaining what the CNI does with NetworkPolicy objects. */
export function policyEnforcementNote(cni: CniKind): string {
  return cniEnforcesPolicy(cni)
    ? 'calico (felix) enforces NetworkPolicy: the verdicts below are what packets get.'
    : `${cni} does not implement NetworkPolicy: policies are stored but not enforced, so all traffic flows.`;
}
