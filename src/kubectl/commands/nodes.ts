// kubectl taint / cordon / uncordon / drain (kubectl/pkg/cmd/taint, drain/drain.go,
// kubectl/pkg/drain/filters.go). Drain cordons the node, then evicts its pods in the
// simulation by deleting them (Kubeglass has no Eviction API: PodDisruptionBudgets are not
// consulted), refusing DaemonSet-managed and unmanaged pods unless told otherwise, as drain does.
import type { KubeObject } from '../../engine';
import { flagBool, flagString, type FlagSpec, type ParsedArgs } from '../args';
import { findObject, KubectlError, listKind, perform, type KubectlContext, type Output } from '../context';
import { parseResourceArgs } from '../resources';
import { SELECTOR_FLAGS } from './common';

export const TAINT_FLAGS: FlagSpec[] = [{ name: 'overwrite', type: 'bool' }, { name: 'all', type: 'bool' }, ...SELECTOR_FLAGS];
export const DRAIN_FLAGS: FlagSpec[] = [
  { name: 'ignore-daemonsets', type: 'bool' },
  { name: 'delete-emptydir-data', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'timeout', type: 'string' },
  { name: 'disable-eviction', type: 'bool' },
  { name: 'pod-selector', type: 'string' },
  ...SELECTOR_FLAGS,
];
export const CORDON_FLAGS: FlagSpec[] = [...SELECTOR_FLAGS];

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
type Effect = (typeof EFFECTS)[number];

function mustNode(ctx: KubectlContext, name: string): KubeObject {
  const n = findObject(ctx, 'Node', '', name);
  if (!n) throw new KubectlError(`Error from server (NotFound): nodes "${name}" not found`);
  return n;
}

/** taint.go parseTaints: `key[=value]:Effect` adds, `key[:Effect]-` removes. */
export function taintCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const [type, ...rest] = args.positional;
  if (!type) throw new KubectlError('error: at least one taint update is required');
  const specs = rest.filter((w) => w.includes(':') || w.includes('=') || w.endsWith('-'));
  const names = rest.filter((w) => !specs.includes(w));
  const req = parseResourceArgs([type, ...names]);
  if (req[0]?.info.kind !== 'Node') throw new KubectlError(`error: invalid resource type ${type}, only node types are supported`);
  if (!specs.length) throw new KubectlError('error: at least one taint update is required');
  const nodes = flagBool(args, 'all') ? listKind(ctx, 'Node') : req[0].names.map((n) => mustNode(ctx, n));
  for (const node of nodes) {
    let ok = true;
    let removed = false;
    for (const spec of specs) {
      if (spec.endsWith('-')) {
        const body = spec.slice(0, -1);
        const [key, effect] = body.split(':');
        if (effect && !EFFECTS.includes(effect as Effect)) throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
        const res = perform(ctx, out, { type: 'untaint', node: node.metadata.name ?? '', key, ...(effect ? { effect } : {}) });
        if (!res.ok && ctx.act) {
          out.fail(res.message);
          ok = false;
        }
        removed = true;
        continue;
      }
      const colon = spec.lastIndexOf(':');
      if (colon < 0) throw new KubectlError(`error: invalid taint spec: ${spec}, at least one taint update is required`);
      const effect = spec.slice(colon + 1);
      if (!EFFECTS.includes(effect as Effect)) throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
      const kv = spec.slice(0, colon);
      const eq = kv.indexOf('=');
      const key = eq < 0 ? kv : kv.slice(0, eq);
      const value = eq < 0 ? undefined : kv.slice(eq + 1);
      const existing = ((node.spec?.taints ?? []) as { key: string; value?: string; effect: string }[]).find((t) => t.key === key && t.effect === effect);
      if (existing && !flagBool(args, 'overwrite')) {
        out.fail(`error: node ${node.metadata.name} already has ${key} taint(s) with same effect(s) and --overwrite is false`);
        ok = false;
        continue;
      }
      if (existing && flagBool(args, 'overwrite')) perform(ctx, out, { type: 'untaint', node: node.metadata.name ?? '', key, effect });
      const res = perform(ctx, out, { type: 'taint', node: node.metadata.name ?? '', key, ...(value !== undefined ? { value } : {}), effect: effect as Effect });
      if (!res.ok && ctx.act) {
        out.fail(res.message);
        ok = false;
      }
    }
    if (ok) out.line(`node/${node.metadata.name} ${removed && specs.every((s) => s.endsWith('-')) ? 'untainted' : specs.some((s) => s.endsWith('-')) ? 'modified' : 'tainted'}`);
  }
}

