// The LimitRanger admission plugin (plugin/pkg/admission/limitranger/admission.go): fills in
// container requests/limits from a namespace's LimitRanges (defaultRequest, default), records
// what it set in the `kubernetes.io/limit-ranger` annotation, and refuses pods outside
// min/max/maxLimitRequestRatio with the plugin's messages.
import type { KubeObject } from '../../api/types';
import { formatQuantity, parseQuantity, type Quantity } from './quantity';
import { forbidden } from './admission';
import { podResources } from './usage';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type ResourceList = Record<string, string>;

interface LimitItem {
  type: string;
  max?: ResourceList;
  min?: ResourceList;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  maxLimitRequestRatio?: ResourceList;
}

/** SetDefaults_LimitRangeItem: default <- max, defaultRequest <- default, then <- min. */
export function defaultedLimitItem(item: LimitItem): LimitItem {
  if (item.type !== 'Container') return item;
  const def: ResourceList = { ...(item.default ?? {}) };
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
  const req: ResourceList = { ...(item.defaultRequest ?? {}) };
  for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in req)) req[k] = v;
  return { ...item, default: def, defaultRequest: req };
}

function containerItems(limitRanges: KubeObject[]): LimitItem[] {
  return limitRanges.flatMap((lr) => (lr.spec?.limits ?? []) as LimitItem[]).filter((i) => i.type === 'Container').map(defaultedLimitItem);
}

/**
 * Applies defaults to a pod (mergeContainerResources). Returns a new pod; the annotation reads
 * `LimitRanger plugin set: cpu, memory request for container app; cpu limit for container app`.
 */
export function applyLimitRangeDefaults(pod: KubeObject, limitRanges: KubeObject[]): KubeObject {
  const items = containerItems(limitRanges);
  if (!items.length) return pod;
  const requests: ResourceList = {};
  const limits: ResourceList = {};
  for (const item of items) {
    Object.assign(requests, item.defaultRequest ?? {});
    Object.assign(limits, item.default ?? {});
  }
  const next = structuredClone(pod);
  const notes: string[] = [];
  const merge = (c: { name: string; resources?: { requests?: ResourceList; limits?: ResourceList } }, prefix: string) => {
    c.resources = c.resources ?? {};
    // Pod defaulting already made a lone limit the request.
    const req: ResourceList = { ...(c.resources.limits ?? {}), ...(c.resources.requests ?? {}) };
    const lim: ResourceList = { ...(c.resources.limits ?? {}) };
    const setReq: string[] = [];
    const setLim: string[] = [];
    for (const [k, v] of Object.entries(limits)) {
      if (k in lim) continue;
      lim[k] = v;
      setLim.push(k);
    }
    for (const [k, v] of Object.entries(requests)) {
      if (k in req) continue;
      req[k] = v;
      setReq.push(k);
    }
    if (Object.keys(req).length) c.resources.requests = req;
    if (Object.keys(lim).length) c.resources.limits = lim;
    if (setReq.length) notes.push(`${setReq.sort().join(', ')} request for ${prefix} ${c.name}`);
    if (setLim.length) notes.push(`${setLim.sort().join(', ')} limit for ${prefix} ${c.name}`);
  };
  for (const c of next.spec?.containers ?? []) merge(c, 'container');
  for (const c of next.spec?.initContainers ?? []) merge(c, 'init container');
  if (notes.length) {
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
  }
  return next;
}

const str = (q: Quantity | undefined, raw?: string) => raw ?? (q ? formatQuantity(q) : '');

function minConstraint(limitType: string, res: string, enforcedRaw: string, req?: string, lim?: string): string | undefined {
  const enforced = parseQuantity(enforcedRaw)!;
  if (req === undefined) return `minimum ${res} usage per ${limitType} is ${str(enforced)}.  No request is specified`;
  if (parseQuantity(req)!.value < enforced.value) return `minimum ${res} usage per ${limitType} is ${str(enforced)}, but request is ${str(parseQuantity(req))}`;
  if (lim !== undefined && parseQuantity(lim)!.value < enforced.value) return `minimum ${res} usage per ${limitType} is ${str(enforced)}, but limit is ${str(parseQuantity(lim))}`;
  return undefined;
}

