// KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1): the default plugins and
// weights (apis/config/v1/default_plugins.go), merging a user's plugin sets into them
// (mergePlugins / mergePluginSet) and defaulting plugin args (apis/config/v1/defaults.go).

export const CONFIG_API_VERSION = 'kubescheduler.config.k8s.io/v1';
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export interface PluginRef {
  name: string;
  weight?: number;
}
export interface PluginSet {
  enabled?: PluginRef[];
  disabled?: PluginRef[];
}
export const EXTENSION_POINTS = [
  'preEnqueue',
  'queueSort',
  'preFilter',
  'filter',
  'postFilter',
  'preScore',
  'score',
  'reserve',
  'permit',
  'preBind',
  'bind',
  'postBind',
] as const;
export type ExtensionPoint = (typeof EXTENSION_POINTS)[number];
export type Plugins = { multiPoint?: PluginSet } & Partial<Record<ExtensionPoint, PluginSet>>;

export interface PluginConfig {
  name: string;
  args: Record<string, any>;
}
export interface KubeSchedulerProfile {
  schedulerName: string;
  percentageOfNodesToScore?: number | null;
  plugins: Plugins;
  pluginConfig: PluginConfig[];
}
export interface KubeSchedulerConfiguration {
  apiVersion: string;
  kind: 'KubeSchedulerConfiguration';
  percentageOfNodesToScore: number;
  podInitialBackoffSeconds: number;
  podMaxBackoffSeconds: number;
  profiles: KubeSchedulerProfile[];
}

/**
 * getDefaultPlugins (v1.34). DynamicResources, which upstream inserts before DefaultPreemption
 * when the DRA feature is on, is left out: ResourceClaims are not simulated.
 */
export function defaultPlugins(): Plugins {
  const p = (name: string, weight?: number): PluginRef => (weight ? { name, weight } : { name });
  return {
    multiPoint: {
      enabled: [
        p('SchedulingGates'),
        p('PrioritySort'),
        p('NodeUnschedulable'),
        p('NodeName'),
        p('TaintToleration', 3),
        p('NodeAffinity', 2),
        p('NodePorts'),
        p('NodeResourcesFit', 1),
        p('VolumeRestrictions'),
        p('NodeVolumeLimits'),
        p('VolumeBinding'),
        p('VolumeZone'),
        p('PodTopologySpread', 2),
        p('InterPodAffinity', 2),
        p('DefaultPreemption'),
        p('NodeResourcesBalancedAllocation', 1),
        p('ImageLocality', 1),
        p('DefaultBinder'),
      ],
    },
  };
}

