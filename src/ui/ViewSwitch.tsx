// Picks the canvas for the current view. Views that need the network (Rules, Network,
// Policies) share one ClusterNetwork built from the snapshot at the timeline cursor.
import { lazy, Suspense, useMemo } from 'react';
import type { KubeObject, Snapshot, WatchEvent } from '../engine';
import type { ClusterConfig } from '../engine/api/clusterConfig';
import type { ViewName } from '../state/uiStore';
import type { ClusterViewModel } from '../viewmodel/clusterView';
import { ClusterCanvas } from './canvas/ClusterCanvas';

// The graph views pull in the ELK layout engine (~1.5 MB): loaded when first shown, so the
// Cluster view (the first screen) does not wait for it.
const ControlPlaneView = lazy(() => import('./canvas/GraphViews').then((m) => ({ default: m.ControlPlaneView })));
const NetworkView = lazy(() => import('./canvas/GraphViews').then((m) => ({ default: m.NetworkView })));
const PoliciesView = lazy(() => import('./canvas/GraphViews').then((m) => ({ default: m.PoliciesView })));
const ServicesView = lazy(() => import('./canvas/GraphViews').then((m) => ({ default: m.ServicesView })));
const StorageView = lazy(() => import('./canvas/GraphViews').then((m) => ({ default: m.StorageView })));
const WorkloadsView = lazy(() => import('./canvas/GraphViews').then((m) => ({ default: m.WorkloadsView })));
const RulesPanel = lazy(() => import('./panels/RulesPanel').then((m) => ({ default: m.RulesPanel })));

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

export function ViewSwitch(props: ViewSwitchProps) {
  return (
    <Suspense fallback={<div className="loading">…</div>}>
      <ViewFor {...props} />
    </Suspense>
  );
}

function ViewFor({ view, snapshot, events, model, config, kubeProxy, selected, onSelect }: ViewSwitchProps) {
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
      return <RulesPanel snapshot={snapshot} config={config} kubeProxy={kubeProxy} selected={selected} onSelect={onSelect} />;
  }
}
