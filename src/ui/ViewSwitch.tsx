// Picks the canvas for the current view. Views that need the network (Rules, Network,
// Policies) share one ClusterNetwork built from the snapshot at the timeline cursor. Every view
// sits in one ObjectMenuHost: right-click (or the ContextMenu key) on an object opens its actions.
import { lazy, Suspense, useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ActionResult, Activity, KubeObject, Snapshot, UserAction, WatchEvent } from '../engine';
import type { ClusterConfig } from '../engine/api/clusterConfig';
import type { UiStore, ViewName } from '../state/uiStore';
import type { ClusterViewModel } from '../viewmodel/clusterView';
import { ClusterCanvas } from './canvas/ClusterCanvas';
import { ObjectMenuHost } from './actions/ObjectMenuHost';

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
  /** Runs a user action (the same `act` the inspector gets); without it the menu only inspects. */
  act?: (action: UserAction) => ActionResult;
  stoppedKubelets?: ReadonlySet<string>;
  /** For the menu's "Trace a packet from here" (switches to Rules with a trace request). */
  ui?: UiStore;
  /** Moves the timeline cursor (the control-plane step list's steps are clickable with it). */
  onSeek?: (eventIndex: number) => void;
  /** Simulation.activities(): kube-proxy's rule syncs, placed exactly in the step list. */
  activities?: readonly Activity[];
}

const noSubscribe = () => () => {};

export function ViewSwitch(props: ViewSwitchProps) {
  const { ui } = props;
  const traceRequest = useSyncExternalStore(ui?.subscribe ?? noSubscribe, () => ui?.getState().traceRequest);
  // The request is for this visit to Rules: leaving the view drops it.
  useEffect(() => {
    if (props.view !== 'rules' && ui?.getState().traceRequest) ui.getState().set({ traceRequest: undefined });
  }, [props.view, ui]);
  const onTrace = useCallback(
    (from: string) => {
      ui?.getState().set({ traceRequest: { from } });
      ui?.getState().setView('rules');
    },
    [ui],
  );
  return (
    <ObjectMenuHost snapshot={props.snapshot} act={props.act} stoppedKubelets={props.stoppedKubelets} selected={props.selected} onSelect={props.onSelect} onTrace={ui ? onTrace : undefined}>
      <Suspense fallback={<div className="loading">…</div>}>
        <ViewFor {...props} traceRequest={traceRequest} />
      </Suspense>
    </ObjectMenuHost>
  );
}

function ViewFor({ view, snapshot, events, model, config, kubeProxy, selected, onSelect, traceRequest, onSeek, activities }: ViewSwitchProps & { traceRequest?: { from: string; to?: string } }) {
  const upTo = useMemo(() => events.slice(0, snapshot.eventIndex + 1), [events, snapshot.eventIndex]);
  switch (view) {
    case 'cluster':
      return <ClusterCanvas model={model} onSelect={onSelect} selected={selected} />;
    case 'workloads':
      return <WorkloadsView snapshot={snapshot} selected={selected} onSelect={onSelect} />;
    case 'services':
      return <ServicesView snapshot={snapshot} selected={selected} onSelect={onSelect} clusterDomain={config.clusterDomain} />;
    case 'controlplane':
      return <ControlPlaneView snapshot={snapshot} events={upTo} log={events} activities={activities} onSeek={onSeek} selected={selected} onSelect={onSelect} />;
    case 'storage':
      return <StorageView snapshot={snapshot} selected={selected} onSelect={onSelect} />;
    case 'policies':
      return <PoliciesView snapshot={snapshot} selected={selected} onSelect={onSelect} cni={config.cni} />;
    case 'network':
      return <NetworkView snapshot={snapshot} selected={selected} onSelect={onSelect} cni={{ kind: config.cni, clusterCidr: config.podCIDR }} />;
    case 'rules':
      return <RulesPanel snapshot={snapshot} config={config} kubeProxy={kubeProxy} selected={selected} onSelect={onSelect} initialTrace={traceRequest} />;
  }
}
