// Picks the canvas for the current view. Views that need the network (Rules, Network,
// Policies) share one ClusterNetwork built from the snapshot at the timeline cursor.
import { useMemo } from 'react';
import type { KubeObject, Snapshot, WatchEvent } from '../engine';
import type { ClusterConfig } from '../engine/api/clusterConfig';
import { buildClusterNetwork } from '../engine/network/clusterNetwork';
import type { ViewName } from '../state/uiStore';
import type { ClusterViewModel } from '../viewmodel/clusterView';
import { ClusterCanvas } from './canvas/ClusterCanvas';
import { ControlPlaneView, NetworkView, PoliciesView, ServicesView, StorageView, WorkloadsView } from './canvas/GraphViews';
import { RulesPanel } from './panels/RulesPanel';

export interface ViewSwitchProps {
  view: ViewName;
  snapshot: Snapshot;
  events: readonly WatchEvent[];
  model: ClusterViewModel;
  config: ClusterConfig;
  kubeProxy?: KubeObject;
  selected?: string;
  onSelect: (ref: string) => void;
}

export function ViewSwitch({ view, snapshot, events, model, config, kubeProxy, selected, onSelect }: ViewSwitchProps) {
  const needsNet = view === 'rules';
  const net = useMemo(() => (needsNet ? buildClusterNetwork({ objects: snapshot.objects, config, kubeProxy }) : undefined), [needsNet, snapshot, config, kubeProxy]);
  const upTo = useMemo(() => events.slice(0, snapshot.eventIndex + 1), [events, snapshot.eventIndex]);
  switch (view) {
    case 'cluster':
      return <ClusterCanvas model={model} onSelect={onSelect} selected={selected} />;
    case 'workloads':
      return <WorkloadsView snapshot={snapshot} selected={selected} onSelect={onSelect} />;
    case 'services':
      return <ServicesView snapshot={snapshot} selected={selected} onSelect={onSelect} clusterDomain={config.clusterDomain} />;
    case 'controlplane':
      return <ControlPlaneView snapshot={snapshot} events={upTo} selected={selected} onSelect={onSelect} />;
    case 'storage':
      return <StorageView snapshot={snapshot} selected={selected} onSelect={onSelect} />;
    case 'policies':
      return <PoliciesView snapshot={snapshot} selected={selected} onSelect={onSelect} cni={config.cni} />;
    case 'network':
      return <NetworkView snapshot={snapshot} selected={selected} onSelect={onSelect} cni={{ kind: config.cni, clusterCidr: config.podCIDR }} />;
    case 'rules':
      return net ? <RulesPanel snapshot={snapshot} net={net} selected={selected} onSelect={onSelect} /> : null;
  }
}
