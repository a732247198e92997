// Renders any laid-out graph (viewmodel/layout.ts) with React Flow: cards and groups at the
// layout's positions, edges along the layout's routes, the selected object highlighted with its
// edges, a banner when the view has one, a status legend and the view's simplification notes.
import { useEffect, useMemo } from 'react';
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type FitViewOptions } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { translateNote } from '../../i18n/notes';
import { FitOnResize } from './FitOnResize';
import type { GraphStatus } from '../../viewmodel/graph';
import type { LaidOutGraph } from '../../viewmodel/layout';
import { graphNodeTypes, STATUS_ICON, type GraphFlowNode } from './GraphNodes';
import { graphEdgeTypes, type RoutedFlowEdge } from './RoutedEdge';
import './canvas.css';

export interface GraphCanvasProps {
  /** The laid-out graph; null while the first layout runs. */
  graph: LaidOutGraph | null;
  /** `Kind/namespace/name` of the selected object. */
  selected?: string;
  onSelect?: (ref: string) => void;
  /** Accessible name of the canvas region (e.g. the view's title). */
  label?: string;
  /** Smallest zoom a fit may use (default 0.2): a wide graph in a narrow pane fits whole below it. */
  fitMinZoom?: number;
}

/** Stroke colours by status; the line style (dash) and label icon carry the same meaning. */
const STATUS_COLOUR: Record<GraphStatus, string> = {
  ok: '#1a7f37',
  progress: '#2f6fb6',
  warning: '#b35900',
  error: '#c62828',
  inactive: '#8a94a3',
  neutral: '#5a6675',
};
const ACTIVE_COLOUR = '#326ce5';

/**
 * Fit leaves room for the banner (top), zoom controls (left) and legend (bottom), and never
 * zooms below 0.35: a big graph is seen whole first, then zoomed into (the + button or wheel).
 */
// Fit the whole graph (an overview first; zoom in with the controls or the wheel to read details).
const FIT: FitViewOptions = { padding: { top: '56px', bottom: '52px', left: '64px', right: '24px' }, minZoom: 0.2, maxZoom: 1.2 };

function toFlow(graph: LaidOutGraph, selected?: string): { nodes: GraphFlowNode[]; edges: RoutedFlowEdge[] } {
  const selectedIds = new Set(graph.nodes.filter((n) => selected && n.ref === selected).map((n) => n.id));
  const activeIds = new Set(graph.edges.filter((e) => e.active).flatMap((e) => [e.source, e.target]));
  const nodes = graph.nodes.map(
    (n): GraphFlowNode => ({
      id: n.id,
      type: n.group ? 'group' : 'card',
      position: { x: n.x, y: n.y },
      parentId: n.parent,
      width: n.width,
      height: n.height,
      style: { width: n.width, height: n.height },
      data: { node: n, selected: selectedIds.has(n.id), direction: graph.direction, active: activeIds.has(n.id) },
      draggable: false,
      connectable: false,
      selectable: Boolean(n.ref),
      zIndex: n.group ? 0 : 1,
    }),
  );
  const edges = graph.edges.map((e): RoutedFlowEdge => {
    const highlighted = Boolean(e.highlighted) || selectedIds.has(e.source) || selectedIds.has(e.target);
    const colour = e.active ? ACTIVE_COLOUR : STATUS_COLOUR[e.status];
    const marker = { type: MarkerType.ArrowClosed, color: colour, width: 16, height: 16 };
    const flowEdge: Edge = {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'routed',
      markerEnd: marker,
      markerStart: e.bidirectional ? { ...marker, orient: 'auto-start-reverse' } : undefined,
      zIndex: e.active || highlighted ? 3 : 2,
      focusable: false,
      selectable: false,
    };
    return { ...flowEdge, data: { edge: e, highlighted } } as RoutedFlowEdge;
  });
  return { nodes, edges };
}

/** Fits the view when the set of nodes changes (not when only their status does). */
function FitOnChange({ shape, fit }: { shape: string; fit: FitViewOptions }) {
  const flow = useReactFlow();
  useEffect(() => {
    if (!shape) return;
    const id = requestAnimationFrame(() => void flow.fitView({ ...fit, duration: 250 }));
    return () => cancelAnimationFrame(id);
    // Only a new set of nodes should re-fit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, flow]);
  return null;
}

function Legend() {
  const { t } = useTranslation();
  const statuses: GraphStatus[] = ['ok', 'progress', 'warning', 'error', 'inactive'];
  return (
    <div className="graph-legend" aria-label={t('graph.legend')}>
      {statuses.map((s) => (
        <span key={s} className={`graph-legend-item status-${s}`}>
          <span aria-hidden className="gnode-icon">
            {STATUS_ICON[s]}
          </span>{' '}
          {t(`graph.status.${s}`)}
        </span>
      ))}
      <span className="graph-legend-item is-active">
        <span aria-hidden className="graph-legend-dot" /> {t('graph.messageNow')}
      </span>
    </div>
  );
}

function Inner({ graph, selected, onSelect, label, fitMinZoom }: GraphCanvasProps) {
  const { t, i18n } = useTranslation();
  const fit = useMemo(() => (fitMinZoom === undefined ? FIT : { ...FIT, minZoom: fitMinZoom }), [fitMinZoom]);
  const flow = useMemo(() => (graph ? toFlow(graph, selected) : { nodes: [], edges: [] }), [graph, selected]);
  const shape = useMemo(() => (graph ? graph.nodes.map((n) => n.id).join('|') : ''), [graph]);
  return (
    <div className="graph-canvas" role="region" aria-label={label} aria-busy={graph === null}>
      {graph?.banner && (
        <div className={`graph-banner status-${graph.banner.status}`} role="status" data-testid="graph-banner">
          <span aria-hidden className="gnode-icon">
            {STATUS_ICON[graph.banner.status]}
          </span>
          <strong>{t(graph.banner.labelKey.key, graph.banner.labelKey.values ?? {})}</strong>
          {graph.banner.text && <span className="graph-banner-text">{translateNote(graph.banner.text, i18n.language)}</span>}
        </div>
      )}
      {graph && graph.nodes.length === 0 && <div className="graph-empty">{t('graph.empty')}</div>}
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={graphNodeTypes}
        edgeTypes={graphEdgeTypes}
        onNodeClick={(_, node) => {
          const ref = (node as GraphFlowNode).data.node.ref;
          if (ref && onSelect) onSelect(ref);
        }}
        nodesConnectable={false}
        nodesDraggable={false}
        elementsSelectable
        fitView
        fitViewOptions={fit}
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <FitOnChange shape={shape} fit={fit} />
        <FitOnResize options={fit} />
        <Background gap={24} />
        <Controls showInteractive={false} position="top-left" />
      </ReactFlow>
      <Legend />
      {graph && graph.notes.length > 0 && (
        <details className="graph-notes">
          <summary>{t('graph.notes', { count: graph.notes.length })}</summary>
          <ul>
            {graph.notes.map((n) => (
              <li key={n}>{translateNote(n, i18n.language)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function GraphCanvas(props: GraphCanvasProps) {
  return (
    <ReactFlowProvider>
      <Inner {...props} />
    </ReactFlowProvider>
  );
}
