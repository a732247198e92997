import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CONFIG, parsePortRange, resolveClusterConfig } from './clusterConfig';
import { formatFieldError } from './validation/fieldError';
import type { KubeObject } from './types';

const doc = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'kubeglass.dev/v1alpha1', kind: 'ClusterConfig', metadata: { name: 'c' }, spec });

describe('resolveClusterConfig', () => {
  it('uses kubeadm/flannel defaults without a document', () => {
    const { config, errors } = resolveClusterConfig();
    expect(errors).toEqual([]);
    expect(config).toEqual(DEFAULT_CLUSTER_CONFIG);
    expect(config).toMatchObject({ podCIDR: '10.244.0.0/16', nodeCIDRMaskSize: 24, serviceCIDR: '10.96.0.0/12', nodePortRange: '30000-32767', clusterDomain: 'cluster.local' });
  });

  it('accepts a node list and merges kernel flags', () => {
    const { config, errors } = resolveClusterConfig(doc({ nodes: [{ name: 'cp', role: 'control-plane' }, { name: 'w1', cpu: '4', memory: '8Gi' }], kernel: { nfacct: false } }));
    expect(errors).toEqual([]);
    expect(config.kernel).toEqual({ nfacct: false, randomFully: true });
    expect(Array.isArray(config.nodes) && config.nodes.length).toBe(2);
  });

  it('reports bad values with field paths and falls back to defaults for them', () => {
    const { config, errors } = resolveClusterConfig(doc({ cni: 'weave', serviceCIDR: '10.0.0.0/8', podCIDR: 'nope' }));
    expect(errors.map(formatFieldError)).toEqual([
      'spec.podCIDR: Invalid value: "nope": must be a valid CIDR, e.g. 10.244.0.0/16',
      'spec.serviceCIDR: Invalid value: "10.0.0.0/8": specified service cluster IP range is too large; for 32-bit addresses, the mask must be >= 12',
      'spec.cni: Unsupported value: "weave": supported values: "flannel", "bridge", "calico"',
    ]);
    expect(config).toMatchObject({ cni: 'flannel', serviceCIDR: '10.96.0.0/12', podCIDR: '10.244.0.0/16' });
  });

  it('refuses overlapping pod and service ranges and duplicate node names', () => {
    const { errors } = resolveClusterConfig(doc({ podCIDR: '10.96.0.0/16', nodes: [{ name: 'a' }, { name: 'a' }] }));
    expect(errors.map((e) => e.path)).toEqual(['spec.nodes', 'spec.serviceCIDR']);
  });

  it('parses port ranges as utilnet.ParsePortRange does', () => {
    expect(parsePortRange('30000-32767')).toEqual({ base: 30000, size: 2768 });
    expect(parsePortRange('30000+10')).toEqual({ base: 30000, size: 11 });
    expect(parsePortRange('32767-30000')).toBeNull();
  });
});
