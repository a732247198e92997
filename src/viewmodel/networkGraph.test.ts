// The data plane comes from the engine's buildNodeNetwork (flannel VXLAN: one FDB entry
// "<vtep mac> dev flannel.1 dst <peer IP>" per remote node, flannel-io/flannel pkg/backend/vxlan);
// these tests check how it becomes a graph.
import { describe, expect, it } from 'vitest';
import { buildNetworkGraph, nodeNetworksFromSnapshot, LAN_NODE } from './networkGraph';
import { makeNode, makePod, snapshotOf } from './testing/objects';

const cluster = snapshotOf([
  makeNode('node-1', '192.168.56.11', '10.244.1.0/24'),
  makeNode('node-2', '192.168.56.12', '10.244.2.0/24'),
  makeNode('node-3', '192.168.56.13', '10.244.3.0/24'),
  makePod('web-a', { node: 'node-1', ip: '10.244.1.2' }),
  makePod('web-b', { node: 'node-2', ip: '10.244.2.2' }),
  makePod('waiting', { state: 'pending' }),
]);
const flannel = { kind: 'flannel' as const, clusterCidr: '10.244.0.0/16' };

describe('buildNetworkGraph', () => {
  it('draws one VXLAN link per pair of nodes between their flannel.1 devices', () => {
    const g = buildNetworkGraph(nodeNetworksFromSnapshot(cluster, flannel));
    expect(g.edges.filter((e) => e.kind === 'vxlan').map((e) => e.id)).toEqual([
      'overlay:flannel.1:node-1<->node-2',
      'overlay:flannel.1:node-1<->node-3',
      'overlay:flannel.1:node-2<->node-3',
    ]);
    expect(g.edges.find((e) => e.kind === 'vxlan')).toMatchObject({ source: 'net:node-1:host:flannel.1', target: 'net:node-2:host:flannel.1', label: 'VXLAN VNI 1 node-1 ↔ node-2', bidirectional: true, overlay: true });
  });

  it('joins a pod eth0 to its host veth, the veth to cni0, and eth0 to the LAN', () => {
    const g = buildNetworkGraph(nodeNetworksFromSnapshot(cluster, flannel));
    const pod = g.nodes.find((n) => n.ref === 'Pod/default/web-a')!;
    expect(pod).toMatchObject({ kind: 'pod eth0', statusText: '10.244.1.2/24', parent: 'net:node-1' });
    expect(pod.hint).toContain('default via 10.244.1.1 dev eth0');
    const veth = g.edges.find((e) => e.kind === 'veth' && e.source === pod.id)!;
    expect(veth.target).toMatch(/^net:node-1:host:veth[0-9a-f]{8}$/);
    expect(g.nodes.find((n) => n.id === veth.target)).toMatchObject({ statusText: 'master cni0 · hairpin on' });
    expect(g.edges.find((e) => e.id === `port:${veth.target}`)).toMatchObject({ target: 'net:node-1:host:cni0' });
    expect(g.edges.filter((e) => e.target === LAN_NODE).map((e) => e.label)).toEqual(['192.168.56.11/24', '192.168.56.12/24', '192.168.56.13/24']);
    expect(g.nodes.find((n) => n.id === LAN_NODE)!.label).toBe('192.168.56.0/24');
  });

  it('shows the host route table as detail text and a node without pods has no cni0', () => {
    const g = buildNetworkGraph(nodeNetworksFromSnapshot(cluster, flannel));
    const routes = g.nodes.find((n) => n.id === 'net:node-1:routes')!;
    expect(routes.details).toContain('10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink');
    expect(g.nodes.some((n) => n.id === 'net:node-3:host:cni0')).toBe(false);
    expect(g.nodes.some((n) => n.id === 'net:node-1:host:cni0')).toBe(true);
    // The engine's simplifications travel with the graph, prefixed by node.
    expect(g.notes.some((n) => n.startsWith('node-1: '))).toBe(true);
  });

  it('follows the routing table from cni0 to the uplinks it routes to', () => {
    const g = buildNetworkGraph(nodeNetworksFromSnapshot(cluster, flannel));
    expect(g.edges.find((e) => e.id === 'lookup:net:node-1:host:cni0')).toMatchObject({ target: 'net:node-1:routes' });
    expect(g.edges.find((e) => e.id === 'route:node-1:flannel.1')).toMatchObject({ target: 'net:node-1:host:flannel.1', label: '10.244.2.0/24, 10.244.3.0/24' });
    expect(g.edges.find((e) => e.id === 'route:node-1:eth0')).toMatchObject({ label: 'default, 192.168.56.0/24' });
    expect(g.edges.some((e) => e.id === 'route:node-1:cni0')).toBe(false);
  });

  it('draws IP-in-IP links between tunl0 devices for calico', () => {
    const g = buildNetworkGraph(nodeNetworksFromSnapshot(cluster, { kind: 'calico', clusterCidr: '10.244.0.0/16', ipip: true }));
    expect(g.edges.filter((e) => e.kind === 'ipip')).toHaveLength(3);
    expect(g.edges.some((e) => e.kind === 'bridge-port')).toBe(false);
  });
});
