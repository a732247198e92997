// Which of the engine's stated simplifications bear on an object of a given kind, so the
// inspector can say in words where Kubeglass differs from a real cluster for what is selected.
import { SIMPLIFICATIONS as WORKLOAD_NOTES } from '../engine/controllers/workloads';
import { clusterControllerNotes } from '../engine/controllers/cluster';
import { KUBELET_SIMPLIFICATIONS } from '../engine/kubelet/simplifications';
import { SCHEDULER_SIMPLIFICATIONS } from '../engine/scheduler/simplifications';
import { APPLY_SIMPLIFICATION } from '../engine/actions/apply';

const byController = (...names: string[]) => names.flatMap((n) => clusterControllerNotes[n] ?? []);

const BY_KIND: Record<string, () => readonly string[]> = {
  Pod: () => [...KUBELET_SIMPLIFICATIONS, ...SCHEDULER_SIMPLIFICATIONS],
  Deployment: () => WORKLOAD_NOTES,
  ReplicaSet: () => WORKLOAD_NOTES,
  ReplicationController: () => WORKLOAD_NOTES,
  DaemonSet: () => WORKLOAD_NOTES,
  StatefulSet: () => WORKLOAD_NOTES,
  Job: () => byController('job-controller'),
  CronJob: () => byController('cronjob-controller'),
  Service: () => byController('endpointslice-controller', 'endpoint-controller'),
  EndpointSlice: () => byController('endpointslice-controller'),
  Endpoints: () => byController('endpoint-controller'),
  Node: () => byController('node-lifecycle-controller'),
  PersistentVolume: () => byController('persistentvolume-binder'),
  PersistentVolumeClaim: () => byController('persistentvolume-binder'),
  ResourceQuota: () => byController('resourcequota-controller'),
};

export function simplificationsFor(kind: string): readonly string[] {
  return [...(BY_KIND[kind]?.() ?? []), APPLY_SIMPLIFICATION];
}
