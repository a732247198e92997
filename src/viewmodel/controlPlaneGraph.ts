// Control plane view: the list-watch flow. Clients and components write to kube-apiserver, the
// API server persists to etcd, and every component with an informer for the kind is sent the
// watch event. Given a window of the event log, the links that carry those messages light up:
// `deployment-controller` creating a ReplicaSet lights the kube-controller-manager link
// ("deployment-controller: create ReplicaSet web-xyz" up, "ADDED ReplicaSet web-xyz" down, since
// the controller manager also watches ReplicaSets), kube-apiserver -> etcd ("put /registry/
// replicasets/default/web-xyz"), and the deployment and replicaset controller cards inside it.
// One link per process: a component's writes and its watch stream share it.
import { kindInfo, type Snapshot, type WatchEvent } from '../engine';
import type { Graph, GraphEdge, GraphNode } from './graph';
import {
  CONTROLLER_WATCHES,
  DEFAULT_CONTROLLERS,
  KUBELET_WATCHES,
  KUBE_PROXY_WATCHES,
  SCHEDULER_WATCHES,
  etcdKey,
  receives,
  type WatchSpec,
} from './controlPlaneWatches';

export interface ControlPlaneOptions {
  /** Events that travel now: index in (from, to]. Default: the last event only. */
  window?: { from: number; to: number };
  /** Edge ids to emphasise (the current causal step's links, causalSteps.ts). */
  highlight?: readonly string[];
}

export const APISERVER = 'cp:kube-apiserver';
export const ETCD = 'cp:etcd';
const IDLE = { key: 'graph.cp.idle' };
export const SCHEDULER = 'cp:kube-scheduler';

export const KCM_GROUP = 'cp:kube-controller-manager';

const SCHEDULER_NAMES = new Set(['kube-scheduler', 'default-scheduler', 'scheduler']);

/** The graph node a component's writes come from; null for the API server writing itself. */
export function componentNodeId(component: string): string | null {
  if (component === 'kube-apiserver') return null;
  if (SCHEDULER_NAMES.has(component)) return SCHEDULER;
  return `cp:${component}`;
}

/**
 * The edge to kube-apiserver a component's messages travel on: its own link for clients and the
 * scheduler, the controller manager's for its controllers, the machine's for node agents; null
 * for the API server itself.
 */
export function componentLinkId(component: string): string | null {
  if (component === 'kube-apiserver') return null;
  if (SCHEDULER_NAMES.has(component)) return `link:${SCHEDULER}`;
  if (component in CONTROLLER_WATCHES) return `link:${KCM_GROUP}`;
  const [agent, node] = component.split('/');
  if (node && (agent === 'kubelet' || agent === 'kube-proxy')) return `link:cp:machine/${node}`;
  return `link:cp:${component}`;
}

/** The request a write event stands for, in API verbs (`create`, `update`, `delete`). */
export function requestText(e: WatchEvent): string {
  // The scheduler binds through the pods/binding subresource (pkg/scheduler/framework/plugins/defaultbinder).
  if (e.kind === 'Pod' && e.type === 'MODIFIED' && e.reason === 'Scheduled') return `create pods/binding ${e.name}`;
  const verb = e.type === 'ADDED' ? 'create' : e.type === 'DELETED' ? 'delete' : 'update';
  return `${verb} ${e.kind} ${e.name}`;
}

interface Watcher {
  id: string;
  spec: WatchSpec;
  node?: string;
}

function summarise(texts: string[]): string | undefined {
  if (texts.length === 0) return undefined;
  return texts.length === 1 ? texts[0] : `${texts[0]} (+${texts.length - 1} more)`;
}

/** One edge to kube-apiserver: its id, the far end, and whether the far end writes, watches or both. */
interface Link {
  id: string;
  end: string;
  writes: boolean;
  watches: boolean;
}

