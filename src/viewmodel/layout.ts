// Layout for any Graph with ELK's layered algorithm (elkjs): nodes get positions, edges get
// orthogonal routes and placed labels, groups get sizes that hold their children. Node sizes are
// computed here from the text they show, with the same row heights the canvas CSS uses
// (src/ui/canvas/canvas.css), so the layout reserves exactly the space a card takes.
// The bundled build runs ELK in-thread: same code in vitest (node) and in the browser, no worker.
import ELK, { type ElkExtendedEdge, type ElkNode, type LayoutOptions } from 'elkjs/lib/elk.bundled.js';
import type { Graph, GraphEdge, GraphNode } from './graph';

/** Card metrics shared with canvas.css: fixed row heights make card height exact. */
export const CARD = {
  border: 2,
  padX: 12,
  padY: 6,
  kindRow: 20,
  labelRow: 24,
  row: 20,
  stripe: 6,
  minWidth: 170,
  maxWidth: 460,
  maxDetailWidth: 640,
  /** Average advance per character, rounded up so text fits: 14px sans, 16px bold mono, 14px mono. */
  charSans: 8,
  charLabel: 10,
  charMono: 8.6,
  /** Status icon plus gap before the status text. */
  iconWidth: 24,
  groupHeader: 36,
  groupPad: 16,
} as const;

export const EDGE_LABEL = { row: 20, padX: 8, padY: 3, char: 8 } as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A node with its box; x/y are relative to its parent group (as React Flow wants them). */
export interface LaidOutNode extends GraphNode, Box {}

export interface Point {
  x: number;
  y: number;
}

/** An edge with its route and label box, in absolute (root) coordinates. */
export interface LaidOutEdge extends GraphEdge {
  /** Orthogonal route; for an overlay edge: start, control point, end of a quadratic arc. */
  points: Point[];
  labelBox?: Box;
}

export interface LaidOutGraph extends Omit<Graph, 'nodes' | 'edges'> {
  /** Parents before children, in the graph's order otherwise. */
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

/** The text styles cards and labels use (canvas.css): 14px sans, 14px bold sans, 16px bold mono, 14px mono. */
export type TextStyle = 'sans' | 'sansBold' | 'label' | 'mono';

/** Width of a text in pixels; the UI passes one that measures with the real fonts. */
export type MeasureText = (text: string, style: TextStyle) => number;

/** A conservative estimate, for tests and when no font metrics are available. */
export const estimateText: MeasureText = (text, style) =>
  text.length * (style === 'label' ? CARD.charLabel : style === 'mono' ? CARD.charMono : style === 'sansBold' ? CARD.charSans + 1 : CARD.charSans);

export interface LayoutTuning {
  /** Measures text with the fonts the canvas uses. Default: estimateText. */
  measure?: MeasureText;
  /** Space between layers (columns for RIGHT, rows for DOWN). Default 90. */
  layerSpacing?: number;
  /** Space between nodes in one layer. Default 28. */
  nodeSpacing?: number;
}

/** Texts shown on a node, given the translated status and kind when the UI has them. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface NodeTexts {
  kind?: string;
  status?: string;
}

export function nodeSize(node: GraphNode, measure: MeasureText = estimateText, texts: NodeTexts = {}): { width: number; height: number } {
  const lines = node.lines ?? [];
  const details = node.details ?? [];
  const kind = texts.kind ?? node.kind;
  const status = texts.status ?? node.statusText;
  if (node.group) {
    const width = Math.ceil(measure(kind, 'sans') + measure(node.label, 'label') + measure(status, 'sans') + 3 * 8 + CARD.padX * 2 + 8);
    return { width: Math.max(CARD.minWidth, width), height: CARD.groupHeader };
  }
  const textWidth = Math.max(
    measure(kind, 'sans'),
    measure(node.label, 'label'),
    CARD.iconWidth + measure(status, 'sansBold'),
    ...lines.map((l) => measure(l, 'sans')),
    ...details.map((d) => measure(d, 'mono')),
  );
  // The left border is the status stripe (6px), the right one 2px; +4 so rounding never clips.
  const maxWidth = details.length ? CARD.maxDetailWidth : CARD.maxWidth;
  const width = Math.min(maxWidth, Math.max(CARD.minWidth, Math.ceil(textWidth + 2 * CARD.padX + CARD.stripe + CARD.border + 4)));
  const height = 2 * (CARD.padY + CARD.border) + CARD.kindRow + CARD.labelRow + CARD.row * (1 + lines.length + details.length);
  return { width, height };
}

/** The words an edge label shows: the label, then the status text on a second row. */
/** Longest edge label row; longer rows end in an ellipsis (the full text is the label's tooltip). */
export const EDGE_LABEL_MAX_CHARS = 44;

const clip = (row: string) => (row.length > EDGE_LABEL_MAX_CHARS ? `${row.slice(0, EDGE_LABEL_MAX_CHARS - 1)}…` : row);

export function edgeLabelRows(edge: GraphEdge, translate?: Translate): string[] {
  return fullEdgeLabelRows(edge, translate).map(clip);
}

export function fullEdgeLabelRows(edge: GraphEdge, translate?: Translate): string[] {
  const rows: string[] = [];
  const label = edge.labelKey && translate ? translate(edge.labelKey.key, edge.labelKey.values) : edge.label;
  if (label) rows.push(...label.split('\n'));
  if (edge.statusText) rows.push(edge.statusText);
  return rows;
}

export function edgeLabelSize(rows: string[], measure: MeasureText = estimateText): { width: number; height: number } {
  // Measured bold: an active edge's label is drawn bold.
  const longest = Math.max(0, ...rows.map((r) => measure(r, 'sansBold')));
  return { width: Math.ceil(longest + CARD.iconWidth + 2 * EDGE_LABEL.padX + 4), height: rows.length * EDGE_LABEL.row + 2 * EDGE_LABEL.padY + 2 };
}

function rootOptions(graph: Graph, tuning: LayoutTuning): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': graph.direction,
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.spacing.nodeNodeBetweenLayers': String(tuning.layerSpacing ?? 90),
    'elk.spacing.nodeNode': String(tuning.nodeSpacing ?? 28),
    'elk.spacing.edgeNode': '20',
    'elk.spacing.edgeEdge': '14',
    'elk.spacing.edgeLabel': '6',
    'elk.layered.spacing.edgeNodeBetweenLayers': '24',
    'elk.spacing.componentComponent': '60',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.json.edgeCoords': 'ROOT',
    'elk.randomSeed': '1',
  };
}

