// kubectl scale, set image, label, annotate (kubectl/pkg/cmd/scale, set/set_image.go,
// label/label.go, annotate/annotate.go): each maps onto one engine action per object and
// prints the engine's kubectl-worded result.
import type { KubeObject } from '../../engine';
import { flagBool, flagString, type FlagSpec, type ParsedArgs } from '../args';
import { KubectlError, perform, type KubectlContext, type Output } from '../context';
import { resourceName } from '../format';
import { parseResourceArgs, selectObjects } from '../resources';
import { namespaceOf, OUTPUT_FLAG, SELECTOR_FLAGS } from './common';

export const SCALE_FLAGS: FlagSpec[] = [...SELECTOR_FLAGS, { name: 'replicas', type: 'int' }, { name: 'current-replicas', type: 'int' }, { name: 'all', type: 'bool' }, OUTPUT_FLAG];
export const LABEL_FLAGS: FlagSpec[] = [...SELECTOR_FLAGS, { name: 'overwrite', type: 'bool' }, { name: 'all', type: 'bool' }, { name: 'list', type: 'bool' }, OUTPUT_FLAG];
export const SET_IMAGE_FLAGS: FlagSpec[] = [...SELECTOR_FLAGS, { name: 'all', type: 'bool' }, OUTPUT_FLAG];

const target = (o: KubeObject) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' });
const nameOf = (o: KubeObject) => resourceName(o.kind, o.apiVersion, o.metadata.name ?? '');

/** Objects named by TYPE NAME... / TYPE/NAME... or TYPE -l selector / --all; NotFound errors go to stderr. */
export function objectsFor(args: ParsedArgs, ctx: KubectlContext, out: Output, positional: string[]): KubeObject[] {
  const requests = parseResourceArgs(positional);
  if (!requests.length) throw new KubectlError('error: You must provide one or more resources by argument or filename.');
  const selector = flagString(args, 'selector');
  if (requests.some((r) => !r.names.length) && !selector && !flagBool(args, 'all')) {
    throw new KubectlError('error: resource(s) were provided, but no name was specified');
  }
  const sel = selectObjects(ctx, requests, { namespace: namespaceOf(args, ctx), allNamespaces: flagBool(args, 'all-namespaces'), selector });
  for (const e of sel.errors) out.fail(e);
  return sel.groups.flatMap((g) => g.objects);
}

function report(out: Output, res: { ok: boolean; message: string }, fallback: string, ctx: KubectlContext): void {
  if (!ctx.act) out.line(fallback);
  else if (res.ok) out.line(res.message || fallback);
  else out.fail(res.message);
}

export function scaleCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const replicas = flagString(args, 'replicas');
  if (replicas === undefined) throw new KubectlError('error: required flag(s) "replicas" not set');
  if (Number(replicas) < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const objects = objectsFor(args, ctx, out, args.positional);
  const current = flagString(args, 'current-replicas');
  for (const o of objects) {
    if (current !== undefined && String(o.spec?.replicas ?? 0) !== current) {
      out.fail(`error: Expected replicas to be ${current}, was ${o.spec?.replicas ?? 0}`);
      continue;
    }
    const res = perform(ctx, out, { type: 'scale', target: target(o), replicas: Number(replicas) });
    report(out, res, `${nameOf(o)} scaled`, ctx);
  }
}

/** `key=value` sets, `key-` removes (label.go parseLabels / annotate.go parseAnnotations). */
export function parseKeyValues(words: string[], what: 'label' | 'annotation'): { changes: Record<string, string | null>; rest: string[] } {
  const changes: Record<string, string | null> = {};
  const rest: string[] = [];
  for (const w of words) {
    if (w.includes('=')) {
      const i = w.indexOf('=');
      const key = w.slice(0, i);
      if (!key) throw new KubectlError(`error: invalid ${what} spec: ${w}`);
      changes[key] = w.slice(i + 1);
    } else if (w.endsWith('-')) {
      changes[w.slice(0, -1)] = null;
    } else rest.push(w);
  }
  if (!Object.keys(changes).length) throw new KubectlError(`error: at least one ${what} update is required`);
  return { changes, rest };
}

function labelOrAnnotate(kind: 'label' | 'annotate', args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const what = kind === 'label' ? 'label' : 'annotation';
  const { changes, rest } = parseKeyValues(args.positional.slice(1), what);
  const objects = objectsFor(args, ctx, out, [args.positional[0], ...rest].filter(Boolean));
  const overwrite = flagBool(args, 'overwrite');
  for (const o of objects) {
    const current = (kind === 'label' ? o.metadata.labels : o.metadata.annotations) ?? {};
    const unchanged = Object.entries(changes).every(([k, v]) => (v === null ? !(k in current) : current[k] === v));
    const conflict = Object.entries(changes).find(([k, v]) => v !== null && k in current && current[k] !== v);
    if (conflict && !overwrite) {
      out.fail(`error: '${conflict[0]}' already has a value (${current[conflict[0]]}), and --overwrite is false`);
      continue;
    }
    // label.go updateDataChangeMsg: "not labeled" when nothing changes, "unlabeled" when labels only go away.
    const removedOnly = Object.values(changes).every((v) => v === null);
    const msg = kind === 'annotate' ? 'annotated' : unchanged ? 'not labeled' : removedOnly && !overwrite ? 'unlabeled' : 'labeled';
    if (unchanged) {
      out.line(`${nameOf(o)} ${msg}`);
      continue;
    }
    const action = kind === 'label'
      ? { type: 'label' as const, target: target(o), labels: changes, overwrite }
      : { type: 'annotate' as const, target: target(o), annotations: changes, overwrite };
    const res = perform(ctx, out, action);
    if (res.ok || !ctx.act) out.line(`${nameOf(o)} ${msg}`);
    else out.fail(res.message);
  }
}

export const labelCommand = (a: ParsedArgs, c: KubectlContext, o: Output) => labelOrAnnotate('label', a, c, o);
export const annotateCommand = (a: ParsedArgs, c: KubectlContext, o: Output) => labelOrAnnotate('annotate', a, c, o);

/** kubectl set image TYPE/NAME container=image ... (`*` sets every container). */
export function setImageCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const specs = args.positional.filter((w) => w.includes('='));
  const res = args.positional.filter((w) => !w.includes('='));
  if (!specs.length) throw new KubectlError('error: at least one image update is required');
  const objects = objectsFor(args, ctx, out, res);
  for (const o of objects) {
    const spec = o.kind === 'Pod' ? o.spec : o.spec?.template?.spec ?? o.spec?.jobTemplate?.spec?.template?.spec;
    const names = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c: { name: string }) => c.name);
    let changed = false;
    for (const s of specs) {
      const i = s.indexOf('=');
      const container = s.slice(0, i);
      const image = s.slice(i + 1);
      const targets = container === '*' ? names : [container];
      for (const c of targets) {
        const before = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].find((x: { name: string }) => x.name === c);
        if (before && before.image === image) continue;
        const r = perform(ctx, out, { type: 'set-image', target: target(o), container: c, image });
        if (!r.ok && ctx.act) {
          out.fail(r.message);
          return;
        }
        changed = true;
      }
    }
    // set_image.go prints "image updated" once per object that changed.
    if (changed) out.line(`${nameOf(o)} image updated`);
  }
}
