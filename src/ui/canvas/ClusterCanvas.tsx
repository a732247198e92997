// The Cluster view: each Node a box with its pods inside, and a lane of pods waiting for a node.
import { memo, useCallback, useMemo, useState, type MouseEvent } from 'react';
import { ReactFlow, Background, Controls, type Node, type NodeChange, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { FitOnResize } from './FitOnResize';
import type { ClusterViewModel, PodCard } from '../../viewmodel/clusterView';
import { clusterNodes, flowKey, newNodeCache, NODE_WIDTH, rememberSizes, type LaneData, type NodeBoxData } from './clusterNodes';

const FIT_CLUSTER = { maxZoom: 1, padding: 0.08 };
const NO_EDGES: never[] = [];
const PRO_OPTIONS = { hideAttribution: true };

// Playback changes a few pods per step: chips and node boxes re-render only when what they show changed.
const PodChip = memo(PodChipView, (a, b) => a.selected === b.selected && a.pod.id === b.pod.id && a.pod.phase === b.pod.phase && a.pod.statusText === b.pod.statusText && a.pod.ip === b.pod.ip);

function PodChipView({ pod, selected }: { pod: PodCard; selected?: boolean }) {
  return (
    <div className={`pod-chip phase-${pod.phase}${selected ? ' selected' : ''}`} data-testid="pod" data-pod={`${pod.namespace}/${pod.name}`} title={`${pod.namespace}/${pod.name} — ${pod.statusText}${pod.ip ? ` — ${pod.ip}` : ''}`}>
      <span className="pod-icon" aria-hidden>{phaseIcon(pod.phase)}</span>
      <span className="pod-name">{pod.name}</span>
      <span className="pod-status">{pod.statusText}</span>
    </div>
  );
}

function phaseIcon(phase: PodCard['phase']): string {
  switch (phase) {
    case 'ready':
      return '●';
    case 'running':
      return '◐';
    case 'creating':
      return '◔';
    case 'pending':
      return '…';
    case 'succeeded':
      return '✓';
    case 'failed':
      return '✕';
    case 'terminating':
      return '⊘';
    default:
      return '?';
  }
}

function Bar({ label, used, total }: { label: string; used: number; total: number }) {
  const pct = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  return (
    <div className="bar" title={`${label}: ${pct}%`}>
      <span className="bar-label">{label}</span>
      <span className="bar-track">
        <span className="bar-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="bar-value">{pct}%</span>
    </div>
  );
}

// clusterNodes keeps a box's data object while what it shows is unchanged.
const NodeBoxView = memo(NodeBoxViewInner, (a, b) => a.data === b.data);

function NodeBoxViewInner({ data }: NodeProps<Node<NodeBoxData>>) {
  const selected = data.selected;
  const { t } = useTranslation();
  const box = data.box;
  return (
    <div className={`node-box ${box.ready ? '' : 'not-ready'}`} data-testid="node" data-node={box.name} style={{ width: NODE_WIDTH }}>
      <header>
        <strong className="node-name">{box.name}</strong>
        <span className="node-role">{box.role === 'control-plane' ? t('cluster.controlPlane') : t('cluster.worker')}</span>
        {!box.ready && <span className="badge warn">{t('cluster.notReady')}</span>}
        {box.unschedulable && <span className="badge warn">{t('cluster.cordoned')}</span>}
      </header>
      <div className="node-meta">
        {box.internalIP} {box.podCIDR ? `· pods ${box.podCIDR}` : ''}
      </div>
      {box.taints.map((taint) => (
        <div key={taint} className="taint">
          {taint}
        </div>
      ))}
      <Bar label={t('cluster.cpu')} used={box.cpu.requested} total={box.cpu.allocatable} />
      <Bar label={t('cluster.memory')} used={box.memory.requested} total={box.memory.allocatable} />
      <div className="pod-list">
        {box.pods.map((pod) => (
          <PodChip key={pod.id} pod={pod} selected={pod.id === selected} />
        ))}
      </div>
    </div>
  );
}

function LaneView({ data }: NodeProps<Node<LaneData>>) {
  const { t } = useTranslation();
  return (
    <div className="lane" data-testid="unscheduled-lane">
      <header>{t('cluster.unscheduled')}</header>
      {data.pods.length === 0 ? <div className="lane-empty">{t('cluster.unscheduledEmpty')}</div> : data.pods.map((pod) => <PodChip key={pod.id} pod={pod} />)}
      {data.more > 0 && (
        <div className="lane-more" data-testid="unscheduled-more">
          {t('cluster.unscheduledMore', { count: data.more })}
        </div>
      )}
    </div>
  );
}

const nodeTypes = { nodeBox: NodeBoxView, lane: LaneView };

export function ClusterCanvas({ model, onSelect, selected }: { model: ClusterViewModel; onSelect?: (ref: string) => void; selected?: string }) {
  const [cache] = useState(newNodeCache);
  const nodes = useMemo(() => clusterNodes(model, selected, cache), [model, selected, cache]);
  const onNodesChange = useCallback((changes: NodeChange[]) => rememberSizes(cache, changes), [cache]);
  const onNodeClick = useCallback(
    (e: MouseEvent, node: Node) => {
      const pod = (e.target as HTMLElement).closest('[data-pod]')?.getAttribute('data-pod');
      onSelect?.(pod ? `Pod/${pod}` : node.id);
    },
    [onSelect],
  );
  return (
    <ReactFlow
      // A new set of machines re-fits the view (fitView applies when the flow mounts).
      key={flowKey(model)}
      nodes={nodes}
      edges={NO_EDGES}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      fitView
      fitViewOptions={FIT_CLUSTER} minZoom={0.2} proOptions={PRO_OPTIONS} nodesConnectable={false}>
      <Background />
      <FitOnResize options={FIT_CLUSTER} />
      <Controls showInteractive={false} position="top-left" />
    </ReactFlow>
  );
}