const resources = () => [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/** The args every configurable default plugin gets (SetDefaults_*Args). */
export function defaultPluginArgs(name: string): Record<string, any> | null {
  switch (name) {
    case 'DefaultPreemption':
      return { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 };
    case 'InterPodAffinity':
      return { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false };
    case 'NodeAffinity':
      return {};
    case 'NodeResourcesBalancedAllocation':
      return { resources: resources() };
    case 'NodeResourcesFit':
      return { scoringStrategy: { type: 'LeastAllocated', resources: resources() } };
    case 'PodTopologySpread':
      return { defaultingType: 'System', defaultConstraints: [] };
    case 'VolumeBinding':
      return { bindTimeoutSeconds: 600 };
    default:
      return null;
  }
}

/** Fill missing fields of user args with defaults, per plugin. */
function defaultArgs(name: string, user: Record<string, any>): Record<string, any> {
  const d = defaultPluginArgs(name) ?? {};
  const out: Record<string, any> = { ...d, ...user };
  if (name === 'NodeResourcesFit') {
    const s = { ...(user.scoringStrategy ?? {}) };
    s.type ??= 'LeastAllocated';
    if (!s.resources?.length) s.resources = resources();
    s.resources = s.resources.map((r: any) => ({ name: r.name, weight: r.weight || 1 }));
    if (s.type === 'RequestedToCapacityRatio' && s.requestedToCapacityRatio?.shape == null) {
      s.requestedToCapacityRatio = { shape: [] };
    }
    out.scoringStrategy = s;
  }
  if (name === 'NodeResourcesBalancedAllocation' && !user.resources?.length) out.resources = resources();
  if (name === 'PodTopologySpread') {
    // With explicit defaultConstraints and no defaultingType, the type is List.
    if (user.defaultingType === undefined && (user.defaultConstraints ?? []).length > 0) out.defaultingType = 'List';
  }
  return out;
}

/** mergePluginSet: disabled defaults drop out ('*' drops all), re-enabled defaults keep their place. */
export function mergePluginSet(def: PluginSet, custom: PluginSet | undefined): PluginSet {
  if (!custom) return { enabled: [...(def.enabled ?? [])], disabled: [...(def.disabled ?? [])] };
  const disabledNames = new Set<string>();
  const disabled: PluginRef[] = [];
  for (const d of custom.disabled ?? []) {
    disabled.push({ name: d.name });
    disabledNames.add(d.name);
  }
  for (const d of def.disabled ?? []) {
    disabled.push({ name: d.name });
    disabledNames.add(d.name);
  }
  const customByName = new Map<string, { index: number; plugin: PluginRef }>();
  (custom.enabled ?? []).forEach((p, index) => customByName.set(p.name, { index, plugin: p }));
  const replaced = new Set<number>();
  const enabled: PluginRef[] = [];
  if (!disabledNames.has('*')) {
    for (const p of def.enabled ?? []) {
      if (disabledNames.has(p.name)) continue;
      const c = customByName.get(p.name);
      if (c) {
        replaced.add(c.index);
        enabled.push(c.plugin);
      } else enabled.push(p);
    }
  }
  (custom.enabled ?? []).forEach((p, i) => {
    if (!replaced.has(i)) enabled.push(p);
  });
  return { enabled, disabled };
}

export function mergePlugins(def: Plugins, custom: Plugins | undefined): Plugins {
  const out: Plugins = { multiPoint: mergePluginSet(def.multiPoint ?? {}, custom?.multiPoint) };
  for (const ep of EXTENSION_POINTS) out[ep] = mergePluginSet(def[ep] ?? {}, custom?.[ep]);
  return out;
}

/** SetDefaults_KubeSchedulerConfiguration for a user document (or none). */
export function defaultConfiguration(doc?: Record<string, any> | null): { config: KubeSchedulerConfiguration; errors: string[] } {
  const errors: string[] = [];
  const d = doc ?? {};
  if (doc && doc.apiVersion && doc.apiVersion !== CONFIG_API_VERSION) {
    errors.push(`no kind "KubeSchedulerConfiguration" is registered for version "${doc.apiVersion}"`);
  }
  const userProfiles: any[] = Array.isArray(d.profiles) && d.profiles.length > 0 ? d.profiles : [{}];
  const seen = new Set<string>();
  const profiles: KubeSchedulerProfile[] = userProfiles.map((up, i) => {
    const schedulerName = up.schedulerName || DEFAULT_SCHEDULER_NAME;
    if (seen.has(schedulerName)) errors.push(`profiles[${i}].schedulerName: Duplicate value: "${schedulerName}"`);
    seen.add(schedulerName);
    const plugins = mergePlugins(defaultPlugins(), up.plugins);
    const pluginConfig: PluginConfig[] = (up.pluginConfig ?? []).map((pc: any) => ({ name: pc.name, args: defaultArgs(pc.name, pc.args ?? {}) }));
    // Every enabled plugin with args gets its defaults when the user gave none.
    const names = new Set<string>((plugins.multiPoint?.enabled ?? []).map((p) => p.name));
    for (const ep of EXTENSION_POINTS) for (const p of plugins[ep]?.enabled ?? []) names.add(p.name);
    for (const name of names) {
      const args = defaultPluginArgs(name);
      if (args && !pluginConfig.some((pc) => pc.name === name)) pluginConfig.push({ name, args });
    }
    const pct = up.percentageOfNodesToScore;
    return { schedulerName, percentageOfNodesToScore: typeof pct === 'number' ? pct : null, plugins, pluginConfig };
  });
  const pct = typeof d.percentageOfNodesToScore === 'number' ? d.percentageOfNodesToScore : 0;
  if (pct < 0 || pct > 100) errors.push(`percentageOfNodesToScore: Invalid value: ${pct}: not in valid range [0-100]`);
  for (const p of profiles) {
    const v = p.percentageOfNodesToScore;
    if (v != null && (v < 0 || v > 100)) errors.push(`percentageOfNodesToScore: Invalid value: ${v}: not in valid range [0-100]`);
  }
  return {
    config: {
      apiVersion: CONFIG_API_VERSION,
      kind: 'KubeSchedulerConfiguration',
      percentageOfNodesToScore: pct,
      podInitialBackoffSeconds: typeof d.podInitialBackoffSeconds === 'number' ? d.podInitialBackoffSeconds : 1,
      podMaxBackoffSeconds: typeof d.podMaxBackoffSeconds === 'number' ? d.podMaxBackoffSeconds : 10,
      profiles,
    },
    errors,
  };
}
