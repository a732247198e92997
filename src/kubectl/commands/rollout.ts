// kubectl rollout status|history|undo|restart|pause|resume (kubectl/pkg/cmd/rollout and
// polymorphichelpers: rollout_status.go status texts, history.go, objectpauser.go,
// objectrestarter.go). Status prints the current line; with --watch (the default) the console
// keeps printing new lines as the rollout plays out, until it completes.
import type { KubeObject, WatchEvent } from '../../engine';
import { REVISION } from '../../engine/controllers/deployment/deploymentUtil';
import { flagBool, flagString, type FlagSpec, type ParsedArgs } from '../args';
import { KubectlError, listKind, perform, type KubectlContext, type Output } from '../context';
import { resourceName } from '../format';
import { describePodTemplate } from '../describe/containers';
import { DescribeWriter } from '../describe/writer';
import { tabwrite, DESCRIBE_TABWRITER } from '../tabwriter';
import type { KubectlWatch } from '../watch';
import { objectsFor } from './workload';

export const ROLLOUT_FLAGS: FlagSpec[] = [
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'revision', type: 'int' },
  { name: 'to-revision', type: 'int' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
];

export const ROLLOUT_SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

const plural = (o: KubeObject) => `${{ Deployment: 'deployments', DaemonSet: 'daemonsets', StatefulSet: 'statefulsets' }[o.kind] ?? `${o.kind.toLowerCase()}s`}${o.apiVersion.includes('/') ? `.${o.apiVersion.split('/')[0]}` : ''}`;

