// Turning kubectl's resource arguments into kinds and names, as cli-runtime's resource.Builder
// does (ResourceTypeOrNameArgs): `pods`, `pods web api`, `pods,svc`, `pod/web svc/web`,
// `deployment.apps`, and the `all` category. Errors are the builder's own words.
import { resolveResource, type KubeObject } from '../engine';
import type { KindInfo } from '../engine/api/kinds';
import { matchesParsed, parseSelectorString } from '../engine/api/selectors';
import { KubectlError, listKind, type KubectlContext } from './context';

export interface ResourceRequest {
  info: KindInfo;
  /** Names asked for; empty means "list them all". */
  names: string[];
}

/**
 * The `all` category as the API server's discovery declares it (categories: ["all"] on pods,
 * replicationcontrollers, services, daemonsets, deployments, replicasets, statefulsets,
 * horizontalpodautoscalers, cronjobs, jobs), in discovery order: core group first, then apps,
 * autoscaling and batch.
 */
export const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

export function resolveKind(word: string): KindInfo {
  const info = resolveResource(word);
  if (!info) throw new KubectlError(`error: the server doesn't have a resource type "${word}"`);
  return info;
}

function expandTypes(arg: string): KindInfo[] {
  const out: KindInfo[] = [];
  for (const w of arg.split(',')) {
    if (w === '') continue;
    if (w === 'all') out.push(...ALL_CATEGORY.map((p) => resolveResource(p)!).filter(Boolean));
    else out.push(resolveKind(w));
  }
  return out;
}

/** resource.MultipleTypesRequested: more than one type, or `all`, among the arguments. */
export function multipleTypesRequested(args: string[]): boolean {
  if (!args.length) return false;
  const types = new Set<string>();
  const first = args[0];
  const slashForm = args.every((a) => a.includes('/'));
  for (const a of slashForm ? args.map((x) => x.slice(0, x.indexOf('/'))) : [first]) {
    for (const t of a.split(',')) {
      if (t === 'all') return true;
      if (t) types.add(t);
    }
  }
  return types.size > 1;
}

/** Parses `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME...` into requests, in argument order. */
export function parseResourceArgs(args: string[]): ResourceRequest[] {
  if (!args.length) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
      );
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      const name = a.slice(slash + 1);
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const info = resolveKind(a.slice(0, slash));
      const prev = out.find((r) => r.info === info);
      if (prev) prev.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const infos = expandTypes(types);
  if (names.length && infos.length > 1) {
    throw new KubectlError(`error: you may only specify a single resource type`);
  }
  return infos.map((info) => ({ info, names: [...names] }));
}

export interface SelectOptions {
  namespace: string;
  allNamespaces: boolean;
  selector?: string;
  fieldSelector?: string;
}

/** A label-selector predicate from `-l`, or a kubectl error. */
export function labelFilter(selector: string | undefined): (o: KubeObject) => boolean {
  if (!selector) return () => true;
  const reqs = parseSelectorString(selector);
  if ('error' in reqs) throw new KubectlError(`error: ${reqs.error}`);
  return (o) => matchesParsed(reqs, o.metadata.labels);
}

/** `--field-selector`: the fields kubectl users filter on (metadata.name/namespace, spec.nodeName, status.phase). */
export function fieldFilter(selector: string | undefined): (o: KubeObject) => boolean {
  if (!selector) return () => true;
  const terms = selector.split(',').map((t) => {
    const m = /^([\w.]+)\s*(==|!=|=)\s*(.*)$/.exec(t.trim());
    if (!m) throw new KubectlError(`error: invalid selector: '${selector}'; can't understand '${t}'`);
    return { path: m[1], neg: m[2] === '!=', value: m[3] };
  });
  return (o) =>
    terms.every((t) => {
      const v = t.path.split('.').reduce<any>((acc, k) => (acc == null ? undefined : acc[k]), o);
      return (String(v ?? '') === t.value) !== t.neg;
    });
}

export interface Selection {
  /** Found objects, grouped in request order. */
  groups: { info: KindInfo; objects: KubeObject[] }[];
  /** NotFound errors for named objects that do not exist, in kubectl's words. */
  errors: string[];
}

export function notFoundText(info: KindInfo, name: string): string {
  const resource = info.group ? `${info.plural}.${info.group}` : info.plural;
  return `Error from server (NotFound): ${resource} "${name}" not found`;
}

export function selectObjects(ctx: KubectlContext, requests: ResourceRequest[], opts: SelectOptions): Selection {
  const byLabel = labelFilter(opts.selector);
  const byField = fieldFilter(opts.fieldSelector);
  const groups: Selection['groups'] = [];
  const errors: string[] = [];
  for (const req of requests) {
    const inScope = (o: KubeObject) => !req.info.namespaced || opts.allNamespaces || (o.metadata.namespace ?? '') === opts.namespace;
    const all = listKind(ctx, req.info.kind).filter((o) => sameGroup(o, req.info) && inScope(o));
    if (req.names.length) {
      const found: KubeObject[] = [];
      for (const n of req.names) {
        const o = all.find((x) => x.metadata.name === n && (!req.info.namespaced || (x.metadata.namespace ?? '') === opts.namespace));
        if (o) found.push(o);
        else errors.push(notFoundText(req.info, n));
      }
      groups.push({ info: req.info, objects: found });
    } else {
      groups.push({ info: req.info, objects: all.filter((o) => byLabel(o) && byField(o)) });
    }
  }
  return { groups, errors };
}

/** Objects stored under a kind name may come from another group (events.k8s.io Event): keep the asked one. */
function sameGroup(o: KubeObject, info: KindInfo): boolean {
  const slash = o.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : o.apiVersion.slice(0, slash);
  return group === info.group || (info.kind === 'Event' && info.group === '');
}
