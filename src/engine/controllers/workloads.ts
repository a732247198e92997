// The workload controllers of kube-controller-manager and the rollout helpers behind
// `kubectl rollout undo|restart|pause|resume`, in one place for the engine to register.
import { HASH_SIMPLIFICATION } from './podutil/hash';

export { deploymentController } from './deployment/deploymentController';
export { replicaSetController, replicationControllerController } from './replicaset/replicaSetController';
export { daemonSetController } from './daemonset/daemonSetController';
export { statefulSetController } from './statefulset/statefulSetController';
export { rolloutUndo, rolloutRestart, rolloutPause, rolloutResume, replicaSetsOf, RESTARTED_AT } from './deployment/rollout';
export type { RolloutResult } from './deployment/rollout';

/** Where these controllers knowingly differ from kube-controller-manager (for the UI to show). */
export const SIMPLIFICATIONS: readonly string[] = [
  HASH_SIMPLIFICATION,
  'StatefulSet and DaemonSet ControllerRevisions hash a canonical JSON of the template, so revision names match a real cluster only when the stored template is byte-for-byte the same.',
  'No controller expectations: the simulation\'s listers always show a controller its own writes, so a sync never waits for its informer to catch up.',
  'Pods created from a template are named by the controller with the API server\'s generateName rule (prefix plus 5 random characters) so that the SuccessfulCreate event can name them.',
  'Failed creates and deletes happen after the plan is made, so ReplicaSet ReplicaFailure conditions and FailedCreate events are not raised.',
  'Ties in pod deletion order and the order of DaemonSet rolling-update candidates are broken by name; upstream sorts unstably and walks a Go map.',
  'A DaemonSet without the deprecated.daemonset.template.generation annotation labels its pods pod-template-generation with metadata.generation.',
  'Failed daemon pods are replaced at once, without the per-node back-off upstream applies.',
  'StatefulSet maxUnavailable (feature gate MaxUnavailableStatefulSet, off in v1.34) is not modelled: rolling updates replace one pod at a time.',
];
