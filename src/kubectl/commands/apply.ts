// kubectl apply -f / create -f / delete (kubectl/pkg/cmd/apply, create, delete): files are
// read through the context (the console maps them to the editor buffer), each object becomes
// an apply action and each prints kubectl's one-line result.
import { parseManifests, type KubeObject } from '../../engine';
import { kindInfo } from '../../engine/api/kinds';
import { flagBool, flagList, flagString, type FlagSpec, type ParsedArgs } from '../args';
import { findObject, KubectlError, perform, type KubectlContext, type Output } from '../context';
import { resourceName } from '../format';
import { labelFilter, parseResourceArgs, selectObjects } from '../resources';
import { FILENAME_FLAG, namespaceOf, OUTPUT_FLAG, SELECTOR_FLAGS } from './common';

export const APPLY_FLAGS: FlagSpec[] = [FILENAME_FLAG, OUTPUT_FLAG, { name: 'dry-run', type: 'string' }, { name: 'server-side', type: 'bool' }, { name: 'force', type: 'bool' }, { name: 'prune', type: 'bool' }, { name: 'recursive', short: 'R', type: 'bool' }, { name: 'validate', type: 'string' }];
export const DELETE_FLAGS: FlagSpec[] = [
  FILENAME_FLAG,
  ...SELECTOR_FLAGS,
  OUTPUT_FLAG,
  { name: 'all', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'cascade', type: 'string' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'wait', type: 'bool' },
];

/** Reads and parses every `-f` file; kubectl's errors for missing files and bad documents. */
export function readManifests(args: ParsedArgs, ctx: KubectlContext, out: Output): { objects: KubeObject[]; sources: string[] } {
  const files = flagList(args, 'filename');
  const objects: KubeObject[] = [];
  const sources: string[] = [];
  for (const f of files) {
    const text = ctx.readFile?.(f);
    if (text === undefined) throw new KubectlError(`error: the path "${f}" does not exist`);
    const parsed = parseManifests(text, { file: f === '-' ? 'STDIN' : f });
    for (const d of parsed.diagnostics) {
      if (d.severity !== 'error') continue;
      out.fail(/^(error|Error)/.test(d.message) ? d.message : `error: ${d.message}`);
    }
    for (const d of parsed.documents) {
      objects.push(d.object);
      sources.push(f);
    }
  }
  return { objects, sources };
}

/** Applies the namespace flag to objects without one; kubectl refuses a conflicting one. */
function withNamespace(objects: KubeObject[], ns: string, explicit: boolean): KubeObject[] {
  return objects.map((o) => {
    if (!(kindInfo(o.kind)?.namespaced ?? true)) return o;
    const own = o.metadata?.namespace;
    if (own && explicit && own !== ns) {
      throw new KubectlError(`error: the namespace from the provided object "${own}" does not match the namespace "${ns}". You must pass '--namespace=${own}' to perform this operation.`);
    }
    return own ? o : { ...o, metadata: { ...o.metadata, namespace: ns } };
  });
}

function dryRunVerb(ctx: KubectlContext, o: KubeObject): string {
  const exists = findObject(ctx, o.kind, (kindInfo(o.kind)?.namespaced ?? true) ? o.metadata.namespace ?? 'default' : '', o.metadata.name ?? '');
  return exists ? 'configured' : 'created';
}

export function applyCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  if (!flagList(args, 'filename').length) throw new KubectlError('error: must specify one of -f and -k');
  const { objects } = readManifests(args, ctx, out);
  const list = withNamespace(objects, namespaceOf(args, ctx), args.flags.has('namespace'));
  const dry = flagString(args, 'dry-run');
  for (const o of list) {
    if (dry && dry !== 'none') {
      out.line(`${resourceName(o.kind, o.apiVersion, o.metadata.name ?? '')} ${dryRunVerb(ctx, o)} (${dry === 'server' ? 'server dry run' : 'dry run'})`);
      continue;
    }
    const res = perform(ctx, out, { type: 'apply', objects: [o] });
    if (!ctx.act) out.line(`${resourceName(o.kind, o.apiVersion, o.metadata.name ?? '')} ${dryRunVerb(ctx, o)}`);
    else if (res.ok) out.line(res.message);
    else out.fail(res.message);
  }
}

