// An edge drawn along the route ELK computed (orthogonal, with rounded corners), its label in
// the box ELK reserved, status as a line style (solid / dashed / dotted) plus an icon in the
// label, and — while a message travels — a dot moving along the path.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { edgeLabelRows, fullEdgeLabelRows, type LaidOutEdge } from '../../viewmodel/layout';
import { STATUS_ICON } from './GraphNodes';
import { arcPath, roundedPath } from './edgePath';

export type RoutedEdgeData = { edge: LaidOutEdge; highlighted: boolean };
export type RoutedFlowEdge = Edge<RoutedEdgeData>;

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
  const path = edge.overlay && points.length === 3 ? arcPath(points) : roundedPath(points);
  const translate = (key: string, values?: Record<string, string | number>) => t(key, values ?? {});
  const rows = edgeLabelRows(edge, translate);
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
        className={`gedge status-${edge.status}${edge.overlay ? ' is-overlay' : ''}${edge.active ? ' is-active' : ''}${highlighted ? ' is-highlighted' : ''}`}
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
            title={[...fullEdgeLabelRows(edge, translate), edge.detail].filter(Boolean).join('\n')}
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