function maxConstraint(limitType: string, res: string, enforcedRaw: string, req?: string, lim?: string): string | undefined {
  const enforced = parseQuantity(enforcedRaw)!;
  if (lim === undefined) return `maximum ${res} usage per ${limitType} is ${str(enforced)}.  No limit is specified`;
  if (parseQuantity(lim)!.value > enforced.value) return `maximum ${res} usage per ${limitType} is ${str(enforced)}, but limit is ${str(parseQuantity(lim))}`;
  if (req !== undefined && parseQuantity(req)!.value > enforced.value) return `maximum ${res} usage per ${limitType} is ${str(enforced)}, but request is ${str(parseQuantity(req))}`;
  return undefined;
}

function ratioConstraint(limitType: string, res: string, enforcedRaw: string, req?: string, lim?: string): string | undefined {
  const enforced = parseQuantity(enforcedRaw)!;
  const r = req === undefined ? 0 : parseQuantity(req)!.value;
  const l = lim === undefined ? 0 : parseQuantity(lim)!.value;
  if (r === 0) return `${res} max limit to request ratio per ${limitType} is ${str(enforced)}, but no request is specified or request is 0`;
  if (l === 0) return `${res} max limit to request ratio per ${limitType} is ${str(enforced)}, but no limit is specified or limit is 0`;
  const ratio = l / r;
  if (ratio > enforced.value + 1e-9) return `${res} max limit to request ratio per ${limitType} is ${str(enforced)}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
}

/** PodValidateLimitFunc: the violations, in upstream order (per item: min, max, ratio per resource). */
export function limitRangeViolations(pod: KubeObject, limitRanges: KubeObject[]): string[] {
  const errs: string[] = [];
  const items = limitRanges.flatMap((lr) => (lr.spec?.limits ?? []) as LimitItem[]);
  for (const item of items) {
    if (item.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        const req: ResourceList = c.resources?.requests ?? {};
        const lim: ResourceList = c.resources?.limits ?? {};
        for (const [k, v] of Object.entries(item.min ?? {})) push(errs, minConstraint('Container', k, v, req[k], lim[k]));
        for (const [k, v] of Object.entries(item.max ?? {})) push(errs, maxConstraint('Container', k, v, req[k], lim[k]));
        for (const [k, v] of Object.entries(item.maxLimitRequestRatio ?? {})) push(errs, ratioConstraint('Container', k, v, req[k], lim[k]));
      }
    } else if (item.type === 'Pod') {
      const req = toStrings(podResources(pod, 'requests'));
      const lim = toStrings(podResources(pod, 'limits'));
      for (const [k, v] of Object.entries(item.min ?? {})) push(errs, minConstraint('Pod', k, v, req[k], lim[k]));
      for (const [k, v] of Object.entries(item.max ?? {})) push(errs, maxConstraint('Pod', k, v, req[k], lim[k]));
      for (const [k, v] of Object.entries(item.maxLimitRequestRatio ?? {})) push(errs, ratioConstraint('Pod', k, v, req[k], lim[k]));
    }
  }
  return errs;
}

function toStrings(list: Record<string, Quantity>): ResourceList {
  const out: ResourceList = {};
  for (const [k, q] of Object.entries(list)) out[k] = formatQuantity(q);
  return out;
}

function push(errs: string[], e: string | undefined) {
  if (e) errs.push(e);
}

/** The API server's error for a violating pod (utilerrors.NewAggregate: one message, or `[a, b]`). */
export function limitRangeError(pod: KubeObject, limitRanges: KubeObject[]): string | undefined {
  const errs = limitRangeViolations(pod, limitRanges);
  if (!errs.length) return undefined;
  return forbidden(pod, errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
}
