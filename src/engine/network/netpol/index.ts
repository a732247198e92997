// NetworkPolicy verdicts with the deciding rule, the pod-to-pod truth table, and enforcement by CNI.
export {
  evaluateNetworkPolicy,
  effectivePolicyTypes,
  podIps,
  type Decision,
  type EvaluateInput,
  type NetpolVerdict,
  type PodRef,
  type Protocol,
  type RuleMatch,
  type TrafficEnd,
} from './evaluate';
export { netpolMatrix, formatTruthTable, type MatrixInput, type NetpolMatrix } from './matrix';
export { cniEnforcesPolicy, policyEnforcementNote } from './enforcement';
export { selectorMatches, selectorString } from './selector';
