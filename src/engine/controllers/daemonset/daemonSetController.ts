// The DaemonSet controller (pkg/controller/daemon/daemon_controller.go syncDaemonSet, manage,
// podsShouldBeOnNode, syncNodes, updateDaemonSetStatus; update.go constructHistory,
// cleanupHistory). Daemon pods go through the scheduler: they carry a required node affinity
// for their node (matchFields metadata.name), never spec.nodeName.
import type { KubeObject, WatchEvent } from '../../api/types';
import { matchesSelector } from '../../api/selectors';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';
import { byName, claimCandidates, claimObjects, controllerRefOf, keyOfObject, newControllerRef, splitKey } from '../podutil/ownership';
import { creationMs, earliest, isPodAvailable, isPodReady, podAvailableAt } from '../podutil/podState';
import { dropResourceVersion, eventWrite, jsonEqual, podFromTemplate, slowStartBatches, withGeneratedName } from '../podutil/podTemplate';
import { computeHash } from '../podutil/hash';
import { nodeShouldRunDaemonPod, replaceNodeNameAffinity, targetNodeName, withDaemonTolerations } from './nodeEligibility';
import { REVISION_HASH, TEMPLATE_GENERATION, allowsSurge, isPodUpdated, rollingUpdate } from './daemonRollingUpdate';

/** The DaemonSet controller's burstReplicas (daemon_controller.go BurstReplicas). */
const DS_BURST = 250;
const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** Oldest first; on equal times a running pod before a pending one (podByCreationTimestampAndPhase). */
function byCreationAndPhase(a: KubeObject, b: KubeObject): number {
  const ta = creationMs(a) ?? 0;
  const tb = creationMs(b) ?? 0;
  if (ta !== tb) return ta - tb;
  const ra = a.status?.phase === 'Running' ? 0 : 1;
  const rb = b.status?.phase === 'Running' ? 0 : 1;
  if (ra !== rb) return ra - rb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** The template as a ControllerRevision stores it (getPatch: spec.template with $patch: replace). */
function revisionData(ds: KubeObject): any {
  return { spec: { template: { ...structuredClone(ds.spec?.template ?? {}), $patch: 'replace' } } };
}

interface History {
  hash: string;
  writes: Write[];
  old: KubeObject[];
}

/** constructHistory: find or create the current ControllerRevision, bump its revision number. */
function constructHistory(ds: KubeObject, listers: Listers, namespace: string): History {
  const revs = claimCandidates(listers, ds, 'ControllerRevision').sort(byName);
  const claim = claimObjects(ds, revs, (r) => matchesSelector(ds.spec?.selector, r.metadata.labels));
  const writes: Write[] = [...claim.adopt.map((o): Write => ({ op: 'update', object: o, reason: 'Adopted' }))];
  const data = revisionData(ds);
  const current = claim.claimed.filter((r) => jsonEqual(r.data, data));
  const old = claim.claimed.filter((r) => !current.includes(r));
  const maxRevision = old.reduce((m, r) => Math.max(m, Number(r.revision ?? 0)), 0);
  if (current.length > 0) {
    const cur = current.sort((a, b) => Number(b.revision ?? 0) - Number(a.revision ?? 0))[0];
    if (Number(cur.revision ?? 0) < maxRevision + 1) writes.push({ op: 'update', object: { ...cur, revision: maxRevision + 1 }, reason: 'RevisionUpdated' });
    return { hash: cur.metadata.labels?.[REVISION_HASH] ?? '', writes, old };
  }
  const hash = computeHash(ds.spec?.template, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const rev: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(ds)],
    },
    data,
    revision: maxRevision + 1,
  };
  writes.push({ op: 'create', object: rev, reason: 'RevisionCreated' });
  return { hash, writes, old };
}

function templateGeneration(ds: KubeObject): string | undefined {
  // Real API servers keep this annotation; without it we fall back to metadata.generation.
  return ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? (ds.metadata.generation !== undefined ? String(ds.metadata.generation) : undefined);
}

/** The pod the controller creates for one node (CreatePodTemplate + node affinity). */
export function daemonPodFor(ds: KubeObject, nodeName: string, hash: string): KubeObject {
  const template = structuredClone(ds.spec?.template ?? {});
  template.spec = withDaemonTolerations(template.spec ?? {});
  const gen = templateGeneration(ds);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), ...(gen ? { [TEMPLATE_GENERATION]: gen } : {}), [REVISION_HASH]: hash } };
  template.spec.affinity = replaceNodeNameAffinity(template.spec.affinity, nodeName);
  return podFromTemplate(template, ds);
}