/** One status line and whether the rollout is done (rollout_status.go). */
export function rolloutStatus(o: KubeObject): { text: string; done: boolean; error?: boolean } {
  const s = o.status ?? {};
  const name = o.metadata.name;
  const observed = (o.metadata.generation ?? 0) <= (s.observedGeneration ?? 0);
  if (o.kind === 'Deployment') {
    if (!observed) return { text: 'Waiting for deployment spec update to be observed...', done: false };
    const cond = (s.conditions ?? []).find((c: any) => c.type === 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') return { text: `error: deployment "${name}" exceeded its progress deadline`, done: true, error: true };
    const want = o.spec?.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    if (updated < want) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`, done: false };
    if ((s.replicas ?? 0) > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...`, done: false };
    if ((s.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...`, done: false };
    return { text: `deployment "${name}" successfully rolled out`, done: true };
  }
  if (o.kind === 'DaemonSet') {
    if (o.spec?.updateStrategy?.type === 'OnDelete') return { text: 'error: rollout status is only available for RollingUpdate strategy type', done: true, error: true };
    if (!observed) return { text: 'Waiting for daemon set spec update to be observed...', done: false };
    if ((s.updatedNumberScheduled ?? 0) < (s.desiredNumberScheduled ?? 0)) return { text: `Waiting for daemon set "${name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${s.desiredNumberScheduled ?? 0} new pods have been updated...`, done: false };
    if ((s.numberAvailable ?? 0) < (s.desiredNumberScheduled ?? 0)) return { text: `Waiting for daemon set "${name}" rollout to finish: ${s.numberAvailable ?? 0} of ${s.desiredNumberScheduled ?? 0} updated pods are available...`, done: false };
    return { text: `daemon set "${name}" successfully rolled out`, done: true };
  }
  if (o.kind === 'StatefulSet') {
    if (!observed) return { text: 'Waiting for statefulset spec update to be observed...', done: false };
    const want = o.spec?.replicas ?? 1;
    if ((s.readyReplicas ?? 0) < want) return { text: `Waiting for ${want - (s.readyReplicas ?? 0)} pods to be ready...`, done: false };
    if (s.updateRevision !== s.currentRevision) return { text: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision}...`, done: false };
    return { text: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision}...`, done: true };
  }
  throw new KubectlError(`error: no status viewer has been implemented for ${o.kind}`);
}

class RolloutStatusWatch implements KubectlWatch {
  finished = false;
  private lastLine: string;
  private last: number;

  constructor(private readonly obj: KubeObject, line: string, afterEvent: number) {
    this.lastLine = line;
    this.last = afterEvent;
  }

  next(events: readonly WatchEvent[], upTo = events.length - 1): string {
    let text = '';
    for (let i = this.last + 1; i <= upTo && i < events.length && !this.finished; i++) {
      const e = events[i];
      if (e.kind !== this.obj.kind || e.name !== this.obj.metadata.name || e.namespace !== (this.obj.metadata.namespace ?? '')) continue;
      const st = rolloutStatus(e.object);
      if (st.text !== this.lastLine) text += `${st.text}\n`;
      this.lastLine = st.text;
      if (st.done) this.finished = true;
    }
    this.last = Math.max(this.last, upTo);
    return text;
  }
}

function revisions(ctx: KubectlContext, o: KubeObject): { revision: number; obj: KubeObject }[] {
  const ownedBy = (x: KubeObject) => (x.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === o.metadata.uid);
  if (o.kind === 'Deployment') {
    return listKind(ctx, 'ReplicaSet')
      .filter((rs) => rs.metadata.namespace === o.metadata.namespace && ownedBy(rs) && rs.metadata.annotations?.[REVISION])
      .map((rs) => ({ revision: Number(rs.metadata.annotations![REVISION]), obj: rs }))
      .sort((a, b) => a.revision - b.revision);
  }
  if (o.kind === 'DaemonSet' || o.kind === 'StatefulSet') {
    return listKind(ctx, 'ControllerRevision')
      .filter((cr) => cr.metadata.namespace === o.metadata.namespace && ownedBy(cr))
      .map((cr) => ({ revision: Number(cr.revision ?? 0), obj: cr }))
      .sort((a, b) => a.revision - b.revision);
  }
  throw new KubectlError(`error: no history viewer has been implemented for "${o.kind}"`);
}

function history(args: ParsedArgs, ctx: KubectlContext, out: Output, o: KubeObject): void {
  const revs = revisions(ctx, o);
  const want = flagString(args, 'revision');
  const name = resourceName(o.kind, o.apiVersion, o.metadata.name ?? '');
  if (want !== undefined && Number(want) > 0) {
    const r = revs.find((x) => x.revision === Number(want));
    if (!r) throw new KubectlError('error: unable to find the specified revision');
    const w = new DescribeWriter();
    describePodTemplate(w, r.obj.kind === 'ReplicaSet' ? r.obj.spec?.template : (r.obj.data as any)?.spec?.template);
    out.out(`${name} with revision #${want}\n${w.text()}`);
    return;
  }
  const table = ['REVISION\tCHANGE-CAUSE', ...revs.map((r) => `${r.revision}\t${r.obj.metadata.annotations?.['kubernetes.io/change-cause'] || '<none>'}`)].join('\n');
  out.out(`${name} \n${tabwrite(`${table}\n`, DESCRIBE_TABWRITER)}\n`);
}

export function rolloutCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const [sub, ...rest] = args.positional;
  if (!sub) throw new KubectlError(`error: You must specify a subcommand: one of ${ROLLOUT_SUBCOMMANDS.join(', ')}\nSee 'kubectl rollout -h' for help and examples`);
  if (!ROLLOUT_SUBCOMMANDS.includes(sub)) throw new KubectlError(`error: unknown command "${sub}" for "kubectl rollout"`);
  if (!rest.length) throw new KubectlError(MISSING);
  const objects = objectsFor(args, ctx, out, rest);
  for (const o of objects) {
    const name = resourceName(o.kind, o.apiVersion, o.metadata.name ?? '');
    const t = { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' };
    switch (sub) {
      case 'status': {
        const st = rolloutStatus(o);
        if (st.error) {
          out.fail(st.text);
          break;
        }
        out.line(st.text);
        if (!st.done && flagBool(args, 'watch', true) && objects.length === 1) out.watch = new RolloutStatusWatch(o, st.text, ctx.snapshot.eventIndex);
        break;
      }
      case 'history':
        history(args, ctx, out, o);
        break;
      case 'undo': {
        const to = flagString(args, 'to-revision');
        const revs = revisions(ctx, o);
        if (to !== undefined && Number(to) > 0 && !revs.some((r) => r.revision === Number(to))) {
          out.fail(`error: unable to find specified revision ${to} in history`);
          break;
        }
        if (to === undefined && revs.length < 2) {
          out.fail('error: no rollout history found for deployment "' + o.metadata.name + '"');
          break;
        }
        done(out, ctx, perform(ctx, out, { type: 'rollout-undo', target: t, ...(to !== undefined && Number(to) > 0 ? { toRevision: Number(to) } : {}) }), `${name} rolled back`);
        break;
      }
      case 'restart':
        if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(o.kind)) out.fail(`error: ${plural(o)} "${o.metadata.name}" restarting is not supported`);
        else done(out, ctx, perform(ctx, out, { type: 'rollout-restart', target: t }), `${name} restarted`);
        break;
      case 'pause':
      case 'resume': {
        if (o.kind !== 'Deployment') {
          out.fail(`error: ${plural(o)} "${o.metadata.name}" ${sub === 'pause' ? 'pausing' : 'resuming'} is not supported`);
          break;
        }
        const paused = Boolean(o.spec?.paused);
        if (sub === 'pause' && paused) out.fail(`error: ${plural(o)} "${o.metadata.name}" is already paused`);
        else if (sub === 'resume' && !paused) out.fail(`error: ${plural(o)} "${o.metadata.name}" is not paused`);
        else done(out, ctx, perform(ctx, out, { type: sub === 'pause' ? 'rollout-pause' : 'rollout-resume', target: t }), `${name} ${sub === 'pause' ? 'paused' : 'resumed'}`);
        break;
      }
    }
  }
}

const MISSING = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

function done(out: Output, ctx: KubectlContext, res: { ok: boolean; message: string }, text: string): void {
  if (res.ok || !ctx.act) out.line(text);
  else out.fail(res.message);
}
