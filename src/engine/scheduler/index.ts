// kube-scheduler v1.34 in TypeScript: the public surface of src/engine/scheduler.
export { SchedulerCache, zoneKey } from './cache';
export { resolveSchedulerConfig, defaultProfile, profileForPod, type ResolvedSchedulerConfig } from './resolve-config';
export { defaultConfiguration, defaultPlugins, defaultPluginArgs, mergePluginSet, mergePlugins, CONFIG_API_VERSION, DEFAULT_SCHEDULER_NAME } from './config';
export type { KubeSchedulerConfiguration, KubeSchedulerProfile, Plugins, PluginSet, PluginRef, PluginConfig, ExtensionPoint } from './config';
export { Profile } from './framework';
export { scheduleOne, createSchedulerState, numFeasibleNodesToFind, selectHost, type SchedulerState, type ScheduleOptions } from './schedule-one';
export { SchedulingQueue, EVENT_PLUGINS, type QueuedPodInfo, type ClusterEvent, type QueueOptions } from './queue';
export { fitErrorMessage, reasonHistogram } from './fit-error';
export { podRequestList, podResources, DEFAULT_MILLI_CPU_REQUEST, DEFAULT_MEMORY_REQUEST, type Resource } from './resources';
export { podKey } from './pod-info';
export type { Status, Code } from './status';
export type { SchedulingSnapshot, SchedulingResult, DecisionRecord, NodeDecision, FilterEntry, ScoreEntry, ClusterObjects } from './types';
export { SCHEDULER_SIMPLIFICATIONS } from './simplifications';
