// The ResourceQuota admission check (plugin/pkg/admission/resourcequota/controller.go
// checkRequest, pkg/quota/v1/evaluator/core/pods.go Constraints): a create is refused when it
// would take any quota past status.hard, or when a quota limits cpu/memory and a container does
// not say how much it needs. On success the quotas' status.used is bumped, as the admission
// plugin does before the object is stored.
import type { KubeObject } from '../../api/types';
import { formatQuantity, parseQuantity, addQuantities } from './quantity';
import { objectUsage, quotaMatches } from './usage';

export type QuotaCheck =
  | { allowed: true; /** Quotas with status.used raised by the new object's usage. */ updatedQuotas: KubeObject[] }
  | { allowed: false; /** The API server's full error: `pods "x" is forbidden: ...`. */ message: string; /** Without the `... is forbidden: ` prefix. */ reason: string };

/** Resources whose quota makes every container state its value (the backward-compatible rule). */
const VALIDATION_SET = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** `pods "name" is forbidden: <reason>` (admission.NewForbidden). */
export function forbidden(obj: KubeObject, reason: string): string {
  const plural = `${obj.kind.toLowerCase()}s`;
  return `${plural} "${obj.metadata.name ?? obj.metadata.generateName ?? ''}" is forbidden: ${reason}`;
}

/** podEvaluator.Constraints: `must specify limits.cpu for: app; limits.memory for: app`. */
export function podConstraintError(pod: KubeObject, hardResources: string[]): string | undefined {
  const required = hardResources.filter((r) => VALIDATION_SET.includes(r));
  if (!required.length) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const requests = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
    const limits = c.resources?.limits ?? {};
    for (const r of required) {
      const [kindPart, res] = r.includes('.') ? r.split('.') : ['requests', r];
      const has = kindPart === 'limits' ? limits[res] !== undefined : requests[res] !== undefined;
      if (!has) missing.set(r, (missing.get(r) ?? new Set()).add(c.name));
    }
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

const pretty = (list: Record<string, string>) =>
  Object.keys(list)
    .sort()
    .map((k) => `${k}=${list[k]}`)
    .join(',');

/**
 * Admission of a new object against the namespace's quotas. `usage` overrides a quota's
 * status.used (keyed by quota name) when the caller tracks it elsewhere.
 */
export function checkQuota(obj: KubeObject, quotas: KubeObject[], usage?: Record<string, Record<string, string>>): QuotaCheck {
  const requested = objectUsage(obj);
  const updated: KubeObject[] = [];
  for (const quota of [...quotas].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))) {
    if (!quotaMatches(quota, obj)) continue;
    const name = quota.metadata.name ?? '';
    const hardSpec: Record<string, string> = quota.status?.hard ?? quota.spec?.hard ?? {};
    const hardKeys = Object.keys(quota.spec?.hard ?? hardSpec);
    if (obj.kind === 'Pod') {
      const err = podConstraintError(obj, hardKeys);
      if (err) return { allowed: false, reason: `failed quota: ${name}: ${err}`, message: forbidden(obj, `failed quota: ${name}: ${err}`) };
    }
    const relevant = Object.keys(requested).filter((k) => hardKeys.includes(k));
    if (!relevant.length) continue;
    const used: Record<string, string> = usage?.[name] ?? quota.status?.used;
    if (!quota.status?.hard || !used) {
      const reason = `status unknown for quota: ${name}, resource: ${relevant.sort().join(', ')}`;
      return { allowed: false, reason, message: forbidden(obj, reason) };
    }
    const exceeded: string[] = [];
    const newUsed: Record<string, string> = { ...used };
    for (const k of relevant) {
      const before = parseQuantity(used[k] ?? '0') ?? { value: 0, format: 'DecimalSI' as const };
      const after = addQuantities(before, requested[k]);
      const hard = parseQuantity(hardSpec[k]);
      if (hard && after.value > hard.value + 1e-9) exceeded.push(k);
      newUsed[k] = formatQuantity(after);
    }
    if (exceeded.length) {
      const req: Record<string, string> = {}, usedOut: Record<string, string> = {}, lim: Record<string, string> = {};
      for (const k of exceeded) {
        req[k] = formatQuantity(requested[k]);
        usedOut[k] = used[k] ?? '0';
        lim[k] = hardSpec[k];
      }
      const reason = `exceeded quota: ${name}, requested: ${pretty(req)}, used: ${pretty(usedOut)}, limited: ${pretty(lim)}`;
      return { allowed: false, reason, message: forbidden(obj, reason) };
    }
    updated.push({ ...quota, status: { ...quota.status, used: newUsed } });
  }
  return { allowed: true, updatedQuotas: updated };
}
