// Helpers of pkg/controller/deployment/util/deployment_util.go: surge/unavailable fenceposts,
// replica counts over ReplicaSets, revision and replica annotations, conditions, and how the
// new ReplicaSet is told apart from the old ones.
import type { KubeObject } from '../../api/types';
import { isoAt } from '../../core/time';
import { creationMs } from '../podutil/podState';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** Annotations a Deployment does not copy onto its ReplicaSets (annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, DEPRECATED_ROLLBACK_TO]);
/** The controller-manager's default limit on the revision-history annotation's length. */
export const MAX_REVISION_HISTORY_CHARS = 2000;

export const Reason = {
  NewRSAvailable: 'NewReplicaSetAvailable',
  TimedOut: 'ProgressDeadlineExceeded',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  NewReplicaSet: 'NewReplicaSetCreated',
  FoundNewRS: 'FoundNewReplicaSet',
  Paused: 'DeploymentPaused',
  Resumed: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

export interface DeploymentCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export const specReplicas = (o: KubeObject | undefined): number => (o ? (o.spec?.replicas ?? 1) : 0);
export const isRollingUpdate = (d: KubeObject): boolean => (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/** intstr.GetScaledValueFromIntOrPercent: percentages round up or down as asked. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v.trim());
  if (!m) return Number.isFinite(Number(v)) ? Number(v) : 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** apps/v1 defaults: 25% surge and 25% unavailable when the strategy leaves them out. */
function rollingParams(d: KubeObject): { maxSurge: number | string; maxUnavailable: number | string } {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return { maxSurge: ru.maxSurge ?? '25%', maxUnavailable: ru.maxUnavailable ?? '25%' };
}

/** ResolveFenceposts: surge rounds up, unavailable down; if both end up 0, unavailable is 1. */
export function resolveFenceposts(d: KubeObject): { surge: number; unavailable: number } {
  const desired = specReplicas(d);
  const p = rollingParams(d);
  const surge = scaledValue(p.maxSurge, desired, true);
  let unavailable = scaledValue(p.maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: KubeObject): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

export function maxUnavailable(d: KubeObject): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicas);
}

const sum = (rss: (KubeObject | undefined)[], f: (rs: KubeObject) => number): number =>
  rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
export const replicaCount = (rss: (KubeObject | undefined)[]) => sum(rss, (rs) => specReplicas(rs));
export const actualReplicaCount = (rss: (KubeObject | undefined)[]) => sum(rss, (rs) => rs.status?.replicas ?? 0);
export const readyReplicaCount = (rss: (KubeObject | undefined)[]) => sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
export const availableReplicaCount = (rss: (KubeObject | undefined)[]) => sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

/** NewRSNewReplicas: how far the new ReplicaSet may grow now. */
export function newRSNewReplicas(d: KubeObject, allRSs: (KubeObject | undefined)[], newRS: KubeObject): number {
  if (!isRollingUpdate(d)) return specReplicas(d);
  const surge = scaledValue(rollingParams(d).maxSurge, specReplicas(d), true);
  const current = replicaCount(allRSs);
  const maxTotal = specReplicas(d) + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, specReplicas(d) - specReplicas(newRS));
  return specReplicas(newRS) + up;
}

export function revisionOf(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[REVISION];
  const n = v === undefined ? 0 : Number(v);
  return Number.isInteger(n) ? n : 0;
}

export const maxRevision = (rss: KubeObject[]): number => rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);

const byCreation = (a: KubeObject, b: KubeObject): number => {
  const ta = creationMs(a) ?? 0;
  const tb = creationMs(b) ?? 0;
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
};
/** controller.ReplicaSetsByCreationTimestamp. */
export const sortByCreation = (rss: KubeObject[]): KubeObject[] => [...rss].sort(byCreation);
/** ReplicaSetsBySizeOlder / BySizeNewer: larger first, ties by age. */
export const sortBySizeOlder = (rss: KubeObject[]) => [...rss].sort((a, b) => specReplicas(b) - specReplicas(a) || byCreation(a, b));
export const sortBySizeNewer = (rss: KubeObject[]) => [...rss].sort((a, b) => specReplicas(b) - specReplicas(a) || byCreation(b, a));
/** ReplicaSetsByRevision: lowest revision first, ties by age. */
export const sortByRevision = (rss: KubeObject[]) => [...rss].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
export const filterActive = (rss: (KubeObject | undefined)[]): KubeObject[] => rss.filter((rs): rs is KubeObject => !!rs && specReplicas(rs) > 0);

/** Templates equal once the pod-template-hash label is ignored (EqualIgnoreHash). */
export function equalIgnoreHash(t1: any, t2: any): boolean {
  return JSON.stringify(normalizeTemplate(t1)) === JSON.stringify(normalizeTemplate(t2));
}

function normalizeTemplate(t: any): unknown {
  const copy = structuredClone(t ?? {});
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  }
  return sortDeep(copy);
}

