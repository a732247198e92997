// The typed graph model every graph view produces: plain data from a snapshot, with ids that stay
// the same across snapshots (a Pod keeps its node id while its status changes) so the canvas
// reconciles instead of redrawing. Text is Kubernetes' own vocabulary (kinds, phases, reasons, as
// kubectl shows them); interface chrome around the graph is translated by the UI. Where a label is
// our own word rather than Kubernetes', an i18n key travels with it (`labelKey`).
import { keyOf, type KubeObject } from '../engine';

/** State of a node or edge; the UI shows it as an icon and text, colour is only a third signal. */
export type GraphStatus = 'ok' | 'progress' | 'warning' | 'error' | 'inactive' | 'neutral';

export interface I18nText {
  key: string;
  values?: Record<string, string | number>;
}

export interface GraphNode {
  /** Stable across snapshots: `Kind/namespace/name` for objects, a prefixed name otherwise. */
  id: string;
  /** Kubernetes kind, component, or interface type (`Pod`, `kube-apiserver`, `veth`). */
  kind: string;
  label: string;
  status: GraphStatus;
  /** The state in words (`Running`, `2/3 ready`): never colour alone. */
  statusText: string;
  /** Our own words for the status, translated by the UI (preferred over `statusText` when present). */
  statusKey?: I18nText;
  /** `Kind/namespace/name` (or `Kind/name`, cluster-scoped) of the object to select, if any. */
  ref?: string;
  /** Secondary lines (revision, IP, DNS name). */
  lines?: string[];
  /** Monospace detail text (route table lines), shown below the lines. */
  details?: string[];
  /** More detail for the hover text only (kept off the card to keep it small). */
  hint?: string;
  /** Id of the group node this node sits inside. */
  parent?: string;
  /** A container for other nodes (a namespace, a machine); sized by the layout. */
  group?: boolean;
  /**
   * Group only: pack the children in a grid (ELK box layout) instead of layering them with the
   * rest of the graph. Edges then attach to the group itself, never to its children.
   */
  pack?: boolean;
  /** How a packed group arranges its children: a grid (default) or one row. */
  packAs?: 'grid' | 'row';
}

export interface GraphEdge {
  /** Stable across snapshots, e.g. `own:<owner id>-><child id>`. */
  id: string;
  source: string;
  target: string;
  /** What the edge means: `owns`, `endpoint`, `routes`, `write`, `watch`, `veth`, `vxlan`, ... */
  kind: string;
  /** May hold several rows separated by newlines. */
  label?: string;
  /** Our own words for the label, translated by the UI (preferred over `label` when present). */
  labelKey?: I18nText;
  status: GraphStatus;
  /** The state in words, e.g. `ready=false serving=true terminating=true`. */
  statusText?: string;
  /** A message travels along this edge now (animated by the canvas). */
  active?: boolean;
  /** Which way the messages travel relative to source -> target. Default 'forward'. */
  flow?: 'forward' | 'backward' | 'both';
  /**
   * A logical link (a VXLAN tunnel between nodes) drawn as an arc over the layout instead of
   * shaping it: layered layout would otherwise push its two ends into different layers.
   */
  overlay?: boolean;
  /** Emphasised by the view (the current step of a causal chain), drawn like a selected object's edges. */
  highlighted?: boolean;
  /** Both ends point at each other (a PV/PVC binding, a veth pair). */
  bidirectional?: boolean;
  /** Longer explanation (hover text), e.g. the NetworkPolicy rule that decided. */
  detail?: string;
}

export interface GraphBanner {
  status: GraphStatus;
  /** UI text key and values; `text` is the engine's own sentence, shown beneath. */
  labelKey: I18nText;
  text?: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Layered layout direction: left-to-right or top-down. */
  direction: 'RIGHT' | 'DOWN';
  banner?: GraphBanner;
  /** Where the view simplifies, for the UI to show. */
  notes: string[];
}

/** The selection key for an object: the engine's keyOf (`Kind/ns/name`, `Kind/name` cluster-scoped). */
export function objectRef(obj: KubeObject): string {
  return keyOf({ kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' });
}

export function nsOf(obj: KubeObject): string {
  return obj.metadata.namespace ?? 'default';
}

export function nameOf(obj: KubeObject): string {
  return obj.metadata.name ?? '';
}

/** Node ids for objects are their refs, so selection and graph identity agree. */
export const objectNode = (obj: KubeObject, fields: Omit<GraphNode, 'id' | 'kind' | 'label' | 'ref'> & { label?: string }): GraphNode => ({
  id: objectRef(obj),
  kind: obj.kind,
  ref: objectRef(obj),
  ...fields,
  label: fields.label ?? nameOf(obj),
});

/** Sort helper: namespace then name, the order kubectl lists objects in. */
export function byNamespaceName(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function conditionTrue(obj: KubeObject, type: string): boolean | undefined {
  const c = (obj.status?.conditions ?? []).find((x: { type: string }) => x.type === type);
  return c ? c.status === 'True' : undefined;
}

/** Drops edges whose ends are not in the graph (an owner that was deleted, a filtered namespace). */
export function keepConnected(nodes: GraphNode[], edges: GraphEdge[]): GraphEdge[] {
  const ids = new Set(nodes.map((n) => n.id));
  const seen = new Set<string>();
  return edges.filter((e) => {
    if (!ids.has(e.source) || !ids.has(e.target) || seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
}
