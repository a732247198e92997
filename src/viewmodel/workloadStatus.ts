// Status words for workload controllers, as kubectl prints them: the READY/UP-TO-DATE/AVAILABLE
// columns of `kubectl get` (pkg/printers/internalversion/printers.go) and the rollout messages
// of `kubectl rollout status` (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go).
import type { KubeObject } from '../engine';
import { conditionTrue, type GraphStatus } from './graph';

export interface WorkloadStatus {
  status: GraphStatus;
  statusText: string;
  lines: string[];
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The deployment's rollout state, in the order rollout_status.go checks it. */
export function deploymentStatus(d: KubeObject): WorkloadStatus {
  const desired = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  const updated = num(s.updatedReplicas);
  const replicas = num(s.replicas);
  const available = num(s.availableReplicas);
  const ready = num(s.readyReplicas);
  const columns = `up-to-date ${updated} · available ${available}`;
  const progressing = (d.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
  let status: GraphStatus = 'progress';
  let rollout: string;
  if ((d.metadata.generation ?? 0) > num(s.observedGeneration)) rollout = 'waiting for spec update to be observed';
  else if (progressing?.reason === 'ProgressDeadlineExceeded') {
    status = 'error';
    rollout = 'exceeded its progress deadline';
  } else if (updated < desired) rollout = `${updated} of ${desired} new replicas updated`;
  else if (replicas > updated) rollout = `${replicas - updated} old replicas pending termination`;
  else if (available < updated) rollout = `${available} of ${updated} updated replicas available`;
  else {
    status = 'ok';
    rollout = 'successfully rolled out';
  }
  if (d.spec?.paused) {
    status = 'inactive';
    rollout = 'paused';
  }
  return { status, statusText: `${ready}/${desired} ready`, lines: [columns, rollout] };
}

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

export function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0) || 0;
}

/** DESIRED / CURRENT / READY of `kubectl get rs`. */
export function replicaSetStatus(rs: KubeObject): WorkloadStatus {
  const desired = rs.spec?.replicas ?? 1;
  const current = num(rs.status?.replicas);
  const ready = num(rs.status?.readyReplicas);
  const status: GraphStatus = desired === 0 && current === 0 ? 'inactive' : ready === desired && current === desired ? 'ok' : 'progress';
  return { status, statusText: `${ready}/${desired} ready`, lines: [`desired ${desired} · current ${current} · ready ${ready}`] };
}

/** DESIRED / CURRENT / READY / UP-TO-DATE / AVAILABLE of `kubectl get ds`. */
export function daemonSetStatus(ds: KubeObject): WorkloadStatus {
  const s = ds.status ?? {};
  const desired = num(s.desiredNumberScheduled);
  const ready = num(s.numberReady);
  const status: GraphStatus = ready === desired && num(s.updatedNumberScheduled) === desired ? 'ok' : 'progress';
  return {
    status,
    statusText: `${ready}/${desired} ready`,
    lines: [`desired ${desired} · current ${num(s.currentNumberScheduled)}`, `up-to-date ${num(s.updatedNumberScheduled)} · available ${num(s.numberAvailable)}`],
  };
}

/** READY of `kubectl get sts`, plus the update revision progress. */
export function statefulSetStatus(sts: KubeObject): WorkloadStatus {
  const desired = sts.spec?.replicas ?? 1;
  const s = sts.status ?? {};
  const ready = num(s.readyReplicas);
  const status: GraphStatus = ready === desired && num(s.currentReplicas ?? desired) >= desired ? 'ok' : 'progress';
  const lines = [`current ${num(s.currentReplicas)} · updated ${num(s.updatedReplicas)}`];
  if (sts.spec?.podManagementPolicy === 'Parallel') lines.push('podManagementPolicy Parallel');
  return { status, statusText: `${ready}/${desired} ready`, lines };
}

/** STATUS and COMPLETIONS of `kubectl get jobs` (printers.go printJob). */
export function jobStatus(job: KubeObject): WorkloadStatus {
  const succeeded = num(job.status?.succeeded);
  const completions = job.spec?.completions;
  const parallelism = job.spec?.parallelism ?? 1;
  const completionsText = completions != null ? `${succeeded}/${completions}` : `${succeeded}/1 of ${parallelism}`;
  let status: GraphStatus = 'progress';
  let statusText = 'Running';
  if (conditionTrue(job, 'Complete')) {
    status = 'ok';
    statusText = 'Complete';
  } else if (conditionTrue(job, 'Failed')) {
    status = 'error';
    statusText = 'Failed';
  } else if (conditionTrue(job, 'Suspended')) {
    status = 'inactive';
    statusText = 'Suspended';
  }
  const lines = [`completions ${completionsText}`];
  const failed = num(job.status?.failed);
  if (failed) lines.push(`failed ${failed}`);
  return { status, statusText, lines };
}

/** SCHEDULE / SUSPEND / ACTIVE / LAST SCHEDULE of `kubectl get cronjobs`. */
export function cronJobStatus(cj: KubeObject): WorkloadStatus {
  const active = (cj.status?.active ?? []).length;
  const suspended = Boolean(cj.spec?.suspend);
  const lines = [`schedule ${cj.spec?.schedule ?? ''}`];
  if (cj.status?.lastScheduleTime) lines.push(`last schedule ${cj.status.lastScheduleTime}`);
  return {
    status: suspended ? 'inactive' : active > 0 ? 'progress' : 'neutral',
    statusText: suspended ? 'suspend True' : `active ${active}`,
    lines,
  };
}

export function claimStatus(pvc: KubeObject): WorkloadStatus {
  const phase: string = pvc.status?.phase ?? 'Pending';
  const status: GraphStatus = phase === 'Bound' ? 'ok' : phase === 'Lost' ? 'error' : 'warning';
  const lines = [[pvc.spec?.resources?.requests?.storage, pvc.spec?.storageClassName].filter(Boolean).join(' · ')].filter(Boolean);
  return { status, statusText: phase, lines };
}
