// Node renderers for laid-out graphs: a card (kind, name, status icon + words, lines, details)
// and a group box (namespace, machine). Sizes come from the layout (viewmodel/layout.ts CARD),
// so every row has a fixed height here and long text is cut with an ellipsis and a tooltip.
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { GraphNode, GraphStatus } from '../../viewmodel/graph';

export type GraphNodeData = { node: GraphNode; selected: boolean; direction: 'RIGHT' | 'DOWN'; active: boolean };
export type GraphFlowNode = Node<GraphNodeData>;

/** Status as a shape, so it reads without colour (and in greyscale on a projector). */
export const STATUS_ICON: Record<GraphStatus, string> = {
  ok: '✓',
  progress: '◐',
  warning: '⚠',
  error: '✕',
  inactive: '○',
  neutral: '•',
};

function Handles({ direction }: { direction: 'RIGHT' | 'DOWN' }) {
  // Edges are drawn from the layout's routes; handles only let React Flow connect them.
  const [target, source] = direction === 'RIGHT' ? [Position.Left, Position.Right] : [Position.Top, Position.Bottom];
  return (
    <>
      <Handle type="target" position={target} className="gnode-handle" isConnectable={false} />
      <Handle type="source" position={source} className="gnode-handle" isConnectable={false} />
    </>
  );
}

function useStatusText(node: GraphNode): string {
  const { t } = useTranslation();
  return node.statusKey ? t(node.statusKey.key, node.statusKey.values ?? {}) : node.statusText;
}

function useKindText(kind: string): string {
  const { t } = useTranslation();
  // Kubernetes kinds stay as they are; our own node kinds (client, controller, ...) are translated.
  return t(`graph.kind.${kind}`, { defaultValue: kind });
}

export const CardNode = memo(function CardNode({ data }: NodeProps<GraphFlowNode>) {
  const { node, selected, direction, active } = data;
  const status = useStatusText(node);
  const kind = useKindText(node.kind);
  return (
    <div
      className={`gnode status-${node.status}${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}${node.ref ? ' is-selectable' : ''}`}
      data-testid="graph-node"
      data-ref={node.ref ?? node.id}
      data-status={node.status}
      title={[node.label, status, ...(node.lines ?? []), node.hint].filter(Boolean).join('\n')}
    >
      <Handles direction={direction} />
      <div className="gnode-kind">{kind}</div>
      <div className="gnode-label">{node.label}</div>
      <div className="gnode-status">
        <span className="gnode-icon" aria-hidden>
          {STATUS_ICON[node.status]}
        </span>
        <span>{status}</span>
      </div>
      {(node.lines ?? []).map((line, i) => (
        <div key={`l${i}`} className="gnode-line">
          {line}
        </div>
      ))}
      {(node.details ?? []).map((line, i) => (
        <div key={`d${i}`} className="gnode-detail" title={line}>
          {line}
        </div>
      ))}
    </div>
  );
});

export const GroupNode = memo(function GroupNode({ data }: NodeProps<GraphFlowNode>) {
  const { node, selected, direction } = data;
  const status = useStatusText(node);
  const kind = useKindText(node.kind);
  return (
    <div className={`ggroup status-${node.status}${selected ? ' is-selected' : ''}${node.ref ? ' is-selectable' : ''}`} data-testid="graph-node" data-ref={node.ref ?? node.id} data-status={node.status}>
      <Handles direction={direction} />
      <header className="ggroup-header">
        <span className="ggroup-kind">{kind}</span>
        <strong className="ggroup-label">{node.label}</strong>
        {status && <span className="ggroup-status">{status}</span>}
      </header>
    </div>
  );
});

export const graphNodeTypes = { card: CardNode, group: GroupNode };
