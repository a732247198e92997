// An edge drawn along the route ELK computed (orthogonal, with rounded corners), its label in
// the box ELK reserved, status as a line style (solid / dashed / dotted) plus an icon in the
// label, and — while a message travels — a dot moving along the path.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { edgeLabelRows, type LaidOutEdge, type Point } from '../../viewmodel/layout';
import { STATUS_ICON } from './GraphNodes';

export type RoutedEdgeData = { edge: LaidOutEdge; highlighted: boolean };
export type RoutedFlowEdge = Edge<RoutedEdgeData>;

const CORNER = 8;

/** An SVG path through the points, rounding each bend so crossing lines stay readable. */
export function roundedPath(points: Point[]): string {
  if (points.length === 0) return '';
  let d = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [prev, cur, next] = [points[i - 1], points[i], points[i + 1]];
    const inLen = Math.hypot(cur.x - prev.x, cur.y - prev.y);
    const outLen = Math.hypot(next.x - cur.x, next.y - cur.y);
    const r = Math.min(CORNER, inLen / 2, outLen / 2);
    const a = { x: cur.x - ((cur.x - prev.x) / (inLen || 1)) * r, y: cur.y - ((cur.y - prev.y) / (inLen || 1)) * r };
    const b = { x: cur.x + ((next.x - cur.x) / (outLen || 1)) * r, y: cur.y + ((next.y - cur.y) / (outLen || 1)) * r };
    d += ` L ${a.x} ${a.y} Q ${cur.x} ${cur.y} ${b.x} ${b.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L ${last.x} ${last.y}`;
}

/** A dot moving along the path; `reverse` runs it from target to source (a write up a watch link). */
function Dot({ path, reverse }: { path: string; reverse: boolean }) {
  return (
    <circle r={7} className="gedge-dot" aria-hidden>
      <animateMotion dur="1.4s" repeatCount="indefinite" path={path} keyPoints={reverse ? '1;0' : '0;1'} keyTimes="0;1" calcMode="linear" />
    </circle>
  );
}

export const RoutedEdge = memo(function RoutedEdge({ id, data, sourceX, sourceY, targetX, targetY, markerEnd, markerStart }: EdgeProps<RoutedFlowEdge>) {
  const { t } = useTranslation();
  if (!data) return null;
  const { edge, highlighted } = data;
  const points = edge.points.length >= 2 ? edge.points : [{ x: sourceX, y: sourceY }, { x: targetX, y: targetY }];
  const path = roundedPath(points);
  const rows = edgeLabelRows(edge, (key, values) => t(key, values ?? {}));
  const labelRows = edge.statusText ? rows.slice(0, -1) : rows;
  const box = edge.labelBox;
  const flow = edge.flow ?? 'forward';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        markerStart={markerStart}
        className={`gedge status-${edge.status}${edge.active ? ' is-active' : ''}${highlighted ? ' is-highlighted' : ''}`}
        interactionWidth={12}
      />
      {edge.active && flow !== 'backward' && <Dot path={path} reverse={false} />}
      {edge.active && flow !== 'forward' && <Dot path={path} reverse />}
      {box && rows.length > 0 && (
        <EdgeLabelRenderer>
          <div
            className={`gedge-label status-${edge.status}${edge.active ? ' is-active' : ''}${highlighted ? ' is-highlighted' : ''}`}
            style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }}
            data-testid="graph-edge-label"
            data-edge={edge.id}
            title={edge.detail ?? rows.join('\n')}
          >
            {labelRows.map((row, i) => (
              <div key={i} className="gedge-label-row">
                {i === 0 && !edge.statusText && edge.status !== 'neutral' && <span aria-hidden>{STATUS_ICON[edge.status]} </span>}
                {row}
              </div>
            ))}
            {edge.statusText && (
              <div className="gedge-label-row gedge-label-status">
                <span aria-hidden>{STATUS_ICON[edge.status]} </span>
                {edge.statusText}
              </div>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const graphEdgeTypes = { routed: RoutedEdge };
