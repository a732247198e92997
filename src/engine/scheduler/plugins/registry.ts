// The in-tree registry (pkg/scheduler/framework/plugins/registry.go) for the default plugins.
import type { Plugin, PluginFactory } from '../plugin-api';
import { imageLocality } from './image-locality';
import { interPodAffinity } from './inter-pod-affinity';
import { nodeAffinity } from './node-affinity';
import { nodeResourcesBalancedAllocation, nodeResourcesFit } from './node-resources';
import { podTopologySpread } from './pod-topology-spread';
import { nodeName, nodePorts, nodeUnschedulable, prioritySort, schedulingGates } from './simple-filters';
import { taintToleration } from './taint-toleration';
import { nodeVolumeLimits, volumeBinding, volumeZone } from './volume-binding';
import { volumeRestrictions } from './volume-restrictions';
import { defaultPreemption } from './default-preemption';

const defaultBinder = (): Plugin => ({ name: 'DefaultBinder', bind: () => null });

export const IN_TREE_REGISTRY: Record<string, PluginFactory> = {
  SchedulingGates: schedulingGates,
  PrioritySort: prioritySort,
  NodeUnschedulable: nodeUnschedulable,
  NodeName: nodeName,
  TaintToleration: taintToleration,
  NodeAffinity: nodeAffinity,
  NodePorts: nodePorts,
  NodeResourcesFit: nodeResourcesFit,
  VolumeRestrictions: volumeRestrictions,
  NodeVolumeLimits: nodeVolumeLimits,
  VolumeBinding: volumeBinding,
  VolumeZone: volumeZone,
  PodTopologySpread: podTopologySpread,
  InterPodAffinity: interPodAffinity,
  DefaultPreemption: defaultPreemption,
  NodeResourcesBalancedAllocation: nodeResourcesBalancedAllocation,
  ImageLocality: imageLocality,
  DefaultBinder: defaultBinder,
};
