import { describe, expect, it } from 'vitest';
import { resolveSchedulerConfig } from './resolve-config';

describe('KubeSchedulerConfiguration', () => {
  // apis/config/v1/default_plugins_test.go and runtime/framework_test.go (multiPoint expansion)
  it('expands the default multiPoint plugins into each extension point in order', () => {
    const { profiles, errors } = resolveSchedulerConfig();
    expect(errors).toEqual([]);
    const p = profiles[0];
    expect(p.schedulerName).toBe('default-scheduler');
    expect(p.pluginNames('filter')).toEqual([
      'NodeUnschedulable',
      'NodeName',
      'TaintToleration',
      'NodeAffinity',
      'NodePorts',
      'NodeResourcesFit',
      'VolumeRestrictions',
      'NodeVolumeLimits',
      'VolumeBinding',
      'VolumeZone',
      'PodTopologySpread',
      'InterPodAffinity',
    ]);
    expect(p.pluginNames('preEnqueue')).toEqual(['SchedulingGates']);
    expect(p.pluginNames('postFilter')).toEqual(['DefaultPreemption']);
    expect(p.pluginNames('score')).toEqual(['TaintToleration', 'NodeAffinity', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity', 'NodeResourcesBalancedAllocation', 'ImageLocality']);
    expect(Object.fromEntries(p.weights)).toEqual({
      TaintToleration: 3,
      NodeAffinity: 2,
      NodeResourcesFit: 1,
      PodTopologySpread: 2,
      InterPodAffinity: 2,
      NodeResourcesBalancedAllocation: 1,
      ImageLocality: 1,
    });
  });

  it('builds one profile per schedulerName with its own plugin changes', () => {
    const { profiles } = resolveSchedulerConfig({
      apiVersion: 'kubescheduler.config.k8s.io/v1',
      kind: 'KubeSchedulerConfiguration',
      profiles: [
        { schedulerName: 'default-scheduler' },
        { schedulerName: 'no-scoring-scheduler', plugins: { preScore: { disabled: [{ name: '*' }] }, score: { disabled: [{ name: '*' }] } } },
      ],
    });
    expect(profiles.map((p) => p.schedulerName)).toEqual(['default-scheduler', 'no-scoring-scheduler']);
    expect(profiles[1].pluginNames('score')).toEqual([]);
    expect(profiles[1].pluginNames('filter')).toHaveLength(12);
  });

  it('lets a score entry override a multiPoint weight and keeps the explicit plugin first', () => {
    const { profiles } = resolveSchedulerConfig({ profiles: [{ plugins: { score: { enabled: [{ name: 'ImageLocality', weight: 5 }] } } }] });
    expect(profiles[0].weights.get('ImageLocality')).toBe(5);
    expect(profiles[0].pluginNames('score')[0]).toBe('ImageLocality');
  });

  it('disables one default plugin for one extension point only', () => {
    const { profiles } = resolveSchedulerConfig({ profiles: [{ plugins: { filter: { disabled: [{ name: 'TaintToleration' }] } } }] });
    expect(profiles[0].pluginNames('filter')).not.toContain('TaintToleration');
    expect(profiles[0].pluginNames('score')).toContain('TaintToleration');
  });

  it('re-weights through multiPoint and drops a plugin with multiPoint disabled', () => {
    const { profiles } = resolveSchedulerConfig({
      profiles: [{ plugins: { multiPoint: { enabled: [{ name: 'PodTopologySpread', weight: 9 }], disabled: [{ name: 'ImageLocality' }] } } }],
    });
    expect(profiles[0].weights.get('PodTopologySpread')).toBe(9);
    expect(profiles[0].pluginNames('score')).not.toContain('ImageLocality');
  });

  it('passes pluginConfig args with defaults filled in', () => {
    const { profiles } = resolveSchedulerConfig({
      profiles: [{ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'MostAllocated' } } }] }],
    });
    const args = profiles[0].config.pluginConfig.find((c) => c.name === 'NodeResourcesFit')!.args;
    expect(args.scoringStrategy).toEqual({ type: 'MostAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] });
  });

  it('keeps percentageOfNodesToScore globally and per profile, rejecting out-of-range values', () => {
    const r = resolveSchedulerConfig({ percentageOfNodesToScore: 30, profiles: [{ percentageOfNodesToScore: 120 }] });
    expect(r.config.percentageOfNodesToScore).toBe(30);
    expect(r.errors).toContain('percentageOfNodesToScore: Invalid value: 120: not in valid range [0-100]');
  });

  it('reports unknown plugins', () => {
    const r = resolveSchedulerConfig({ profiles: [{ plugins: { filter: { enabled: [{ name: 'Nope' }] } } }] });
    expect(r.profiles).toHaveLength(0);
    expect(r.errors[0]).toContain('Nope does not exist');
  });
});
