// The scheduler's inputs and outputs: the cluster it sees, and the decision record the CLI
// prints and the UI explains.
import type { Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, ReplicationController, Service } from 'kubernetes-types/core/v1';
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';

/** Everything one scheduling attempt may read. `pods` holds all pods, assigned or not. */
export interface SchedulingSnapshot {
  nodes: Node[];
  pods: Pod[];
  pvcs?: PersistentVolumeClaim[];
  pvs?: PersistentVolume[];
  storageClasses?: StorageClass[];
  priorityClasses?: PriorityClass[];
  services?: Service[];
  replicaSets?: ReplicaSet[];
  statefulSets?: StatefulSet[];
  replicationControllers?: ReplicationController[];
  namespaces?: Namespace[];
}

export type ClusterObjects = Omit<SchedulingSnapshot, 'nodes' | 'pods'>;

export interface ScoreEntry {
  raw: number;
  normalized: number;
  weight: number;
  weighted: number;
  skipped?: true;
}

export interface FilterEntry {
  passed: boolean;
  plugin: string | null;
  reasons: string[];
  code: string | null;
  /** What upstream only logs, e.g. the untolerated taint; absent when there is nothing to add. */
  detail?: string;
}

export interface NodeDecision {
  evaluated: boolean;
  filter: FilterEntry;
  scores: Record<string, ScoreEntry>;
  total: number | null;
}

export interface DecisionRecord {
  pod: string;
  schedulerName: string;
  profile: string;
  result: 'Scheduled' | 'Unschedulable' | 'NotAttempted';
  selectedNode: string | null;
  message: string | null;
  /** Per node; empty in compact records (see `detail`). */
  nodes: Record<string, NodeDecision>;
  preemption: { nominatedNode: string | null; victims: string[] } | null;
  /** 'full' records every node; 'compact' only the counts below. */
  detail: 'full' | 'compact';
  numAllNodes: number;
  evaluatedNodes: number;
  feasibleNodes: number;
  /** Where the simulation differs from kube-scheduler for this attempt. */
  notes: string[];
}

export interface SchedulingResult {
  record: DecisionRecord;
  selectedNode?: string;
  nominatedNode?: string;
  /** "ns/name" of pods to evict (preemption victims). */
  victims?: string[];
  /** Lower-priority pods whose nominatedNodeName the preemptor takes over ("ns/name"). */
  clearNominated?: string[];
  /** Plugins that rejected the pod (QueuedPodInfo.UnschedulablePlugins), for requeueing hints. */
  unschedulablePlugins?: string[];
}
