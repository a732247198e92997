// Workloads view: the ownership tree the controllers build, read from metadata.ownerReferences
// (the same links the garbage collector follows): CronJob -> Job -> Pod, Deployment ->
// ReplicaSet -> Pod, DaemonSet -> Pod, StatefulSet -> Pod -> its PersistentVolumeClaims.
// A rolling update shows as two ReplicaSets under one Deployment, each with its counts.
import type { KubeObject, Snapshot } from '../engine';
import { byNamespaceName, keepConnected, nameOf, nsOf, objectNode, objectRef, type Graph, type GraphEdge, type GraphNode } from './graph';
import { podNode } from './podNode';
import {
  claimStatus,
  cronJobStatus,
  daemonSetStatus,
  deploymentStatus,
  jobStatus,
  replicaSetStatus,
  revisionOf,
  statefulSetStatus,
  type WorkloadStatus,
} from './workloadStatus';

export interface WorkloadsOptions {
  /** Only this namespace (default: all). */
  namespace?: string;
  /** Include kube-* namespaces (coredns, kube-proxy, flannel). Default false. */
  includeSystem?: boolean;
}

const WORKLOAD_KINDS = ['CronJob', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'ReplicaSet', 'Pod'] as const;

export function isSystemNamespace(ns: string): boolean {
  return ns.startsWith('kube-');
}

function visible(obj: KubeObject, opts: WorkloadsOptions): boolean {
  const ns = nsOf(obj);
  if (opts.namespace !== undefined) return ns === opts.namespace;
  return opts.includeSystem || !isSystemNamespace(ns);
}