/** create -f: like apply, but an existing object is an AlreadyExists error (named after the file). */
export function createFromFiles(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const { objects, sources } = readManifests(args, ctx, out);
  const list = withNamespace(objects, namespaceOf(args, ctx), args.flags.has('namespace'));
  list.forEach((o, i) => {
    const info = kindInfo(o.kind);
    const ns = info?.namespaced ?? true ? o.metadata.namespace ?? 'default' : '';
    if (findObject(ctx, o.kind, ns, o.metadata.name ?? '')) {
      const resource = info ? (info.group ? `${info.plural}.${info.group}` : info.plural) : o.kind.toLowerCase();
      out.fail(`Error from server (AlreadyExists): error when creating "${sources[i]}": ${resource} "${o.metadata.name}" already exists`);
      return;
    }
    const res = perform(ctx, out, { type: 'apply', objects: [o] });
    if (res.ok || !ctx.act) out.line(`${resourceName(o.kind, o.apiVersion, o.metadata.name ?? '')} created`);
    else out.fail(res.message);
  });
}

const MISSING_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export function deleteCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const namespace = namespaceOf(args, ctx);
  const force = flagBool(args, 'force');
  const grace = flagString(args, 'grace-period');
  const gracePeriodSeconds = grace !== undefined ? Number(grace) : flagBool(args, 'now') ? 1 : undefined;
  const cascade = flagString(args, 'cascade') ?? 'background';
  const policy = cascade === 'orphan' || cascade === 'false' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background';
  let targets: KubeObject[] = [];
  if (flagList(args, 'filename').length) {
    const { objects } = readManifests(args, ctx, out);
    for (const o of withNamespace(objects, namespace, args.flags.has('namespace'))) {
      const info = kindInfo(o.kind);
      const live = findObject(ctx, o.kind, info?.namespaced ?? true ? o.metadata.namespace ?? namespace : '', o.metadata.name ?? '');
      if (live) targets.push(live);
      else if (!flagBool(args, 'ignore-not-found')) {
        const resource = info ? (info.group ? `${info.plural}.${info.group}` : info.plural) : o.kind.toLowerCase();
        out.fail(`Error from server (NotFound): error when deleting "${flagList(args, 'filename')[0]}": ${resource} "${o.metadata.name}" not found`);
      }
    }
  } else {
    if (!args.positional.length) throw new KubectlError(MISSING_RESOURCES);
    const requests = parseResourceArgs(args.positional);
    const selector = flagString(args, 'selector');
    const all = flagBool(args, 'all');
    if (requests.some((r) => !r.names.length) && !selector && !all && !flagString(args, 'field-selector')) {
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
    const sel = selectObjects(ctx, requests, { namespace, allNamespaces: flagBool(args, 'all-namespaces'), selector, fieldSelector: flagString(args, 'field-selector') });
    const match = labelFilter(selector);
    targets = sel.groups.flatMap((g) => g.objects).filter((o) => !selector || match(o));
    if (!flagBool(args, 'ignore-not-found')) for (const e of sel.errors) out.fail(e);
  }
  if (force && gracePeriodSeconds === undefined) out.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  if (!targets.length && out.exitCode === 0) {
    out.line('No resources found');
    return;
  }
  for (const o of targets) {
    const res = perform(ctx, out, {
      type: 'delete',
      target: { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' },
      propagationPolicy: policy,
      ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : force ? { gracePeriodSeconds: 0 } : {}),
    });
    if (!res.ok) {
      out.fail(res.message);
      continue;
    }
    const kind = resourceName(o.kind, o.apiVersion, '').slice(0, -1);
    if (flagString(args, 'output') === 'name') out.line(`${kind}/${o.metadata.name}`);
    else out.line(`${kind} "${o.metadata.name}" ${gracePeriodSeconds === 0 || (force && gracePeriodSeconds === undefined) ? 'force deleted' : 'deleted'}`);
  }
}
