// The resource quota controller (pkg/controller/resourcequota/resource_quota_controller.go
// syncResourceQuota): status.hard mirrors spec.hard and status.used is recomputed from the
// namespace's objects for every resource the quota limits.
import type { KubeObject, WatchEvent } from '../../api/types';
import { KINDS } from '../../api/kinds';
import type { Controller, Listers, Plan, ReconcileContext } from '../types';
import { splitKey } from '../gc/ownerRefs';
import { formatQuantity, parseQuantity } from './quantity';
import { addUsage, objectUsage, quotaMatches, type Usage } from './usage';

const NAMESPACED_KINDS = [...new Set(KINDS.filter((k) => k.namespaced && k.kind !== 'Event').map((k) => k.kind))];

/** Usage of every hard resource of the quota in its namespace (CalculateUsage). */
export function calculateUsage(quota: KubeObject, listers: Listers): Record<string, string> {
  const ns = quota.metadata.namespace ?? '';
  const hard: Record<string, string> = quota.spec?.hard ?? {};
  const wanted = new Set(Object.keys(hard));
  let usage: Usage = {};
  for (const kind of NAMESPACED_KINDS) {
    // Only list kinds something in `hard` can count.
    const objects = listers.list(kind, ns);
    if (!objects.length) continue;
    for (const obj of objects) {
      if (!quotaMatches(quota, obj)) continue;
      const u = objectUsage(obj);
      const masked: Usage = {};
      for (const [k, q] of Object.entries(u)) if (wanted.has(k)) masked[k] = q;
      if (Object.keys(masked).length) usage = addUsage(usage, masked);
    }
  }
  const used: Record<string, string> = {};
  for (const key of Object.keys(hard).sort()) used[key] = usage[key] ? formatQuantity(usage[key]) : '0';
  return used;
}

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const quota = ctx.listers.get('ResourceQuota', namespace, name);
  if (!quota) return { writes: [] };
  const hard: Record<string, string> = {};
  for (const k of Object.keys(quota.spec?.hard ?? {}).sort()) {
    const q = parseQuantity(quota.spec.hard[k]);
    hard[k] = q ? formatQuantity(q) : String(quota.spec.hard[k]);
  }
  const status = { hard, used: calculateUsage(quota, ctx.listers) };
  if (JSON.stringify(status) === JSON.stringify(quota.status ?? {})) return { writes: [] };
  return { writes: [{ op: 'updateStatus', object: { ...quota, status }, reason: 'QuotaUsageUpdated' }] };
}

function keysFor(event: WatchEvent, listers: Listers): string[] {
  if (event.kind === 'ResourceQuota') return event.type === 'DELETED' ? [] : [`${event.namespace}/${event.name}`];
  return listers.list('ResourceQuota', event.namespace).map((q) => `${event.namespace}/${q.metadata.name}`);
}

export const resourceQuotaController: Controller = {
  name: 'resourcequota-controller',
  watches: NAMESPACED_KINDS,
  keysFor,
  reconcile,
  initialKeys: (listers) => listers.list('ResourceQuota').map((q) => `${q.metadata.namespace}/${q.metadata.name}`),
};
