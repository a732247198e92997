// Expected reasons and messages: pkg/kubelet/lifecycle/predicate.go (InsufficientResourceError,
// PredicateFailureError) and predicate_test.go; kubelet.go rejectPod prefixes "Pod was rejected: ".
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { admitPod } from './admission';
import { mirrorPodFor } from './staticPods';

const node = (extra: any = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-1', labels: { 'kubernetes.io/hostname': 'node-1', disk: 'ssd' }, uid: 'n1' },
  spec: extra.spec ?? {},
  status: { allocatable: { cpu: '2', memory: '4Gi', pods: '3', 'ephemeral-storage': '10Gi' } },
});
const pod = (name: string, spec: any, labels?: any): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: name, labels }, spec: { nodeName: 'node-1', ...spec } });
const req = (cpu?: string, memory?: string) => ({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } }] });

describe('kubelet admission', () => {
  it('rejects with OutOfcpu and the requested/used/capacity numbers in millicores', () => {
    const r = admitPod(pod('big', req('4')), node(), [pod('a', req('500m'))]);
    expect(r).toEqual({ admit: false, reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 4000, used: 500, capacity: 2000" });
  });
  it('rejects with OutOfmemory in bytes', () => {
    const r = admitPod(pod('big', req(undefined, '5Gi')), node(), []);
    expect(r).toEqual({ admit: false, reason: 'OutOfmemory', message: "Node didn't have enough resource: memory, requested: 5368709120, used: 0, capacity: 4294967296" });
  });
  it('checks the pod count first (OutOfpods)', () => {
    const r = admitPod(pod('x', req('4')), node(), [pod('a', {}), pod('b', {}), pod('c', {})]);
    expect(r).toEqual({ admit: false, reason: 'OutOfpods', message: "Node didn't have enough resource: pods, requested: 1, used: 3, capacity: 3" });
  });
  it('counts init containers as the max of each init step, sidecars as additive', () => {
    const spec = {
      initContainers: [{ name: 'init', resources: { requests: { cpu: '1500m' } } }],
      containers: [{ name: 'c', resources: { requests: { cpu: '500m' } } }],
    };
    const r = admitPod(pod('p', spec), node(), [pod('a', req('1'))]);
    expect(r).toEqual({ admit: false, reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 1500, used: 1000, capacity: 2000" });
  });
  it('rejects a node selector that does not match (NodeAffinity)', () => {
    const r = admitPod(pod('p', { nodeSelector: { disk: 'hdd' } }), node(), []);
    expect(r).toEqual({ admit: false, reason: 'NodeAffinity', message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" });
  });
  it('rejects an untolerated NoExecute taint, but not for static pods', () => {
    const tainted = node({ spec: { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] } });
    expect(admitPod(pod('p', {}), tainted, [])).toEqual({ admit: false, reason: 'TaintToleration', message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate" });
    expect(admitPod(pod('p', {}), node({ spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] } }), []).admit).toBe(true);
    const mirror = mirrorPodFor(pod('etcd', { containers: [{ name: 'etcd', image: 'etcd' }], tolerations: [] }), tainted);
    expect(admitPod({ ...mirror, spec: { ...mirror.spec, tolerations: [] } }, tainted, []).admit).toBe(true);
  });
  it('rejects a host port already taken on the node (NodePorts)', () => {
    const hp = { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080 }] }] };
    expect(admitPod(pod('p', hp), node(), [pod('a', hp)])).toEqual({ admit: false, reason: 'NodePorts', message: "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports" });
  });
  it('rejects a pod whose kubernetes.io/os label is not linux', () => {
    expect(admitPod(pod('p', {}, { 'kubernetes.io/os': 'windows' }), node(), [])).toMatchObject({ admit: false, reason: 'PodOSSelectorNodeLabelDoesNotMatch' });
  });
  it('admits a pod that fits', () => {
    expect(admitPod(pod('p', req('1', '1Gi')), node(), [pod('a', req('1', '1Gi'))])).toEqual({ admit: true });
  });
});