export function buildControlPlaneGraph(snapshot: Snapshot, events: readonly WatchEvent[], opts: ControlPlaneOptions = {}): Graph {
  const last = events.length - 1;
  const window = opts.window ?? { from: last - 1, to: last };
  const highlight = new Set(opts.highlight ?? []);
  const live = events.filter((e) => e.index > window.from && e.index <= window.to);
  const machines = (snapshot.objects.Node ?? []).map((n) => n.metadata.name ?? '').sort();

  const nodes: GraphNode[] = [];
  const links: Link[] = [];
  const watchers: Watcher[] = [];
  /** Which drawn node a component's messages belong to, and which link carries them. */
  const linkOf = new Map<string, string>();

  // Clients: kubectl always; other writers that are not known components (kubeadm) as seen.
  const known = new Set<string>(['kubectl', 'kube-apiserver', ...Object.keys(CONTROLLER_WATCHES), ...SCHEDULER_NAMES]);
  const clients = ['kubectl', ...[...new Set(events.map((e) => e.component))].filter((c) => !known.has(c) && !c.startsWith('kubelet') && !c.startsWith('kube-proxy')).sort()];
  for (const c of clients) {
    nodes.push({ id: `cp:${c}`, kind: 'client', label: c, status: 'neutral', statusText: 'idle', statusKey: IDLE });
    links.push({ id: `link:cp:${c}`, end: `cp:${c}`, writes: true, watches: false });
    linkOf.set(`cp:${c}`, `link:cp:${c}`);
  }
  nodes.push({ id: APISERVER, kind: 'kube-apiserver', label: 'kube-apiserver', status: 'ok', statusText: `resourceVersion ${snapshot.resourceVersion}` });
  const objectCount = Object.values(snapshot.objects).reduce((n, list) => n + list.length, 0);
  nodes.push({ id: ETCD, kind: 'etcd', label: 'etcd', status: 'ok', statusText: `${objectCount} objects`, lines: ['/registry/<resource>/<ns>/<name>'] });

  nodes.push({ id: SCHEDULER, kind: 'kube-scheduler', label: 'kube-scheduler', status: 'ok', statusText: 'idle', statusKey: IDLE, lines: [watchLine(SCHEDULER_WATCHES)] });
  links.push({ id: `link:${SCHEDULER}`, end: SCHEDULER, writes: true, watches: true });
  linkOf.set(SCHEDULER, `link:${SCHEDULER}`);
  watchers.push({ id: SCHEDULER, spec: SCHEDULER_WATCHES });

  // kube-controller-manager is one process: its controllers share informers (one watch per
  // kind, client-go SharedInformerFactory), so one link carries all their traffic.
  nodes.push({ id: KCM_GROUP, kind: 'kube-controller-manager', label: 'kube-controller-manager', status: 'neutral', statusText: '', group: true, pack: true });
  links.push({ id: `link:${KCM_GROUP}`, end: KCM_GROUP, writes: true, watches: true });
  const seen = new Set(events.map((e) => e.component));
  const controllers = Object.keys(CONTROLLER_WATCHES).filter((c) => DEFAULT_CONTROLLERS.includes(c) || seen.has(c));
  for (const c of controllers) {
    const spec = CONTROLLER_WATCHES[c];
    nodes.push({ id: `cp:${c}`, kind: 'controller', label: c, status: 'ok', statusText: 'idle', statusKey: IDLE, hint: watchLine(spec), parent: KCM_GROUP });
    linkOf.set(`cp:${c}`, `link:${KCM_GROUP}`);
    watchers.push({ id: `cp:${c}`, spec });
  }

  // Each node's agents, one group per machine (kubelet and kube-proxy each hold their own watches).
  for (const m of machines) {
    const group = `cp:machine/${m}`;
    nodes.push({ id: group, kind: 'Node', label: m, status: 'neutral', statusText: '', group: true, pack: true, packAs: 'row', ref: `Node/${m}` });
    links.push({ id: `link:${group}`, end: group, writes: true, watches: true });
    for (const [agent, spec] of [['kubelet', KUBELET_WATCHES], ['kube-proxy', KUBE_PROXY_WATCHES]] as const) {
      const id = `cp:${agent}/${m}`;
      nodes.push({ id, kind: agent, label: m, status: 'ok', statusText: 'idle', statusKey: IDLE, lines: [watchLine(spec, m)], parent: group, ref: `Node/${m}` });
      linkOf.set(id, `link:${group}`);
      watchers.push({ id, spec, node: m });
    }
  }

  // Writers in the window that are not drawn yet (a kubelet of a deleted node, ...).
  for (const e of live) {
    const id = componentNodeId(e.component);
    if (id && !linkOf.has(id)) {
      nodes.push({ id, kind: 'component', label: e.component, status: 'neutral', statusText: 'idle', statusKey: IDLE });
      links.push({ id: `link:${id}`, end: id, writes: true, watches: false });
      linkOf.set(id, `link:${id}`);
    }
  }

  // Messages in the window: writes up each writer's link, one put/delete to etcd per write,
  // and the watch event down each link with a watcher for the kind (once per link).
  const writeTexts = new Map<string, string[]>();
  const watchTexts = new Map<string, string[]>();
  const etcdTexts: string[] = [];
  const wrote = new Map<string, number>();
  const got = new Map<string, number>();
  for (const e of live) {
    const writer = componentNodeId(e.component);
    const link = writer ? linkOf.get(writer) : undefined;
    if (writer && link) {
      const shared = link === `link:${KCM_GROUP}` || link.startsWith('link:cp:machine/');
      push(writeTexts, link, shared ? `${e.component}: ${requestText(e)}` : requestText(e));
      wrote.set(writer, (wrote.get(writer) ?? 0) + 1);
    }
    etcdTexts.push(`${e.type === 'DELETED' ? 'delete' : 'put'} ${etcdKey(e.kind, kindInfo(e.kind)?.plural, e.namespace, e.name)}`);
    const reached = new Set<string>();
    for (const w of watchers) {
      if (!receives(w.spec, e.kind, e.object, w.node)) continue;
      got.set(w.id, (got.get(w.id) ?? 0) + 1);
      const wl = linkOf.get(w.id)!;
      if (!reached.has(wl)) push(watchTexts, wl, `${e.type} ${e.kind} ${e.name}`);
      reached.add(wl);
    }
  }

  const edges: GraphEdge[] = links.map((l) => {
    const up = writeTexts.get(l.id) ?? [];
    const down = watchTexts.get(l.id) ?? [];
    const active = up.length + down.length > 0;
    const rows = [summarise(up), summarise(down)].filter((r): r is string => Boolean(r));
    // Clients point at the API server; for the others the API server points at them (it sends the watch stream).
    const clientSide = !l.watches;
    const toServer = up.length > 0;
    const fromServer = down.length > 0;
    const flow = toServer && fromServer ? 'both' : clientSide ? (toServer ? 'forward' : 'backward') : toServer ? 'backward' : 'forward';
    return {
      id: l.id,
      source: clientSide ? l.end : APISERVER,
      target: clientSide ? APISERVER : l.end,
      kind: l.writes && l.watches ? 'write+watch' : l.writes ? 'write' : 'watch',
      bidirectional: l.writes && l.watches,
      status: active ? 'progress' : 'neutral',
      active,
      flow,
      label: rows.length ? rows.join('\n') : undefined,
      ...(highlight.has(l.id) ? { highlighted: true } : {}),
    };
  });
  // Drawn etcd -> apiserver so etcd sits on the left with the clients; both ways are real (the
  // API server's watch cache watches etcd), and writes run against the arrow ('backward').
  edges.push({ id: 'etcd', source: ETCD, target: APISERVER, kind: 'persist', bidirectional: true, status: etcdTexts.length ? 'progress' : 'neutral', active: etcdTexts.length > 0, flow: 'backward', label: summarise(etcdTexts), ...(highlight.has('etcd') ? { highlighted: true } : {}) });

  for (const n of nodes) {
    const w = wrote.get(n.id) ?? 0;
    const g = got.get(n.id) ?? 0;
    if (w || g) {
      n.status = 'progress';
      n.statusText = `writes ${w} · watch events ${g}`;
      n.statusKey = { key: 'graph.cp.busy', values: { writes: w, events: g } };
    }
  }
  const notes = [
    'Watch lists are simplified: leader election, ConfigMap/Secret gets and metadata informers are not drawn.',
    'kube-controller-manager shares one informer per kind between its controllers, so one watch event reaches all of them.',
  ];
  return { nodes, edges, direction: 'RIGHT', notes };
}

function push(map: Map<string, string[]>, key: string, text: string) {
  (map.get(key) ?? map.set(key, []).get(key)!).push(text);
}

function watchLine(spec: WatchSpec, node?: string): string {
  if (spec.kinds.includes('*')) return 'watch: every kind';
  const kinds = spec.kinds.map((k) => (node && spec.nodeScoped?.includes(k) ? `${k}(${node})` : k));
  return `watch: ${kinds.join(', ')}`;
}
