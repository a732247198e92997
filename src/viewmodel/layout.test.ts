import { describe, expect, it } from 'vitest';
import { layoutGraph, nodeSize, type Box } from './layout';
import type { Graph } from './graph';

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const three: Graph = {
  direction: 'RIGHT',
  notes: [],
  nodes: [
    { id: 'a', kind: 'Deployment', label: 'web', status: 'ok', statusText: '3/3 ready' },
    { id: 'b', kind: 'ReplicaSet', label: 'web-7f9c8b5d4', status: 'ok', statusText: '3/3 ready', lines: ['revision 2'] },
    { id: 'c', kind: 'Pod', label: 'web-7f9c8b5d4-bbbbb', status: 'progress', statusText: 'ContainerCreating' },
  ],
  edges: [
    { id: 'ab', source: 'a', target: 'b', kind: 'owns', status: 'ok', label: 'new · 3 pods' },
    { id: 'bc', source: 'b', target: 'c', kind: 'owns', status: 'neutral' },
  ],
};

describe('layoutGraph', () => {
  it('returns finite, non-overlapping boxes for a 3-node graph, left to right', async () => {
    const g = await layoutGraph(three);
    expect(g.nodes).toHaveLength(3);
    for (const n of g.nodes) for (const v of [n.x, n.y, n.width, n.height]) expect(Number.isFinite(v)).toBe(true);
    const [a, b, c] = g.nodes;
    expect(overlaps(a, b) || overlaps(b, c) || overlaps(a, c)).toBe(false);
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    expect(g.edges[0].points.length).toBeGreaterThanOrEqual(2);
    expect(g.edges[0].labelBox).toBeDefined();
    expect(overlaps(g.edges[0].labelBox!, a) || overlaps(g.edges[0].labelBox!, b)).toBe(false);
  });

  it('stacks layers top to bottom when the view asks for DOWN', async () => {
    const g = await layoutGraph({ ...three, direction: 'DOWN' });
    const [a, b, c] = g.nodes;
    expect(a.y).toBeLessThan(b.y);
    expect(b.y).toBeLessThan(c.y);
  });

  it('is deterministic: the same graph gives the same positions', async () => {
    const [x, y] = await Promise.all([layoutGraph(three), layoutGraph(three)]);
    expect(x.nodes.map((n) => [n.x, n.y])).toEqual(y.nodes.map((n) => [n.x, n.y]));
  });

  it('puts group children inside the group, below its header, in parent-relative coordinates', async () => {
    const g = await layoutGraph({
      direction: 'RIGHT',
      notes: [],
      nodes: [
        { id: 'c', kind: 'Pod', label: 'lonely', status: 'ok', statusText: 'Running' },
        { id: 'ns', kind: 'Namespace', label: 'default', status: 'neutral', statusText: '2 pods', group: true },
        { id: 'a', kind: 'Pod', label: 'a', status: 'ok', statusText: 'Running', parent: 'ns' },
        { id: 'b', kind: 'Pod', label: 'b', status: 'ok', statusText: 'Running', parent: 'ns' },
      ],
      edges: [{ id: 'ac', source: 'a', target: 'c', kind: 'x', status: 'ok' }],
    });
    expect(g.nodes[0].id).toBe('c'); // top-level first
    const group = g.nodes.find((n) => n.id === 'ns')!;
    for (const id of ['a', 'b']) {
      const child = g.nodes.find((n) => n.id === id)!;
      expect(child.x).toBeGreaterThanOrEqual(0);
      expect(child.y).toBeGreaterThanOrEqual(36);
      expect(child.x + child.width).toBeLessThanOrEqual(group.width);
      expect(child.y + child.height).toBeLessThanOrEqual(group.height);
    }
    expect(g.nodes.indexOf(group)).toBeLessThan(g.nodes.findIndex((n) => n.id === 'a'));
  });

  it('sizes cards from their text: more lines make a taller card, a longer name a wider one', () => {
    const base = nodeSize(three.nodes[0]);
    expect(nodeSize({ ...three.nodes[0], lines: ['x', 'y'] }).height).toBe(base.height + 40);
    expect(nodeSize({ ...three.nodes[0], label: 'a-very-long-deployment-name-indeed' }).width).toBeGreaterThan(base.width);
  });
});

describe('layoutGraph overlay edges', () => {
  it('keeps an overlay link out of the layering and draws it as an arc below both ends', async () => {
    const g = await layoutGraph({
      direction: 'DOWN',
      notes: [],
      nodes: [
        { id: 'lan', kind: 'LAN', label: 'lan', status: 'neutral', statusText: '' },
        { id: 'a', kind: 'vxlan', label: 'flannel.1', status: 'ok', statusText: 'x' },
        { id: 'b', kind: 'vxlan', label: 'flannel.1', status: 'ok', statusText: 'y' },
      ],
      edges: [
        { id: 'al', source: 'a', target: 'lan', kind: 'lan', status: 'neutral' },
        { id: 'bl', source: 'b', target: 'lan', kind: 'lan', status: 'neutral' },
        { id: 'ab', source: 'a', target: 'b', kind: 'vxlan', status: 'neutral', overlay: true, label: 'VXLAN' },
      ],
    });
    const [a, b] = ['a', 'b'].map((id) => g.nodes.find((n) => n.id === id)!);
    expect(a.y).toBe(b.y); // same layer: the tunnel did not push b below a
    const arc = g.edges.find((e) => e.id === 'ab')!;
    expect(arc.points).toHaveLength(3);
    expect(arc.points[1].y).toBeGreaterThan(a.y + a.height);
    expect(arc.labelBox).toBeDefined();
  });
});