/** podsShouldBeOnNode for one node: which nodes need a pod, which pods must go. */
function podsShouldBeOnNode(ds: KubeObject, node: KubeObject, pods: KubeObject[] | undefined, hash: string, now: number, writes: Write[]): { create: boolean; remove: KubeObject[] } {
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const remove: KubeObject[] = [];
  if (shouldRun && !pods) return { create: true, remove };
  if (shouldContinueRunning) {
    const running: KubeObject[] = [];
    for (const pod of pods ?? []) {
      if (pod.metadata.deletionTimestamp) continue;
      if (pod.status?.phase === 'Failed') {
        // Upstream backs off between kills of failed pods on one node; we kill at once.
        writes.push(eventWrite(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node.metadata.name}, will try to kill it`));
        remove.push(pod);
      } else if (pod.status?.phase === 'Succeeded') remove.push(pod);
      else running.push(pod);
    }
    running.sort(byCreationAndPhase);
    if (!allowsSurge(ds)) {
      remove.push(...running.slice(1));
      return { create: false, remove };
    }
    if (running.length <= 1) return { create: running.length === 0 && shouldRun, remove };
    let oldestNew: KubeObject | undefined;
    let oldestOld: KubeObject | undefined;
    for (const pod of running) {
      if (pod.metadata.labels?.[REVISION_HASH] === hash) {
        if (!oldestNew) oldestNew = pod;
        else remove.push(pod);
      } else if (!oldestOld) oldestOld = pod;
      else remove.push(pod);
    }
    if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now))) remove.push(oldestOld);
    return { create: false, remove };
  }
  if (pods) remove.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
  return { create: false, remove };
}

function syncNodes(ds: KubeObject, remove: KubeObject[], createOn: string[], hash: string, ctx: ReconcileContext): Write[] {
  const writes: Write[] = [];
  const ns = ds.metadata.namespace ?? 'default';
  const nodes = createOn.slice(0, DS_BURST);
  let i = 0;
  for (const batch of slowStartBatches(nodes.length)) {
    for (let j = 0; j < batch; j++, i++) {
      const pod = withGeneratedName(daemonPodFor(ds, nodes[i], hash), ctx.rng);
      writes.push({ op: 'create', object: pod, reason: 'SuccessfulCreate' });
      writes.push(eventWrite(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`));
    }
  }
  for (const pod of remove.slice(0, DS_BURST)) {
    writes.push({ op: 'delete', ref: { kind: 'Pod', namespace: ns, name: pod.metadata.name ?? '' }, reason: 'SuccessfulDelete', uid: pod.metadata.uid });
    writes.push(eventWrite(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`));
  }
  return writes;
}

/** updateDaemonSetStatus: counts over the nodes the DaemonSet should and should not be on. */
export function daemonSetStatus(ds: KubeObject, nodes: KubeObject[], podsByNode: Map<string, KubeObject[]>, hash: string, now: number): any {
  let desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0;
  const gen = templateGeneration(ds);
  for (const node of nodes) {
    const pods = podsByNode.get(node.metadata.name ?? '') ?? [];
    const scheduled = pods.length > 0;
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = pods.length === 1 ? pods[0] : [...pods].sort(byCreationAndPhase)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, ds.spec?.minReadySeconds ?? 0, now)) available++;
    }
    if (isPodUpdated(pod, hash, gen)) updated++;
  }
  const status: any = {
    ...(ds.status ?? {}),
    observedGeneration: ds.metadata.generation ?? 1,
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
  if (status.numberUnavailable === 0) delete status.numberUnavailable;
  return status;
}

/**
 * The claimed pods per target node, each node's pods in name order (as grouping a name-ordered
 * list gives them) without sorting every pod on every sync: most nodes have one pod. The map's
 * own order is unspecified. Finished pods being deleted are left out.
 */
function groupByNode(claimed: KubeObject[]): Map<string, KubeObject[]> {
  const groups = new Map<string, KubeObject[]>();
  for (const pod of claimed) {
    if (pod.metadata.deletionTimestamp && (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded')) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const onNode = groups.get(node);
    if (onNode) onNode.push(pod);
    else groups.set(node, [pod]);
  }
  for (const pods of groups.values()) if (pods.length > 1) pods.sort(byName);
  return groups;
}

function syncDaemonSet(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const ds = ctx.listers.get('DaemonSet', namespace, name);
  if (!ds) return { writes: [] };
  const nodes = ctx.listers.list('Node');
  const history = constructHistory(ds, ctx.listers, namespace);
  const writes: Write[] = [...history.writes];
  const claim = claimObjects(ds, claimCandidates(ctx.listers, ds, 'Pod'), (p) => matchesSelector(ds.spec?.selector, p.metadata.labels));
  for (const p of claim.adopt.sort(byName)) writes.push({ op: 'update', object: p, reason: 'Adopted' });
  for (const p of claim.release.sort(byName)) writes.push({ op: 'update', object: p, reason: 'Released' });
  const podsByNode = groupByNode(claim.claimed);
  if (!ds.metadata.deletionTimestamp) {
    // manage
    const createOn: string[] = [];
    const remove: KubeObject[] = [];
    const nodeNames = new Set(nodes.map((n) => n.metadata.name));
    for (const node of nodes) {
      const r = podsShouldBeOnNode(ds, node, podsByNode.get(node.metadata.name ?? ''), history.hash, ctx.now, writes);
      if (r.create) createOn.push(node.metadata.name ?? '');
      remove.push(...r.remove);
    }
    // getUnscheduledPodsWithoutNode: pods aimed at nodes that no longer exist.
    // In name order of each node's first pod, as a name-ordered pod list would group them.
    const gone = [...podsByNode].filter(([node]) => !nodeNames.has(node)).sort(([, a], [, b]) => byName(a[0], b[0]));
    for (const [, pods] of gone) remove.push(...pods.filter((p) => !p.spec?.nodeName && !p.metadata.deletionTimestamp));
    const manageWrites = syncNodes(ds, remove, createOn, history.hash, ctx);
    writes.push(...manageWrites);
    // Upstream's expectations hold the rolling update back until manage's writes are observed.
    const strategy = ds.spec?.updateStrategy?.type ?? 'RollingUpdate';
    if (manageWrites.length === 0 && strategy === 'RollingUpdate') {
      const u = rollingUpdate(ds, nodes, podsByNode, history.hash, templateGeneration(ds), ctx.now);
      writes.push(...syncNodes(ds, u.podsToDelete, u.nodesToCreate, history.hash, ctx));
    }
    writes.push(...cleanupHistory(ds, history.old, podsByNode));
  }

  const status = daemonSetStatus(ds, nodes, podsByNode, history.hash, ctx.now);
  if (!jsonEqual(status, ds.status ?? {})) writes.push({ op: 'updateStatus', object: dropResourceVersion({ ...ds, status }), reason: 'StatusUpdate' });
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const at = earliest(claim.claimed.map((p) => podAvailableAt(p, minReady, ctx.now)));
  return at === undefined ? { writes } : { writes, requeueAfterMs: at - ctx.now };
}

/** cleanupHistory: drop the oldest revisions beyond revisionHistoryLimit that no pod uses. */
function cleanupHistory(ds: KubeObject, old: KubeObject[], podsByNode: Map<string, KubeObject[]>): Write[] {
  let toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return [];
  const live = new Set<string>();
  for (const pods of podsByNode.values()) for (const p of pods) if (p.metadata.labels?.[REVISION_HASH]) live.add(p.metadata.labels[REVISION_HASH]);
  const out: Write[] = [];
  for (const rev of [...old].sort((a, b) => Number(a.revision ?? 0) - Number(b.revision ?? 0))) {
    if (toKill <= 0) break;
    if (live.has(rev.metadata.labels?.[REVISION_HASH] ?? '')) continue;
    out.push({ op: 'delete', ref: { kind: 'ControllerRevision', namespace: rev.metadata.namespace ?? 'default', name: rev.metadata.name ?? '' }, reason: 'RevisionHistoryLimit' });
    toKill--;
  }
  return out;
}

function keysFor(event: WatchEvent, listers: Listers, previous?: KubeObject): string[] {
  const obj = event.object;
  if (event.kind === 'DaemonSet') return [keyOfObject(obj)];
  // A node change can change where every DaemonSet wants pods — but a status heartbeat cannot
  // (daemon_controller.go shouldIgnoreNodeUpdate).
  if (event.kind === 'Node') {
    if (event.type === 'MODIFIED' && previous && !nodeChangeMatters(previous, obj)) return [];
    return listers.list('DaemonSet').map(keyOfObject);
  }
  const ref = controllerRefOf(obj);
  const ns = obj.metadata.namespace ?? 'default';
  if (ref) return ref.kind === 'DaemonSet' ? [`${ns}/${ref.name}`] : [];
  if (event.type === 'DELETED') return [];
  return listers.list('DaemonSet', ns).filter((d) => matchesSelector(d.spec?.selector, obj.metadata.labels)).map(keyOfObject);
}

/** Labels, taints, unschedulable or readiness changed: where daemon pods belong may differ. */
function nodeChangeMatters(before: KubeObject, after: KubeObject): boolean {
  const ready = (n: KubeObject) => (n.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.status;
  return (
    JSON.stringify(before.metadata.labels ?? {}) !== JSON.stringify(after.metadata.labels ?? {}) ||
    JSON.stringify(before.spec ?? {}) !== JSON.stringify(after.spec ?? {}) ||
    ready(before) !== ready(after)
  );
}

export const daemonSetController: Controller = {
  name: 'daemonset-controller',
  watches: ['DaemonSet', 'Pod', 'Node', 'ControllerRevision'],
  keysFor,
  reconcile: syncDaemonSet,
  initialKeys: (listers) => listers.list('DaemonSet').map(keyOfObject),
};
