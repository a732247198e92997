// What `kubectl rollout undo|restart|pause|resume deployment` do to a Deployment
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go, objectrestarter.go,
// objectpauser.go, objectresumer.go). Pure: the caller applies the returned object as an update.
import type { KubeObject } from '../../api/types';
import { controllerRefOf } from '../podutil/ownership';
import { ANNOTATIONS_TO_SKIP, POD_TEMPLATE_HASH, equalIgnoreHash, findNewReplicaSet, revisionOf } from './deploymentUtil';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export type RolloutResult =
  | { ok: true; changed: true; object: KubeObject; message: string }
  /** Nothing to write (e.g. skipped rollback); message is kubectl's output line. */
  | { ok: true; changed: false; object: KubeObject; message: string }
  /** error is the line kubectl prints, `error: ...` included. */
  | { ok: false; error: string };

const resourceName = (d: KubeObject) => `deployment.apps/${d.metadata.name}`;
const quoted = (d: KubeObject) => `deployments.apps "${d.metadata.name}"`;

/** The ReplicaSets a Deployment controls (what kubectl's GetAllReplicaSets finds). */
export function replicaSetsOf(d: KubeObject, replicaSets: KubeObject[]): KubeObject[] {
  return replicaSets.filter((rs) => controllerRefOf(rs)?.uid === d.metadata.uid);
}

/**
 * `kubectl rollout undo deployment/<name> [--to-revision=N]`. toRevision 0 or undefined means
 * the previous revision. Copies the ReplicaSet's template (without pod-template-hash) and its
 * annotations (except revision bookkeeping) onto the Deployment.
 */
export function rolloutUndo(d: KubeObject, replicaSets: KubeObject[], toRevision?: number): RolloutResult {
  const to = toRevision ?? 0;
  if (to < 0) return { ok: false, error: `error: unable to find specified revision ${to} in history` };
  const owned = replicaSetsOf(d, replicaSets);
  let target: KubeObject | undefined;
  if (to > 0) {
    target = owned.find((rs) => hasRevision(rs) && revisionOf(rs) === to);
    if (!target) return { ok: false, error: `error: unable to find specified revision ${to} in history` };
  } else {
    let latest: KubeObject | undefined;
    let latestRev = -1;
    let previousRev = -1;
    // Same order as kubectl: old sets, then the new one; the two highest revisions win.
    const newRS = findNewReplicaSet(d, owned);
    for (const rs of [...owned.filter((r) => r !== newRS), ...(newRS ? [newRS] : [])]) {
      if (!hasRevision(rs)) continue;
      const v = revisionOf(rs);
      if (latestRev < v) {
        previousRev = latestRev;
        target = latest;
        latestRev = v;
        latest = rs;
      } else if (previousRev < v) {
        previousRev = v;
        target = rs;
      }
    }
    if (!target) return { ok: false, error: `error: no rollout history found for deployment "${d.metadata.name}"` };
  }
  if (d.spec?.paused) {
    return {
      ok: false,
      error: `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again`,
    };
  }
  if (equalIgnoreHash(target.spec?.template, d.spec?.template)) {
    return { ok: true, changed: false, object: d, message: `${resourceName(d)} skipped rollback (current template already matches revision ${to})` };
  }
  const template = structuredClone(target.spec?.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const object: KubeObject = { ...d, metadata: { ...d.metadata, annotations }, spec: { ...d.spec, template } };
  return { ok: true, changed: true, object, message: `${resourceName(d)} rolled back` };
}

function hasRevision(rs: KubeObject): boolean {
  const v = rs.metadata.annotations?.['deployment.kubernetes.io/revision'];
  return v !== undefined && Number.isInteger(Number(v)) && v !== '';
}

/** `kubectl rollout restart`: stamps the template with restartedAt (RFC 3339, from the caller). */
export function rolloutRestart(d: KubeObject, restartedAt: string): RolloutResult {
  if (d.spec?.paused) return { ok: false, error: `error: ${quoted(d)} can't restart paused deployment (run rollout resume first)` };
  const template = structuredClone(d.spec?.template ?? {});
  template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), [RESTARTED_AT]: restartedAt } };
  return { ok: true, changed: true, object: { ...d, spec: { ...d.spec, template } }, message: `${resourceName(d)} restarted` };
}

export function rolloutPause(d: KubeObject): RolloutResult {
  if (d.spec?.paused) return { ok: false, error: `error: ${quoted(d)} is already paused` };
  return { ok: true, changed: true, object: { ...d, spec: { ...d.spec, paused: true } }, message: `${resourceName(d)} paused` };
}

export function rolloutResume(d: KubeObject): RolloutResult {
  if (!d.spec?.paused) return { ok: false, error: `error: ${quoted(d)} is not paused` };
  const spec = { ...d.spec };
  delete spec.paused;
  return { ok: true, changed: true, object: { ...d, spec }, message: `${resourceName(d)} resumed` };
}