function sortDeep(v: any): any {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const out: any = {};
    for (const k of Object.keys(v).sort()) {
      const x = v[k];
      // Semantic.DeepEqual treats empty and missing maps alike for our purposes.
      if (x === undefined || (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0)) continue;
      out[k] = sortDeep(x);
    }
    return out;
  }
  return v;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: KubeObject, rss: KubeObject[]): KubeObject | undefined {
  return sortByCreation(rss).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindActiveOrLatest: the only active ReplicaSet, the newest if none is active, else none. */
export function findActiveOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = sortByCreation(oldRSs).reverse();
  const active = filterActive([...olds, newRS]);
  if (active.length === 0) return newRS ?? olds[0];
  return active.length === 1 ? active[0] : undefined;
}

export function desiredReplicasAnnotation(rs: KubeObject): number | undefined {
  const v = rs.metadata.annotations?.[DESIRED_REPLICAS];
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) ? n : undefined;
}

export function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const want = specReplicas(d);
  return specReplicas(rs) === want && desired === want && (rs.status?.availableReplicas ?? 0) === want;
}

/** Sets desired-replicas and max-replicas on `rs` (mutates); true if anything changed. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}) });
  let changed = false;
  if (a[DESIRED_REPLICAS] !== String(desired)) {
    a[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS] !== String(max)) {
    a[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: KubeObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations (mutates `rs`): copies the Deployment's annotations, raises the
 * revision, keeps the revisions a rolled-back-to ReplicaSet had in revision-history, and for a
 * ReplicaSet about to be created adds the replica annotations.
 */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean): boolean {
  const a = (rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}) });
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const had = Object.prototype.hasOwnProperty.call(a, REVISION);
  const oldRevisionText = a[REVISION] ?? '';
  const oldRevision = oldRevisionText === '' ? 0 : Number(oldRevisionText);
  if (!Number.isInteger(oldRevision)) return false;
  if (oldRevision < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
    if (had) {
      const history = a[REVISION_HISTORY] ?? '';
      if (history === '') a[REVISION_HISTORY] = oldRevisionText;
      else {
        const parts = history.split(',');
        let total = history.length + oldRevisionText.length + 1;
        let start = 0;
        while (total > MAX_REVISION_HISTORY_CHARS && start < parts.length) total -= parts[start++].length + 1;
        if (total <= MAX_REVISION_HISTORY_CHARS) a[REVISION_HISTORY] = [...parts.slice(start), oldRevisionText].join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

export function getCondition(status: any, type: string): DeploymentCondition | undefined {
  return (status?.conditions as DeploymentCondition[] | undefined)?.find((c) => c.type === type);
}

export function newCondition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: number): DeploymentCondition {
  const t = isoAt(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** SetDeploymentCondition: same status and reason is a no-op; same status keeps the transition time. */
export function setCondition(status: any, cond: DeploymentCondition): void {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  const next = { ...cond };
  if (current && current.status === cond.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c: DeploymentCondition) => c.type !== cond.type), next];
}

export function removeCondition(status: any, type: string): void {
  const rest = (status.conditions ?? []).filter((c: DeploymentCondition) => c.type !== type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}

/** progressDeadlineSeconds defaults to 600; MaxInt32 means "no deadline". */
export function progressDeadline(d: KubeObject): number | undefined {
  const v = d.spec?.progressDeadlineSeconds ?? 600;
  return v === 2147483647 ? undefined : v;
}

export function deploymentComplete(d: KubeObject, status: any): boolean {
  const want = specReplicas(d);
  return (
    (status.updatedReplicas ?? 0) === want &&
    (status.replicas ?? 0) === want &&
    (status.availableReplicas ?? 0) === want &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  );
}

export function deploymentProgressing(d: KubeObject, next: any): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** lastUpdateTime + deadline strictly before now (DeploymentTimedOut). */
export function deploymentTimedOut(d: KubeObject, next: any, now: number, parse: (iso: string) => number | undefined): boolean {
  const deadline = progressDeadline(d);
  if (deadline === undefined) return false;
  const cond = getCondition(next, 'Progressing');
  if (!cond) return false;
  if (cond.reason === Reason.NewRSAvailable) return false;
  if (cond.reason === Reason.TimedOut) return true;
  const from = parse(cond.lastUpdateTime);
  return from !== undefined && from + deadline * 1000 < now;
}

/** Go's math.Round: halves away from zero (integer.RoundToInt32). */
export function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** GetReplicaSetProportion: this ReplicaSet's share of a scaling of the whole Deployment. */
export function replicaSetProportion(rs: KubeObject, d: KubeObject, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: KubeObject, d: KubeObject): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const maxNow = specReplicas(d) + maxSurge(d);
  const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS]);
  let before = Number.isInteger(annotated) ? annotated : 0;
  if (before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  return roundHalfAwayFromZero((specReplicas(rs) * maxNow) / before) - specReplicas(rs);
}
