// Kubeglass's own kind, ClusterConfig (apiVersion kubeglass.dev/v1alpha1): the shape of the
// simulated cluster. Not a Kubernetes kind; its defaults follow what kubeadm + flannel give a
// fresh cluster (kubeadm's default service subnet 10.96.0.0/12, flannel's 10.244.0.0/16 with
// /24 per node, kube-apiserver's default --service-node-port-range 30000-32767).
import type { KubeObject } from './types';
import { parseQuantity } from './quantity';
import { cidrContainsCidr, tryParseCidr } from '../network/ip';
import { type FieldError, invalid, notSupported, required } from './validation/fieldError';

export type { FieldError } from './validation/fieldError';

export const CLUSTER_CONFIG_API_VERSION = 'kubeglass.dev/v1alpha1';
export const CLUSTER_CONFIG_KIND = 'ClusterConfig';

export interface ClusterNodeSpec {
  name?: string;
  role?: 'control-plane' | 'worker';
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  zone?: string;
}

export interface ClusterConfig {
  nodes: number | ClusterNodeSpec[];
  podCIDR: string;
  nodeCIDRMaskSize: number;
  serviceCIDR: string;
  nodePortRange: string;
  clusterDomain: string;
  cni: 'flannel' | 'bridge' | 'calico';
  kubeProxyMode: 'iptables' | 'ipvs' | 'nftables';
  bootstrap: 'kubeadm' | 'none';
  kernel: { nfacct: boolean; randomFully: boolean };
  loadBalancerIPRange?: string;
  importStatus: boolean;
  /** Virtual durations in milliseconds by step name (e.g. imagePull), overriding the engine's. */
  timing?: Record<string, number>;
}

export const CNI_PLUGINS = ['flannel', 'bridge', 'calico'] as const;
export const KUBE_PROXY_MODES = ['iptables', 'ipvs', 'nftables'] as const;
export const BOOTSTRAP_MODES = ['kubeadm', 'none'] as const;
/** The largest generated cluster (the 1,000-node benchmark scale; was 100, which turned the
 * benchmark's 1,000-node config into the 3-node default). */
export const MAX_NODE_COUNT = 1000;
export const NODE_ROLES = ['control-plane', 'worker'] as const;
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = {
  nodes: 3,
  podCIDR: '10.244.0.0/16',
  nodeCIDRMaskSize: 24,
  serviceCIDR: '10.96.0.0/12',
  nodePortRange: '30000-32767',
  clusterDomain: 'cluster.local',
  cni: 'flannel',
  kubeProxyMode: 'iptables',
  bootstrap: 'kubeadm',
  kernel: { nfacct: true, randomFully: true },
  importStatus: false,
};