const PACKED: Record<'grid' | 'row', LayoutOptions> = {
  grid: { 'elk.algorithm': 'rectpacking', 'elk.aspectRatio': '1.6' },
  // Layered with no edges puts every child in one layer: a row when the direction is DOWN.
  row: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.separateConnectedComponents': 'false' },
};

const groupOptions = (pack: 'grid' | 'row' | undefined): LayoutOptions => ({
  'elk.padding': `[top=${CARD.groupHeader + 8},left=${CARD.groupPad},bottom=${CARD.groupPad},right=${CARD.groupPad}]`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
  // A packed group is laid out on its own first (a grid of its children), then placed as one box.
  ...(pack ? { 'elk.hierarchyHandling': 'SEPARATE_CHILDREN', 'elk.spacing.nodeNode': '16', ...PACKED[pack] } : {}),
});

/**
 * Lays the graph out. Deterministic: the same graph (same order) gives the same positions.
 * `translate` sizes edge labels that carry an i18n key in the language they will be shown in.
 */
export async function layoutGraph(graph: Graph, tuning: LayoutTuning = {}, translate?: Translate): Promise<LaidOutGraph> {
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root', layoutOptions: rootOptions(graph, tuning), children: [], edges: [] };
  const measure = tuning.measure ?? estimateText;
  for (const node of graph.nodes) {
    const texts: NodeTexts = translate
      ? { kind: translate(`graph.kind.${node.kind}`, { defaultValue: node.kind }), status: node.statusKey ? translate(node.statusKey.key, node.statusKey.values) : node.statusText }
      : {};
    const size = nodeSize(node, measure, texts);
    const elkNode: ElkNode = node.group
      ? { id: node.id, children: [], layoutOptions: { ...groupOptions(node.pack ? node.packAs ?? 'grid' : undefined), 'elk.nodeSize.minimum': `(${size.width},${size.height})` } }
      : { id: node.id, width: size.width, height: size.height };
    elkNodes.set(node.id, elkNode);
  }
  for (const node of graph.nodes) {
    const parent = node.parent ? elkNodes.get(node.parent) : undefined;
    (parent ?? root).children!.push(elkNodes.get(node.id)!);
  }
  const known = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => known.has(e.source) && known.has(e.target));
  for (const edge of edges) {
    const rows = edgeLabelRows(edge, translate);
    const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [edge.source], targets: [edge.target] };
    if (edge.overlay) {
      elkEdge.layoutOptions = { 'elk.noLayout': 'true' };
      root.edges!.push(elkEdge);
      continue;
    }
    if (rows.length) elkEdge.labels = [{ id: `${edge.id}#label`, text: rows.join('\n'), ...edgeLabelSize(rows, measure) }];
    root.edges!.push(elkEdge);
  }

  const elk = new ELK();
  const result = await elk.layout(root);

  const boxes = new Map<string, Box>();
  const walk = (n: ElkNode) => {
    for (const child of n.children ?? []) {
      boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
      walk(child);
    }
  };
  walk(result);
  const routed = new Map<string, ElkExtendedEdge>();
  const collectEdges = (n: ElkNode) => {
    for (const e of (n.edges ?? []) as ElkExtendedEdge[]) routed.set(e.id, e);
    for (const child of n.children ?? []) collectEdges(child);
  };
  collectEdges(result);

  // Parents before children: React Flow requires a parent to precede the nodes inside it.
  const depth = (n: GraphNode): number => (n.parent ? 1 + depth(graph.nodes.find((p) => p.id === n.parent)!) : 0);
  const ordered = graph.nodes.map((n, i) => ({ n, i, d: depth(n) })).sort((a, b) => a.d - b.d || a.i - b.i);
  const nodes = ordered.map(({ n }) => ({ ...n, ...boxes.get(n.id)! }));
  const absolute = absoluteBoxes(graph.nodes, boxes);
  const laidEdges = edges.map((edge): LaidOutEdge => {
    if (edge.overlay) return overlayArc(edge, absolute.get(edge.source)!, absolute.get(edge.target)!, graph.direction, measure, translate);
    const r = routed.get(edge.id);
    const section = r?.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const label = r?.labels?.[0];
    const labelBox = label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : undefined;
    return { ...edge, points: points.map((p) => ({ x: p.x, y: p.y })), labelBox };
  });
  return { direction: graph.direction, banner: graph.banner, notes: graph.notes, nodes, edges: laidEdges, width: result.width ?? 0, height: result.height ?? 0 };
}

