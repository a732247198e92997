// The TTL-after-finished controller (pkg/controller/ttlafterfinished/ttlafterfinished_controller.go):
// a finished Job with spec.ttlSecondsAfterFinished is deleted that many seconds after its
// Complete/Failed condition, with Foreground propagation so its pods go first.
import type { Controller, Plan, ReconcileContext } from '../types';
import { splitKey } from '../gc/ownerRefs';
import { isJobFinished, jobFinishTime } from './jobStatus';

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const job = ctx.listers.get('Job', namespace, name);
  if (!job || job.metadata.deletionTimestamp) return { writes: [] };
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null || !isJobFinished(job)) return { writes: [] };
  const finishedAt = jobFinishTime(job);
  if (finishedAt === undefined) return { writes: [] };
  const expireAt = finishedAt + ttl * 1000;
  // A far-off expiry should not keep the simulation busy.
  if (ctx.now < expireAt) return { writes: [], requeueAfterMs: expireAt - ctx.now, background: true };
  return {
    writes: [
      {
        op: 'delete',
        ref: { kind: 'Job', namespace, name },
        reason: 'TTLExpired',
        propagationPolicy: 'Foreground',
        uid: job.metadata.uid,
      },
    ],
  };
}

export const ttlAfterFinishedController: Controller = {
  name: 'ttl-after-finished-controller',
  watches: ['Job'],
  keysFor: (event) => (event.type === 'DELETED' ? [] : [`${event.namespace}/${event.name}`]),
  reconcile,
  initialKeys: (listers) => listers.list('Job').map((j) => `${j.metadata.namespace}/${j.metadata.name}`),
};