/** StatefulSet pods are `<set>-<ordinal>`; 1.28+ also labels them apps.kubernetes.io/pod-index. */
export function statefulSetOrdinal(pod: KubeObject, setName: string): number | undefined {
  const label = pod.metadata.labels?.['apps.kubernetes.io/pod-index'];
  if (label !== undefined && /^\d+$/.test(label)) return Number(label);
  const m = new RegExp(`^${setName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(nameOf(pod));
  return m ? Number(m[1]) : undefined;
}

/** The PVC names a StatefulSet pod gets: `<template>-<set>-<ordinal>` (stateful_set_utils.go getPersistentVolumeClaimName). */
export function statefulSetClaimNames(sts: KubeObject, ordinal: number): string[] {
  return (sts.spec?.volumeClaimTemplates ?? []).map((t: KubeObject) => `${nameOf(t)}-${nameOf(sts)}-${ordinal}`);
}

function controllerOwner(obj: KubeObject) {
  const refs = obj.metadata.ownerReferences ?? [];
  return refs.find((r) => r.controller) ?? refs[0];
}

export function buildWorkloadsGraph(snapshot: Snapshot, opts: WorkloadsOptions = {}): Graph {
  const objects: KubeObject[] = [];
  for (const kind of WORKLOAD_KINDS) objects.push(...(snapshot.objects[kind] ?? []).filter((o) => visible(o, opts)).sort(byNamespaceName));
  const byUid = new Map<string, KubeObject>();
  const byRef = new Map<string, KubeObject>();
  for (const o of objects) {
    if (o.metadata.uid) byUid.set(o.metadata.uid, o);
    byRef.set(objectRef(o), o);
  }
  const ownerOf = (o: KubeObject): KubeObject | undefined => {
    const ref = controllerOwner(o);
    if (!ref) return undefined;
    return (ref.uid ? byUid.get(ref.uid) : undefined) ?? byRef.get(`${ref.kind}/${nsOf(o)}/${ref.name}`);
  };
  const children = new Map<string, KubeObject[]>();
  const roots: KubeObject[] = [];
  for (const o of objects) {
    const owner = ownerOf(o);
    if (owner) (children.get(objectRef(owner)) ?? children.set(objectRef(owner), []).get(objectRef(owner))!).push(o);
    else roots.push(o);
  }
  const claims = new Map((snapshot.objects.PersistentVolumeClaim ?? []).map((c) => [objectRef(c), c]));

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  // The namespace is only worth a line when the view shows more than one.
  const showNamespace = new Set(objects.map(nsOf)).size > 1;
  // Depth-first from the roots keeps each tree together in model order, which ELK respects.
  const visit = (o: KubeObject, owner?: KubeObject) => {
    nodes.push(workloadNode(o, owner, showNamespace));
    if (owner) edges.push(ownerEdge(owner, o));
    if (o.kind === 'Pod') addClaims(o, owner, claims, nodes, edges);
    const kids = [...(children.get(objectRef(o)) ?? [])];
    // Newest ReplicaSet first: the one a rollout is moving to.
    if (o.kind === 'Deployment') kids.sort((a, b) => revisionOf(b) - revisionOf(a) || byNamespaceName(a, b));
    if (o.kind === 'StatefulSet') kids.sort((a, b) => (statefulSetOrdinal(a, nameOf(o)) ?? 0) - (statefulSetOrdinal(b, nameOf(o)) ?? 0));
    for (const kid of kids) visit(kid, o);
  };
  for (const root of roots) visit(root);
  markRollout(nodes, edges, byRef);

  const unique = new Map(nodes.map((n) => [n.id, n]));
  const list = [...unique.values()];
  return { nodes: list, edges: keepConnected(list, edges), direction: 'RIGHT', notes: [] };
}

function workloadNode(o: KubeObject, owner: KubeObject | undefined, showNamespace: boolean): GraphNode {
  const ns = showNamespace ? [`namespace ${nsOf(o)}`] : [];
  if (o.kind === 'Pod') {
    const ordinal = owner?.kind === 'StatefulSet' ? statefulSetOrdinal(o, nameOf(owner)) : undefined;
    return podNode(o, { lines: [...(owner ? [] : ns), ...(ordinal !== undefined ? [`ordinal ${ordinal}`] : [])] });
  }
  const s = statusFor(o);
  const lines = [...s.lines];
  if (o.kind === 'ReplicaSet') lines.unshift(`revision ${revisionOf(o) || '-'}`);
  return objectNode(o, { status: s.status, statusText: s.statusText, lines: [...(owner ? [] : ns), ...lines] });
}

function statusFor(o: KubeObject): WorkloadStatus {
  switch (o.kind) {
    case 'Deployment':
      return deploymentStatus(o);
    case 'ReplicaSet':
      return replicaSetStatus(o);
    case 'DaemonSet':
      return daemonSetStatus(o);
    case 'StatefulSet':
      return statefulSetStatus(o);
    case 'Job':
      return jobStatus(o);
    case 'CronJob':
      return cronJobStatus(o);
    default:
      return { status: 'neutral', statusText: '', lines: [] };
  }
}

function ownerEdge(owner: KubeObject, child: KubeObject): GraphEdge {
  return { id: `own:${objectRef(owner)}->${objectRef(child)}`, source: objectRef(owner), target: objectRef(child), kind: 'owns', status: 'neutral' };
}

/** A pod's PersistentVolumeClaims (its volumes), linked from the pod. */
function addClaims(pod: KubeObject, owner: KubeObject | undefined, claims: Map<string, KubeObject>, nodes: GraphNode[], edges: GraphEdge[]) {
  const names = new Set<string>((pod.spec?.volumes ?? []).map((v: { persistentVolumeClaim?: { claimName: string } }) => v.persistentVolumeClaim?.claimName).filter(Boolean));
  // A StatefulSet pod's claims exist before it mounts them; show them from the template as well.
  const ordinal = owner?.kind === 'StatefulSet' ? statefulSetOrdinal(pod, nameOf(owner)) : undefined;
  if (owner && ordinal !== undefined) for (const n of statefulSetClaimNames(owner, ordinal)) names.add(n);
  for (const name of [...names].sort()) {
    const ref = `PersistentVolumeClaim/${nsOf(pod)}/${name}`;
    const pvc = claims.get(ref);
    const node: GraphNode = pvc
      ? objectNode(pvc, { ...claimStatus(pvc) })
      : { id: ref, kind: 'PersistentVolumeClaim', label: name, ref, status: 'warning', statusText: 'not created yet' };
    nodes.push(node);
    edges.push({ id: `claim:${objectRef(pod)}->${ref}`, source: objectRef(pod), target: ref, kind: 'claims', status: node.status, label: 'volume' });
  }
}

/**
 * Labels Deployment -> ReplicaSet edges new/old. The new ReplicaSet has the highest revision
 * (deployment/util/deployment_util.go MaxRevision); while an old one still has pods, a rollout is
 * in progress and both cards say which way they are scaling.
 */
function markRollout(nodes: GraphNode[], edges: GraphEdge[], byRef: Map<string, KubeObject>) {
  const setsByDeployment = new Map<string, KubeObject[]>();
  for (const e of edges) {
    const rs = byRef.get(e.target);
    if (e.kind !== 'owns' || !e.source.startsWith('Deployment/') || rs?.kind !== 'ReplicaSet') continue;
    (setsByDeployment.get(e.source) ?? setsByDeployment.set(e.source, []).get(e.source)!).push(rs);
  }
  const podsOf = (rs: KubeObject): number => rs.status?.replicas ?? 0;
  for (const [deployment, sets] of setsByDeployment) {
    const newest = Math.max(...sets.map(revisionOf));
    const rolling = sets.some((rs) => revisionOf(rs) !== newest && podsOf(rs) > 0);
    for (const rs of sets) {
      const edge = edges.find((e) => e.source === deployment && e.target === objectRef(rs))!;
      const isNew = revisionOf(rs) === newest;
      edge.label = `${isNew ? 'new' : 'old'} · ${podsOf(rs)} pods`;
      edge.status = isNew ? 'ok' : podsOf(rs) > 0 ? 'progress' : 'inactive';
      const node = nodes.find((n) => n.id === objectRef(rs));
      if (node && rolling) node.lines = [...(node.lines ?? []), isNew ? 'new ReplicaSet: scaling up' : 'old ReplicaSet: scaling down'];
    }
  }
}