function absoluteBoxes(nodes: GraphNode[], boxes: Map<string, Box>): Map<string, Box> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, Box>();
  const resolve = (id: string): Box => {
    const known = out.get(id);
    if (known) return known;
    const box = boxes.get(id)!;
    const parent = byId.get(id)?.parent;
    const origin = parent ? resolve(parent) : { x: 0, y: 0 };
    const abs = { ...box, x: box.x + origin.x, y: box.y + origin.y };
    out.set(id, abs);
    return abs;
  };
  for (const n of nodes) resolve(n.id);
  return out;
}

/** An arc leaving both ends on the far side of the layer direction (below for DOWN, right of RIGHT). */
function overlayArc(edge: GraphEdge, a: Box, b: Box, direction: Graph['direction'], measure: MeasureText, translate?: Translate): LaidOutEdge {
  let start: Point;
  let end: Point;
  let control: Point;
  if (direction === 'DOWN') {
    start = { x: a.x + a.width / 2, y: a.y + a.height };
    end = { x: b.x + b.width / 2, y: b.y + b.height };
    control = { x: (start.x + end.x) / 2, y: Math.max(start.y, end.y) + 40 + Math.abs(start.x - end.x) * 0.12 };
  } else {
    start = { x: a.x + a.width, y: a.y + a.height / 2 };
    end = { x: b.x + b.width, y: b.y + b.height / 2 };
    control = { x: Math.max(start.x, end.x) + 40 + Math.abs(start.y - end.y) * 0.12, y: (start.y + end.y) / 2 };
  }
  const rows = edgeLabelRows(edge, translate);
  let labelBox: Box | undefined;
  if (rows.length) {
    // The midpoint of a quadratic Bezier: (start + 2 * control + end) / 4.
    const mid = { x: (start.x + 2 * control.x + end.x) / 4, y: (start.y + 2 * control.y + end.y) / 4 };
    const size = edgeLabelSize(rows, measure);
    labelBox = { x: mid.x - size.width / 2, y: mid.y - size.height / 2, ...size };
  }
  return { ...edge, points: [start, control, end], labelBox };
}
