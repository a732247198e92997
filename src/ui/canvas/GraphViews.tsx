// One component per graph view: each builds its graph from the snapshot with a pure view-model
// function, lays it out in a hook and hands it to GraphCanvas. All take `snapshot`, `selected`
// (a `Kind/namespace/name` ref) and `onSelect(ref)`; view-specific inputs are listed per view.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { Activity, Snapshot, WatchEvent } from '../../engine';
import type { CniConfig } from '../../engine/network/cni';
import { cniEnforcesPolicy, netpolMatrix, policyEnforcementNote, type NetpolMatrix } from '../../engine/network/netpol';
import type { ProxyRules, TraceHop } from '../../engine/network/kubeproxy';
import { causalSteps, currentSteps, isStoryRoot } from '../../viewmodel/causalSteps';
import { buildControlPlaneGraph } from '../../viewmodel/controlPlaneGraph';
import { CausalSteps } from '../panels/CausalSteps';
import { buildRulesGraph } from '../../viewmodel/rulesGraph';
import { buildNetworkGraph, nodeNetworksFromSnapshot } from '../../viewmodel/networkGraph';
import { buildPoliciesGraph } from '../../viewmodel/policiesGraph';
import { buildServicesGraph } from '../../viewmodel/servicesGraph';
import { buildStorageGraph } from '../../viewmodel/storageGraph';
import { buildWorkloadsGraph } from '../../viewmodel/workloadsGraph';
import { GraphCanvas } from './GraphCanvas';
import { useGraphLayout } from './useGraphLayout';

export interface GraphViewProps {
  snapshot: Snapshot;
  /** `Kind/namespace/name` (or `Kind/name`) of the selected object. */
  selected?: string;
  onSelect?: (ref: string) => void;
}

export interface NamespacedViewProps extends GraphViewProps {
  namespace?: string;
  /** Show kube-* namespaces. Default false. */
  includeSystem?: boolean;
}

export function WorkloadsView({ snapshot, selected, onSelect, namespace, includeSystem }: NamespacedViewProps) {
  const { t } = useTranslation();
  const graph = useMemo(() => buildWorkloadsGraph(snapshot, { namespace, includeSystem }), [snapshot, namespace, includeSystem]);
  return <GraphCanvas graph={useGraphLayout(graph)} selected={selected} onSelect={onSelect} label={t('graph.view.workloads')} />;
}

export function ServicesView({ snapshot, selected, onSelect, namespace, includeSystem, clusterDomain }: NamespacedViewProps & { clusterDomain?: string }) {
  const { t } = useTranslation();
  const graph = useMemo(() => buildServicesGraph(snapshot, { namespace, includeSystem, clusterDomain }), [snapshot, namespace, includeSystem, clusterDomain]);
  return <GraphCanvas graph={useGraphLayout(graph)} selected={selected} onSelect={onSelect} label={t('graph.view.services')} />;
}

export interface ControlPlaneViewProps extends GraphViewProps {
  /** The event log up to the cursor (Simulation.events()). */
  events?: readonly WatchEvent[];
  /** Events travelling now: index in (from, to]. Default: the snapshot's last event. */
  window?: { from: number; to: number };
  /**
   * The whole event log, past the cursor too: the step list then shows the steps still to come.
   * Default: `events` (the steps appear as the timeline reaches them).
   */
  log?: readonly WatchEvent[];
  /** Simulation.activities(): places kube-proxy's rule syncs exactly in the step list. */
  activities?: readonly Activity[];
  /** Moves the timeline cursor (to a step's first event); without it the steps are not clickable. */
  onSeek?: (index: number) => void;
}

export function ControlPlaneView({ snapshot, events, window, selected, onSelect, log, activities, onSeek }: ControlPlaneViewProps) {
  const { t } = useTranslation();
  const cursor = snapshot.eventIndex;
  const from = window?.from ?? cursor - 1;
  const to = window?.to ?? cursor;
  const nodes = useMemo(() => (snapshot.objects.Node ?? []).map((n) => n.metadata.name ?? ''), [snapshot.objects.Node]);
  // A workload selected in another view is the root to follow; otherwise the last kubectl request.
  const root = selected && isStoryRoot(selected) ? selected : undefined;
  const story = useMemo(() => causalSteps(log ?? events ?? [], { cursor, activities, nodes, root }), [log, events, cursor, activities, nodes, root]);
  const current = useMemo(() => currentSteps(story, cursor), [story, cursor]);
  const highlight = useMemo(() => [...new Set(story.steps.filter((s) => current.includes(s.n)).flatMap((s) => s.edges))], [story, current]);
  const graph = useMemo(() => buildControlPlaneGraph(snapshot, events ?? [], { window: { from, to }, highlight }), [snapshot, events, from, to, highlight]);
  return (
    <div className="cp-view">
      <div className="cp-view-graph">
        <GraphCanvas graph={useGraphLayout(graph, { layerSpacing: 120 })} selected={selected} onSelect={onSelect} label={t('graph.view.controlPlane')} fitMinZoom={0.1} />
      </div>
      <CausalSteps story={story} cursor={cursor} current={current} onSeek={onSeek} />
    </div>
  );
}