/** Parses "30000-32767" (utilnet.ParsePortRange also accepts a single port and "base+size"). */
export function parsePortRange(s: string): { base: number; size: number } | null {
  const m = /^(\d+)(?:([-+])(\d+))?$/.exec(s.trim());
  if (!m) return null;
  const low = Number(m[1]);
  let high = low;
  if (m[2] === '-') high = Number(m[3]);
  else if (m[2] === '+') high = low + Number(m[3]);
  if (low > 65535 || high > 65535 || high < low) return null;
  return { base: low, size: high - low + 1 };
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function validateNode(n: unknown, path: string): FieldError[] {
  if (typeof n !== 'object' || n === null || Array.isArray(n)) return [invalid(path, n, 'must be an object')];
  const node = n as ClusterNodeSpec;
  const errs: FieldError[] = [];
  if (node.name !== undefined && (typeof node.name !== 'string' || !DNS_SUBDOMAIN.test(node.name) || node.name.length > 253)) {
    errs.push(invalid(`${path}.name`, node.name, 'must be a lowercase RFC 1123 subdomain'));
  }
  if (node.role !== undefined && !NODE_ROLES.includes(node.role)) errs.push(notSupported(`${path}.role`, node.role, NODE_ROLES));
  for (const f of ['cpu', 'memory'] as const) {
    const v = node[f];
    if (v !== undefined && parseQuantity(v as string) === null) errs.push(invalid(`${path}.${f}`, v, 'must be a quantity, e.g. "4" or "8Gi"'));
  }
  if (node.pods !== undefined && (!Number.isInteger(node.pods) || node.pods < 1)) {
    errs.push(invalid(`${path}.pods`, node.pods, 'must be a positive integer'));
  }
  (node.taints ?? []).forEach((t, i) => {
    if (!t?.key) errs.push(required(`${path}.taints[${i}].key`));
    if (!TAINT_EFFECTS.includes(t?.effect as never)) errs.push(notSupported(`${path}.taints[${i}].effect`, t?.effect, TAINT_EFFECTS));
  });
  return errs;
}

function validateConfig(c: ClusterConfig): FieldError[] {
  const errs: FieldError[] = [];
  const p = (f: string) => `spec.${f}`;
  if (typeof c.nodes === 'number') {
    if (!Number.isInteger(c.nodes) || c.nodes < 1 || c.nodes > MAX_NODE_COUNT) errs.push(invalid(p('nodes'), c.nodes, `must be between 1 and ${MAX_NODE_COUNT}`));
  } else if (Array.isArray(c.nodes)) {
    if (c.nodes.length === 0) errs.push(required(p('nodes'), 'at least one node'));
    c.nodes.forEach((n, i) => errs.push(...validateNode(n, `${p('nodes')}[${i}]`)));
    const names = c.nodes.map((n) => n?.name).filter((n): n is string => !!n);
    names.forEach((n, i) => names.indexOf(n) !== i && errs.push({ path: p('nodes'), type: 'FieldValueDuplicate', value: n, detail: '' }));
  } else {
    errs.push(invalid(p('nodes'), c.nodes, 'must be a node count or a list of nodes'));
  }
  const pod = tryParseCidr(String(c.podCIDR));
  if (!pod) errs.push(invalid(p('podCIDR'), c.podCIDR, 'must be a valid CIDR, e.g. 10.244.0.0/16'));
  if (!Number.isInteger(c.nodeCIDRMaskSize) || (pod && (c.nodeCIDRMaskSize < pod.prefix || c.nodeCIDRMaskSize > (pod.family === 4 ? 30 : 126)))) {
    // kube-controller-manager's nodeipam refuses a node mask smaller than the cluster CIDR's.
    errs.push(invalid(p('nodeCIDRMaskSize'), c.nodeCIDRMaskSize, 'must be at least the podCIDR prefix length and leave room for pods'));
  }
  const svc = tryParseCidr(String(c.serviceCIDR));
  if (!svc) errs.push(invalid(p('serviceCIDR'), c.serviceCIDR, 'must be a valid CIDR, e.g. 10.96.0.0/12'));
  else if (svc.family === 4 && svc.prefix < 12) {
    // kube-apiserver: the service range may hold at most 2^20 addresses.
    errs.push(invalid(p('serviceCIDR'), c.serviceCIDR, 'specified service cluster IP range is too large; for 32-bit addresses, the mask must be >= 12'));
  }
  if (pod && svc && pod.family === svc.family) {
    // Two CIDRs overlap exactly when one contains the other.
    if (cidrContainsCidr(pod, svc) || cidrContainsCidr(svc, pod)) errs.push(invalid(p('serviceCIDR'), c.serviceCIDR, `must not overlap podCIDR ${c.podCIDR}`));
  }
  if (parsePortRange(String(c.nodePortRange)) === null) errs.push(invalid(p('nodePortRange'), c.nodePortRange, 'must be a port range such as 30000-32767'));
  if (typeof c.clusterDomain !== 'string' || !DNS_SUBDOMAIN.test(c.clusterDomain)) errs.push(invalid(p('clusterDomain'), c.clusterDomain, 'must be a DNS domain'));
  if (!CNI_PLUGINS.includes(c.cni)) errs.push(notSupported(p('cni'), c.cni, CNI_PLUGINS));
  if (!KUBE_PROXY_MODES.includes(c.kubeProxyMode)) errs.push(notSupported(p('kubeProxyMode'), c.kubeProxyMode, KUBE_PROXY_MODES));
  if (!BOOTSTRAP_MODES.includes(c.bootstrap)) errs.push(notSupported(p('bootstrap'), c.bootstrap, BOOTSTRAP_MODES));
  for (const k of ['nfacct', 'randomFully'] as const) {
    if (typeof c.kernel?.[k] !== 'boolean') errs.push(invalid(p(`kernel.${k}`), c.kernel?.[k], 'must be true or false'));
  }
  if (c.loadBalancerIPRange !== undefined && !tryParseCidr(String(c.loadBalancerIPRange))) {
    errs.push(invalid(p('loadBalancerIPRange'), c.loadBalancerIPRange, 'must be a valid CIDR'));
  }
  if (typeof c.importStatus !== 'boolean') errs.push(invalid(p('importStatus'), c.importStatus, 'must be true or false'));
  for (const [k, v] of Object.entries(c.timing ?? {})) {
    if (typeof v !== 'number' || !(v >= 0)) errs.push(invalid(p(`timing.${k}`), v, 'must be a non-negative number of milliseconds'));
  }
  return errs;
}

/**
 * The cluster's configuration from an optional ClusterConfig document: defaults filled in, and
 * the field errors (paths as in the document, e.g. `spec.podCIDR`). On errors the defaults are
 * used for the fields in error, so a simulation can still start.
 */
export function resolveClusterConfig(doc?: KubeObject): { config: ClusterConfig; errors: FieldError[] } {
  const spec = (doc?.spec ?? {}) as Partial<ClusterConfig>;
  const merged: ClusterConfig = {
    ...DEFAULT_CLUSTER_CONFIG,
    ...spec,
    kernel: { ...DEFAULT_CLUSTER_CONFIG.kernel, ...(spec.kernel ?? {}) },
  };
  const errors = validateConfig(merged);
  if (errors.length === 0) return { config: merged, errors };
  const config = { ...merged, kernel: { ...merged.kernel } } as ClusterConfig & Record<string, unknown>;
  for (const e of errors) {
    const top = e.path.replace(/^spec\./, '').split(/[.[]/)[0] as keyof ClusterConfig;
    (config as Record<string, unknown>)[top] = structuredClone((DEFAULT_CLUSTER_CONFIG as unknown as Record<string, unknown>)[top] as object);
    if (top === 'timing' || top === 'loadBalancerIPRange') delete config[top];
  }
  return { config, errors };
}

/** The JSON schema of ClusterConfig for the editor (written by scripts/gen-schemas.ts). */
export function clusterConfigJsonSchema(): Record<string, unknown> {
  const d = DEFAULT_CLUSTER_CONFIG;
  const str = (description: string, def?: string, extra: Record<string, unknown> = {}) => ({ type: 'string', description, ...(def !== undefined ? { default: def } : {}), ...extra });
  const node = {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: str('Node name (a DNS subdomain). Defaults to kind-style names: control-plane, worker, worker2, ...'),
      role: str('control-plane or worker.', undefined, { enum: [...NODE_ROLES] }),
      cpu: { anyOf: [{ type: 'string' }, { type: 'number' }], description: 'Allocatable CPU as a quantity, e.g. "4" or "3500m".' },
      memory: str('Allocatable memory as a quantity, e.g. "8Gi".'),
      pods: { type: 'integer', minimum: 1, description: 'Maximum pods on the node (kubelet maxPods, default 110).' },
      labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra node labels.' },
      taints: {
        type: 'array',
        description: 'Node taints.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['key', 'effect'],
          properties: { key: { type: 'string' }, value: { type: 'string' }, effect: { type: 'string', enum: [...TAINT_EFFECTS] } },
        },
      },
      zone: str('Sets topology.kubernetes.io/zone on the node.'),
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://kubeglass.dev/schemas/clusterconfig.schema.json',
    title: 'Kubeglass ClusterConfig',
    description: 'The shape of the simulated cluster (Kubeglass only; not a Kubernetes kind).',
    type: 'object',
    required: ['apiVersion', 'kind'],
    additionalProperties: false,
    properties: {
      apiVersion: { type: 'string', enum: [CLUSTER_CONFIG_API_VERSION] },
      kind: { type: 'string', enum: [CLUSTER_CONFIG_KIND] },
      metadata: { type: 'object', properties: { name: { type: 'string' } } },
      spec: {
        type: 'object',
        additionalProperties: false,
        properties: {
          nodes: {
            description: `Number of nodes (the first is the control plane), or a list of nodes. Default ${d.nodes}.`,
            default: d.nodes,
            anyOf: [{ type: 'integer', minimum: 1, maximum: MAX_NODE_COUNT }, { type: 'array', minItems: 1, items: node }],
          },
          podCIDR: str('Cluster pod CIDR (kube-controller-manager --cluster-cidr).', d.podCIDR),
          nodeCIDRMaskSize: { type: 'integer', default: d.nodeCIDRMaskSize, description: 'Prefix length of each node\'s pod CIDR (--node-cidr-mask-size).' },
          serviceCIDR: str('Service ClusterIP range (kube-apiserver --service-cluster-ip-range).', d.serviceCIDR),
          nodePortRange: str('NodePort range (kube-apiserver --service-node-port-range).', d.nodePortRange),
          clusterDomain: str('DNS domain of the cluster (kubelet --cluster-domain).', d.clusterDomain),
          cni: str('Network plugin.', d.cni, { enum: [...CNI_PLUGINS] }),
          kubeProxyMode: str('kube-proxy mode.', d.kubeProxyMode, { enum: [...KUBE_PROXY_MODES] }),
          bootstrap: str('kubeadm creates the kube-system objects (CoreDNS, kube-proxy, the kubernetes Service); none starts empty.', d.bootstrap, { enum: [...BOOTSTRAP_MODES] }),
          kernel: {
            type: 'object',
            additionalProperties: false,
            description: 'Kernel features kube-proxy detects.',
            properties: {
              nfacct: { type: 'boolean', default: d.kernel.nfacct, description: 'nfacct counters available.' },
              randomFully: { type: 'boolean', default: d.kernel.randomFully, description: 'iptables MASQUERADE --random-fully available.' },
            },
          },
          loadBalancerIPRange: str('CIDR from which LoadBalancer Services get external IPs (like MetalLB); unset: they stay <pending>.'),
          importStatus: { type: 'boolean', default: d.importStatus, description: 'Keep the status of imported objects instead of dropping it.' },
          timing: { type: 'object', additionalProperties: { type: 'number', minimum: 0 }, description: 'Virtual durations in milliseconds by step name.' },
        },
      },
    },
  };
}
