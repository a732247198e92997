// kubectl logs (kubectl/pkg/cmd/logs/logs.go, polymorphichelpers/logsforobject.go): the lines
// the simulated container program printed (engine/images: simulateContainer + programLogs),
// from its start to now, or the previous instance's with -p. A workload picks one of its pods
// ("Found N pods, using pod/x"); several containers default to the first one with kubectl's
// "Defaulted container" notice. -f keeps printing as virtual time advances.
// Simplified: logs are derived from the image model, not stored by a kubelet; --since, --limit-bytes are ignored.
import type { KubeObject, WatchEvent } from '../../engine';
import { programLogs, simulateContainer } from '../../engine/images';
import { virtualMsOf } from '../../engine/core/time';
import { flagBool, flagString, type FlagSpec, type ParsedArgs } from '../args';
import { findObject, KubectlError, listKind, type KubectlContext, type Output } from '../context';
import { parseResourceArgs } from '../resources';
import type { KubectlWatch } from '../watch';
import { namespaceOf } from './common';

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'tail', type: 'int' },
  { name: 'timestamps', type: 'bool' },
  { name: 'all-containers', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'limit-bytes', type: 'int' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'prefix', type: 'bool' },
];

const ownedBy = (p: KubeObject, o: KubeObject) => (p.metadata.ownerReferences ?? []).some((r) => r.uid === o.metadata.uid);

/** The pod a workload's logs come from (podutils.ByLogging: running and ready first). */
function podFor(ctx: KubectlContext, o: KubeObject, out: Output): KubeObject {
  if (o.kind === 'Pod') return o;
  let owners = [o];
  if (o.kind === 'Deployment') owners = listKind(ctx, 'ReplicaSet').filter((rs) => ownedBy(rs, o));
  const pods = listKind(ctx, 'Pod').filter((p) => p.metadata.namespace === o.metadata.namespace && owners.some((w) => ownedBy(p, w)));
  if (!pods.length) throw new KubectlError(`error: timed out waiting for the condition`);
  const score = (p: KubeObject) => (p.status?.phase === 'Running' ? 0 : 1) + ((p.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True') ? 0 : 2);
  const chosen = [...pods].sort((a, b) => score(a) - score(b))[0];
  if (pods.length > 1) out.err(`Found ${pods.length} pods, using pod/${chosen.metadata.name}`);
  return chosen;
}

export function containerLogLines(pod: KubeObject, container: any, status: any, until: number, previous: boolean): string[] {
  const state = previous ? status?.lastState : status?.state;
  const run = state?.running ?? state?.terminated;
  if (!run?.startedAt) return [];
  const started = virtualMsOf(run.startedAt) ?? 0;
  const end = state.terminated?.finishedAt ? virtualMsOf(state.terminated.finishedAt) ?? until : until;
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) if (typeof e.value === 'string') env[e.name] = e.value;
  const program = simulateContainer({ image: container.image, command: container.command, args: container.args, env, hostname: pod.metadata.name, containerPorts: container.ports });
  return programLogs(program, started, Math.min(end, until));
}

function resolveTarget(args: ParsedArgs, ctx: KubectlContext, out: Output): { pod: KubeObject; container: any; status: any } {
  const [first, second] = args.positional;
  if (!first) throw new KubectlError(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`);
  const namespace = namespaceOf(args, ctx);
  let obj: KubeObject | undefined;
  if (first.includes('/')) {
    const [req] = parseResourceArgs([first]);
    obj = findObject(ctx, req.info.kind, namespace, req.names[0]);
    if (!obj) throw new KubectlError(`Error from server (NotFound): ${req.info.group ? `${req.info.plural}.${req.info.group}` : req.info.plural} "${req.names[0]}" not found`);
  } else {
    obj = findObject(ctx, 'Pod', namespace, first);
    if (!obj) throw new KubectlError(`Error from server (NotFound): pods "${first}" not found`);
  }
  const pod = podFor(ctx, obj, out);
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let name = flagString(args, 'container') ?? (first.includes('/') ? undefined : second);
  if (!name) {
    const dflt = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    const main = pod.spec?.containers ?? [];
    name = dflt ?? main[0]?.name;
    if (!dflt && main.length > 1) out.err(`Defaulted container "${name}" out of: ${[...main, ...(pod.spec?.initContainers ?? [])].map((c: any) => c.name).join(', ')}`);
  }
  const container = containers.find((c: any) => c.name === name);
  if (!container) throw new KubectlError(`error: container ${name} is not valid for pod ${pod.metadata.name}`);
  const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s: any) => s.name === name);
  return { pod, container, status };
}

class LogsFollow implements KubectlWatch {
  readonly finished = false;
  constructor(private readonly pod: KubeObject, private readonly container: any, private printed: number, private last: number) {}

  next(events: readonly WatchEvent[], upTo = events.length - 1): string {
    if (upTo <= this.last) return '';
    this.last = upTo;
    const ev = events[Math.min(upTo, events.length - 1)];
    if (!ev) return '';
    // The latest status of the pod up to this event.
    let pod = this.pod;
    for (let i = upTo; i >= 0; i--) {
      const e = events[i];
      if (e.kind === 'Pod' && e.name === this.pod.metadata.name && e.namespace === this.pod.metadata.namespace) {
        pod = e.object;
        break;
      }
    }
    const status = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === this.container.name);
    const lines = containerLogLines(pod, this.container, status, ev.t, false);
    const fresh = lines.slice(this.printed);
    this.printed = lines.length;
    return fresh.map((l) => `${l}\n`).join('');
  }
}

export function logsCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const { pod, container, status } = resolveTarget(args, ctx, out);
  const previous = flagBool(args, 'previous');
  const podName = pod.metadata.name;
  if (previous && !status?.lastState?.terminated) {
    throw new KubectlError(`Error from server (BadRequest): previous terminated container "${container.name}" in pod "${podName}" not found`);
  }
  if (!previous && !status?.state?.running && !status?.state?.terminated) {
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
    throw new KubectlError(`Error from server (BadRequest): container "${container.name}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  let lines = containerLogLines(pod, container, status, ctx.snapshot.time, previous);
  const tail = flagString(args, 'tail');
  const total = lines.length;
  if (tail !== undefined && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  out.out(lines.map((l) => `${l}\n`).join(''));
  if (flagBool(args, 'follow') && !previous && status?.state?.running) out.watch = new LogsFollow(pod, container, total, ctx.snapshot.eventIndex);
}
