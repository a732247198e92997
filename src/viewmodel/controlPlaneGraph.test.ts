// The list-watch flow (client-go tools/cache reflector and SharedInformerFactory; kube-apiserver
// storage with etcd keys under /registry, e.g. pkg/registry/apps/replicaset/storage "/replicasets").
import { describe, expect, it } from 'vitest';
import type { KubeObject, WatchEvent } from '../engine';
import { buildControlPlaneGraph, requestText } from './controlPlaneGraph';
import { etcdKey } from './controlPlaneWatches';
import { makeNode, makePod, makeReplicaSet, snapshotOf } from './testing/objects';

function event(index: number, type: WatchEvent['type'], obj: KubeObject, component: string, reason = ''): WatchEvent {
  return { index, t: index * 10, type, kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '', resourceVersion: String(100 + index), component, reason, object: obj };
}

const nodes = [makeNode('node-1', '192.168.56.11', '10.244.1.0/24'), makeNode('node-2', '192.168.56.12', '10.244.2.0/24')];
const rs = makeReplicaSet('web-7f9c8b5d4', { revision: 1 });
const pod = makePod('web-7f9c8b5d4-bbbbb', { node: 'node-2' });
const events = [
  event(0, 'ADDED', rs, 'deployment-controller', 'SuccessfulCreate'),
  event(1, 'MODIFIED', pod, 'default-scheduler', 'Scheduled'),
];
const snap = snapshotOf([...nodes, rs, pod], 1);
type G = ReturnType<typeof buildControlPlaneGraph>;
const edge = (g: G, id: string) => g.edges.find((e) => e.id === id)!;
const node = (g: G, id: string) => g.nodes.find((n) => n.id === id)!;

describe('buildControlPlaneGraph', () => {
  it('lights the controller manager link, etcd and the ReplicaSet watchers when deployment-controller creates a ReplicaSet', () => {
    const g = buildControlPlaneGraph(snap, events, { window: { from: -1, to: 0 } });
    expect(edge(g, 'link:cp:kube-controller-manager')).toMatchObject({
      active: true,
      flow: 'both',
      source: 'cp:kube-apiserver',
      target: 'cp:kube-controller-manager',
      label: 'deployment-controller: create ReplicaSet web-7f9c8b5d4\nADDED ReplicaSet web-7f9c8b5d4',
    });
    expect(edge(g, 'etcd')).toMatchObject({ active: true, label: 'put /registry/replicasets/default/web-7f9c8b5d4' });
    // Controllers with a ReplicaSet informer get the event; the others stay idle.
    const busy = g.nodes.filter((n) => n.parent === 'cp:kube-controller-manager' && n.status === 'progress').map((n) => n.label);
    expect(busy).toEqual(['deployment-controller', 'replicaset-controller', 'garbage-collector']);
    expect(node(g, 'cp:deployment-controller')).toMatchObject({ statusText: 'writes 1 · watch events 1' });
    expect(edge(g, 'link:cp:kubectl')).toMatchObject({ active: false, label: undefined });
    expect(edge(g, 'link:cp:kube-scheduler').active).toBe(false); // the scheduler has no ReplicaSet informer
  });

  it('sends a bound pod only to the kubelet of its node, and shows the binding subresource', () => {
    const g = buildControlPlaneGraph(snap, events); // default window: the last event
    expect(edge(g, 'link:cp:kube-scheduler')).toMatchObject({ active: true, label: 'create pods/binding web-7f9c8b5d4-bbbbb\nMODIFIED Pod web-7f9c8b5d4-bbbbb' });
    expect(edge(g, 'link:cp:machine/node-2')).toMatchObject({ active: true, flow: 'forward', label: 'MODIFIED Pod web-7f9c8b5d4-bbbbb' });
    expect(edge(g, 'link:cp:machine/node-1').active).toBe(false);
    expect(node(g, 'cp:kubelet/node-2').status).toBe('progress');
    expect(node(g, 'cp:kube-proxy/node-2').status).toBe('ok');
  });

  it('summarises several messages on one link', () => {
    const g = buildControlPlaneGraph(snap, events, { window: { from: -1, to: 1 } });
    expect(edge(g, 'etcd').label).toBe('put /registry/replicasets/default/web-7f9c8b5d4 (+1 more)');
    expect(edge(g, 'link:cp:kube-controller-manager').label).toBe('deployment-controller: create ReplicaSet web-7f9c8b5d4\nADDED ReplicaSet web-7f9c8b5d4 (+1 more)');
    expect(node(g, 'cp:garbage-collector')).toMatchObject({ status: 'progress', statusText: 'writes 0 · watch events 2' });
  });

  it('keeps the same node and edge ids whatever the window', () => {
    const a = buildControlPlaneGraph(snap, events, { window: { from: -1, to: 0 } });
    const b = buildControlPlaneGraph(snap, events, { window: { from: 0, to: 1 } });
    expect(a.nodes.map((n) => n.id)).toEqual(b.nodes.map((n) => n.id));
    expect(a.edges.map((e) => e.id)).toEqual(b.edges.map((e) => e.id));
  });

  it('draws clients it sees in the log (kubeadm) pointing at the API server, and each node\'s agents', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system' } };
    const g = buildControlPlaneGraph(snap, [event(0, 'ADDED', cm, 'kubeadm', 'Addon')]);
    expect(g.nodes.filter((n) => n.kind === 'client').map((n) => n.label)).toEqual(['kubectl', 'kubeadm']);
    expect(g.nodes.filter((n) => n.parent === 'cp:machine/node-1').map((n) => n.kind)).toEqual(['kubelet', 'kube-proxy']);
    expect(edge(g, 'link:cp:kubeadm')).toMatchObject({ source: 'cp:kubeadm', target: 'cp:kube-apiserver', active: true, flow: 'forward', label: 'create ConfigMap kube-proxy' });
  });

  it('uses the historical etcd prefixes for Services, Endpoints and Nodes', () => {
    expect(etcdKey('Service', 'services', 'default', 'web')).toBe('/registry/services/specs/default/web');
    expect(etcdKey('Endpoints', 'endpoints', 'default', 'web')).toBe('/registry/services/endpoints/default/web');
    expect(etcdKey('Node', 'nodes', '', 'node-1')).toBe('/registry/minions/node-1');
    expect(requestText(event(3, 'DELETED', pod, 'kubelet/node-2'))).toBe('delete Pod web-7f9c8b5d4-bbbbb');
  });
});
