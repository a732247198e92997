// The cluster-level kube-controller-manager controllers (v1.34 line) and the pure helpers the
// API server, kubectl and the console call. Workload controllers live in workloads.ts.
import type { Controller } from './types';
import { jobController } from './job/jobController';
import { cronJobController } from './job/cronJobController';
import { ttlAfterFinishedController } from './job/ttlAfterFinished';
import { endpointSliceController } from './endpoints/endpointSliceController';
import { endpointsController } from './endpoints/endpointsController';
import { namespaceController } from './namespace/namespaceController';
import { serviceAccountController } from './serviceaccount/serviceAccountController';
import { garbageCollector } from './gc/garbageCollector';
import { nodeLifecycleController } from './nodelifecycle/nodeLifecycleController';
import { persistentVolumeBinder } from './volume/pvBinder';
import { disruptionController } from './disruption/disruptionController';
import { resourceQuotaController } from './quota/resourceQuotaController';

export {
  jobController,
  cronJobController,
  ttlAfterFinishedController,
  endpointSliceController,
  endpointsController,
  namespaceController,
  serviceAccountController,
  garbageCollector,
  nodeLifecycleController,
  persistentVolumeBinder,
  disruptionController,
  resourceQuotaController,
};

/** Every controller in this file, in the order kube-controller-manager lists them. */
export const clusterControllers: readonly Controller[] = [
  endpointsController,
  endpointSliceController,
  garbageCollector,
  namespaceController,
  serviceAccountController,
  jobController,
  cronJobController,
  ttlAfterFinishedController,
  nodeLifecycleController,
  persistentVolumeBinder,
  disruptionController,
  resourceQuotaController,
];

// Helpers for the API server (admission, delete), kubectl and the console.
export { withGeneratedJobSelector, jobPodLabels, JOB_LABELS } from './job/jobSelector';
export { JOB_TRACKING_FINALIZER, isJobFinished, backoffDelayMs } from './job/jobStatus';
export { parseCron, nextActivation, CronParseError } from './job/cron';
export { jobNameFor, mostRecentScheduleTime, SCHEDULED_TIMESTAMP_ANNOTATION } from './job/cronJobController';
export { finalizersForPropagation, FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from './gc/garbageCollector';
export { defaultNamespace, markNamespaceTerminating, NAMESPACE_FINALIZER } from './namespace/namespaceController';
export { cordon, uncordon, planDrain, type DrainOptions, type DrainPlan } from './nodelifecycle/drain';
export { defaultTolerationSecondsTolerations, toleratesTaint, DEFAULT_TOLERATION_SECONDS, type Taint, type Toleration } from './nodelifecycle/taints';
export { NODE_MONITOR_GRACE_PERIOD_MS, NODE_LEASE_NAMESPACE } from './nodelifecycle/nodeLifecycleController';
export { checkEviction, drainRetryMessage, PDB_VIOLATION_MESSAGE, type EvictionResult } from './disruption/eviction';
export { computePdbNumbers } from './disruption/disruptionController';
export { checkQuota, type QuotaCheck } from './quota/admission';
export { calculateUsage } from './quota/resourceQuotaController';
export { applyLimitRangeDefaults, limitRangeError, limitRangeViolations, LIMIT_RANGER_ANNOTATION } from './quota/limitRange';
export { parseQuantity, formatQuantity } from './quota/quantity';
export { findBestMatchForClaim } from './volume/matching';

import { JOB_CONTROLLER_NOTES } from './job/jobController';
import { CRONJOB_NOTES } from './job/cronJobController';
import { ENDPOINTSLICE_NOTES } from './endpoints/endpointSliceController';
import { ENDPOINTS_NOTES } from './endpoints/endpointsController';
import { NODE_LIFECYCLE_NOTES } from './nodelifecycle/nodeLifecycleController';
import { PV_BINDER_NOTES } from './volume/pvBinder';

/** What each controller simplifies, for the UI to show beside it. */
export const clusterControllerNotes: Readonly<Record<string, readonly string[]>> = {
  'job-controller': JOB_CONTROLLER_NOTES,
  'cronjob-controller': CRONJOB_NOTES,
  'endpointslice-controller': ENDPOINTSLICE_NOTES,
  'endpoint-controller': ENDPOINTS_NOTES,
  'node-lifecycle-controller': NODE_LIFECYCLE_NOTES,
  'persistentvolume-binder': PV_BINDER_NOTES,
  'resourcequota-controller': ['ResourceQuota scopes PriorityClass and CrossNamespacePodAffinity are not modelled; pods being deleted count until they are gone.'],
  'garbage-collector': ['The dependency graph is the store\'s owner index; there is no separate graph builder or absent-owner cache.'],
};