export function StorageView({ snapshot, selected, onSelect, namespace }: GraphViewProps & { namespace?: string }) {
  const { t } = useTranslation();
  const graph = useMemo(() => buildStorageGraph(snapshot, { namespace }), [snapshot, namespace]);
  return <GraphCanvas graph={useGraphLayout(graph)} selected={selected} onSelect={onSelect} label={t('graph.view.storage')} />;
}

export interface PoliciesViewProps extends GraphViewProps {
  /** The cluster's CNI (ClusterConfig.cni): decides whether verdicts are enforced. */
  cni: CniConfig['kind'];
  /** Verdicts to draw; computed from the snapshot's pods and policies on `port` when omitted. */
  matrix?: NetpolMatrix;
  port?: number;
  /** Which pairs to draw. Default: 'denied', or 'all' of the selected pod's pairs. */
  show?: 'all' | 'allowed' | 'denied';
  includeSystem?: boolean;
}

export function PoliciesView({ snapshot, selected, onSelect, cni, matrix, port = 80, show, includeSystem }: PoliciesViewProps) {
  const { t } = useTranslation();
  const verdicts = useMemo(() => {
    if (matrix) return matrix;
    const pods = (snapshot.objects.Pod ?? []).filter((p) => includeSystem || !(p.metadata.namespace ?? '').startsWith('kube-'));
    // KubeObject is the stored JSON of these kinds; the matrix reads them with their API types.
    return netpolMatrix({
      pods: pods as unknown as Pod[],
      policies: (snapshot.objects.NetworkPolicy ?? []) as unknown as NetworkPolicy[],
      namespaces: (snapshot.objects.Namespace ?? []) as unknown as Namespace[],
      port,
    });
  }, [matrix, snapshot, port, includeSystem]);
  // N pods have N x (N-1) pairs: without a selected pod only the denied pairs are drawn; a
  // selected pod shows all of its own connections, allowed and denied.
  const focus = selected?.startsWith('Pod/') ? selected.slice('Pod/'.length) : undefined;
  const shown = show ?? (focus ? 'all' : 'denied');
  const graph = useMemo(
    () => buildPoliciesGraph(snapshot, { matrix: verdicts, enforced: cniEnforcesPolicy(cni), enforcementNote: policyEnforcementNote(cni), cni, port, show: shown, focus }),
    [snapshot, verdicts, cni, port, shown, focus],
  );
  return <GraphCanvas graph={useGraphLayout(graph)} selected={selected} onSelect={onSelect} label={t('graph.view.policies')} />;
}

export interface NetworkViewProps extends GraphViewProps {
  /** The cluster's CNI and pod network (ClusterConfig.cni / podCIDR). */
  cni: CniConfig;
  includeSystem?: boolean;
}

export function NetworkView({ snapshot, selected, onSelect, cni, includeSystem }: NetworkViewProps) {
  const { t } = useTranslation();
  const { kind, clusterCidr, ipip, vni, hostMtu } = cni;
  const graph = useMemo(
    () => buildNetworkGraph(nodeNetworksFromSnapshot(snapshot, { kind, clusterCidr, ipip, vni, hostMtu }), { includeSystem }),
    [snapshot, kind, clusterCidr, ipip, vni, hostMtu, includeSystem],
  );
  return <GraphCanvas graph={useGraphLayout(graph, { layerSpacing: 60, nodeSpacing: 20 })} selected={selected} onSelect={onSelect} label={t('graph.view.network')} />;
}

export interface RulesViewProps {
  /** One node's kube-proxy rules (e.g. sim.internals.proxies.get(node)?.rules.IPv4); none yet: empty view. */
  rules?: ProxyRules;
  /** "ns/name" to focus on; by default the selected Service, if any. */
  service?: string;
  trace?: TraceHop[];
  table?: 'nat' | 'filter';
  selected?: string;
  onSelect?: (ref: string) => void;
}

export function RulesView({ rules, service, trace, table, selected, onSelect }: RulesViewProps) {
  const { t } = useTranslation();
  const focus = service ?? (selected?.startsWith('Service/') ? selected.slice('Service/'.length) : undefined);
  const graph = useMemo(
    () => (rules ? buildRulesGraph(rules, { service: focus, trace, table }) : { nodes: [], edges: [], direction: 'RIGHT' as const, notes: [] }),
    [rules, focus, trace, table],
  );
  return <GraphCanvas graph={useGraphLayout(graph)} selected={selected} onSelect={onSelect} label={t('graph.view.rules')} />;
}