function nodeArgs(args: ParsedArgs, ctx: KubectlContext, verb: string): KubeObject[] {
  const sel = flagString(args, 'selector');
  if (!args.positional.length && !sel) throw new KubectlError(`error: USAGE: ${verb} NODE [flags]\nSee '-h' for help and examples`);
  if (sel) return listKind(ctx, 'Node').filter((n) => sel.split(',').every((kv) => { const [k, v] = kv.split('='); return n.metadata.labels?.[k] === v; }));
  return args.positional.map((n) => mustNode(ctx, n.replace(/^(nodes?|no)\//, '')));
}

function cordonNode(ctx: KubectlContext, out: Output, node: KubeObject, want: boolean): boolean {
  const name = node.metadata.name ?? '';
  if (Boolean(node.spec?.unschedulable) === want) {
    out.line(`node/${name} already ${want ? 'cordoned' : 'uncordoned'}`);
    return true;
  }
  const res = perform(ctx, out, { type: want ? 'cordon' : 'uncordon', node: name });
  if (!res.ok && ctx.act) {
    out.fail(res.message);
    return false;
  }
  out.line(`node/${name} ${want ? 'cordoned' : 'uncordoned'}`);
  return true;
}

export function cordonCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  for (const n of nodeArgs(args, ctx, 'cordon')) cordonNode(ctx, out, n, true);
}

export function uncordonCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  for (const n of nodeArgs(args, ctx, 'uncordon')) cordonNode(ctx, out, n, false);
}

const podKey = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;

export function drainCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  for (const node of nodeArgs(args, ctx, 'drain')) {
    const name = node.metadata.name ?? '';
    if (!cordonNode(ctx, out, node, true)) continue;
    const pods = listKind(ctx, 'Pod').filter((p) => p.spec?.nodeName === name && !p.metadata.annotations?.['kubernetes.io/config.mirror']);
    const controller = (p: KubeObject) => (p.metadata.ownerReferences ?? []).find((r) => r.controller);
    const finished = (p: KubeObject) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    const daemon = pods.filter((p) => controller(p)?.kind === 'DaemonSet' && !finished(p));
    const unmanaged = pods.filter((p) => !controller(p) && !finished(p));
    const local = pods.filter((p) => !finished(p) && (p.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir) && controller(p)?.kind !== 'DaemonSet');
    const problems: string[] = [];
    if (daemon.length && !flagBool(args, 'ignore-daemonsets')) problems.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.map(podKey).join(', ')}`);
    if (unmanaged.length && !flagBool(args, 'force')) problems.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.map(podKey).join(', ')}`);
    if (local.length && !flagBool(args, 'delete-emptydir-data')) problems.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.map(podKey).join(', ')}`);
    if (problems.length) {
      const joined = problems.join(', ');
      out.fail(`error: unable to drain node "${name}" due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${problems.join('\n')}`);
      continue;
    }
    const warnings: string[] = [];
    if (daemon.length) warnings.push(`ignoring DaemonSet-managed Pods: ${daemon.map(podKey).join(', ')}`);
    if (unmanaged.length) warnings.push(`deleting Pods that declare no controller: ${unmanaged.map(podKey).join(', ')}`);
    if (warnings.length) out.err(`Warning: ${warnings.join('; ')}`);
    const evict = pods.filter((p) => !daemon.includes(p));
    for (const p of evict) out.line(`evicting pod ${podKey(p)}`);
    const grace = flagString(args, 'grace-period');
    for (const p of evict) {
      const res = perform(ctx, out, { type: 'delete', target: { kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name ?? '' }, ...(grace !== undefined && Number(grace) >= 0 ? { gracePeriodSeconds: Number(grace) } : {}) });
      if (!res.ok && ctx.act) out.fail(res.message);
      else out.line(`pod/${p.metadata.name} evicted`);
    }
    out.line(`node/${name} drained`);
  }
}
