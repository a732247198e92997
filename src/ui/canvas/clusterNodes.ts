// React Flow nodes for the Cluster view, kept across playback steps. React Flow skips a node
// whose object is the same as last time; a new object without `measured` is drawn hidden
// (visibility, an inherited property) until its box is measured again, which restyled every pod
// of every box on each step. So: the same object while what a box shows is unchanged, and a
// changed one carries the size React Flow last measured (its ResizeObserver still corrects it).
import type { Node } from '@xyflow/react';
import type { ClusterViewModel, NodeBox, PodCard } from '../../viewmodel/clusterView';

export const NODE_WIDTH = 300;
export const NODE_GAP = 40;
const LANE_WIDTH = 220;

export type NodeBoxData = { box: NodeBox; selected?: string };
/** The lane shows this many waiting pods and counts the rest: a long queue would make the lane
 *  far taller than the node boxes, and fitting it on screen would shrink the boxes away. */
export const LANE_MAX_PODS = 12;

export type LaneData = { pods: PodCard[]; more: number };

export interface NodeCache {
  /** The set of machines the cache is for: another set starts afresh (the flow remounts). */
  flow: string;
  kept: Map<string, { key: string; node: Node }>;
  measured: Map<string, { width: number; height: number }>;
}

export function newNodeCache(): NodeCache {
  return { flow: '', kept: new Map(), measured: new Map() };
}

/** Identifies the flow: a new set of machines remounts it (and re-fits the view). */
export function flowKey(model: ClusterViewModel): string {
  return model.nodes.map((n) => n.name).join(',');
}

// Everything a chip shows: equal keys draw the same.
export const podKey = (p: PodCard): string => `${p.id}|${p.phase}|${p.statusText}|${p.ip ?? ''}`;

/** Everything a node box shows: equal keys draw the same. */
export function boxKey(box: NodeBox): string {
  return [box.name, box.role, box.internalIP, box.podCIDR, box.ready, box.unschedulable, box.taints.join(','), box.cpu.requested, box.cpu.allocatable, box.memory.requested, box.memory.allocatable, ...box.pods.map(podKey)].join(';');
}

export function clusterNodes(model: ClusterViewModel, selected: string | undefined, cache: NodeCache): Node[] {
  const flow = flowKey(model);
  if (cache.flow !== flow) {
    cache.flow = flow;
    cache.kept.clear();
    cache.measured.clear();
  }
  const keep = (id: string, key: string, make: () => Node): Node => {
    const prev = cache.kept.get(id);
    if (prev && prev.key === key) return prev.node;
    const node: Node = { ...make(), draggable: false, measured: cache.measured.get(id) };
    cache.kept.set(id, { key, node });
    return node;
  };
  const out: Node[] = [keep('lane', model.unscheduled.map(podKey).join(';'), () => ({ id: 'lane', type: 'lane', position: { x: 0, y: 0 }, data: { pods: model.unscheduled.slice(0, LANE_MAX_PODS), more: Math.max(0, model.unscheduled.length - LANE_MAX_PODS) } satisfies LaneData }))];
  const places = gridPlaces(model.nodes);
  model.nodes.forEach((box, i) => {
    // Only the box that shows the selection gets it, so selecting redraws one or two boxes.
    const sel = selected && (selected === box.id || box.pods.some((p) => p.id === selected)) ? selected : undefined;
    const { x, y } = places[i];
    out.push(keep(box.id, `${x},${y}|${sel ?? ''}|${boxKey(box)}`, () => ({ id: box.id, type: 'nodeBox', position: { x, y }, data: { box, selected: sel } satisfies NodeBoxData })));
  });
  return out;
}

/** Boxes per row: a small cluster in one row; a big one in a grid about twice as wide as tall,
 *  the shape of the canvas, so fitting it on screen keeps the boxes readable. */
export function gridColumns(nodes: number): number {
  return nodes <= 4 ? Math.max(1, nodes) : Math.ceil(Math.sqrt(nodes * 2));
}

/** A box's height before React Flow has measured it: header, bars, taints, one line per pod. */
const estimatedHeight = (box: NodeBox): number => 110 + (box.taints.length ? 14 : 0) + 21 * box.pods.length;

/** Where each box goes: rows of gridColumns boxes, each row below the tallest box above it. */
export function gridPlaces(boxes: readonly NodeBox[]): { x: number; y: number }[] {
  const columns = gridColumns(boxes.length);
  const out: { x: number; y: number }[] = [];
  let y = 0;
  for (let row = 0; row * columns < boxes.length; row++) {
    const inRow = boxes.slice(row * columns, (row + 1) * columns);
    inRow.forEach((_, c) => out.push({ x: LANE_WIDTH + c * (NODE_WIDTH + NODE_GAP), y }));
    y += Math.max(...inRow.map(estimatedHeight)) + NODE_GAP;
  }
  return out;
}

/** Remembers the sizes React Flow measured (from onNodesChange), for the next changed node object. */
export function rememberSizes(cache: NodeCache, changes: readonly { type: string; id?: string; dimensions?: { width: number; height: number } }[]): void {
  for (const c of changes) if (c.type === 'dimensions' && c.id && c.dimensions) cache.measured.set(c.id, c.dimensions);
}
