// Plain-language explanations of an object's state, from what the engine recorded: the pod's
// conditions and container states, the scheduler's decision record, the last Events about it.
// Returns i18n keys with parameters; Kubernetes' own messages are passed through verbatim.
import type { Activity, KubeObject, Snapshot } from '../engine';

export interface ExplainLine {
  key: string;
  params?: Record<string, string | number>;
  tone: 'info' | 'good' | 'warn' | 'bad';
}

export interface ExplainContext {
  snapshot: Snapshot;
  activities: readonly Activity[];
}

export function explainObject(obj: KubeObject, ctx: ExplainContext): ExplainLine[] {
  if (obj.kind === 'Pod') return explainPod(obj, ctx);
  if (obj.kind === 'Service') return explainService(obj, ctx);
  if (obj.kind === 'Node') return explainNode(obj);
  return [];
}

function cond(obj: KubeObject, type: string): { status: string; reason?: string; message?: string } | undefined {
  return (obj.status?.conditions ?? []).find((c: { type: string }) => c.type === type);
}

function explainPod(pod: KubeObject, ctx: ExplainContext): ExplainLine[] {
  const lines: ExplainLine[] = [];
  const scheduled = cond(pod, 'PodScheduled');
  const name = `${pod.metadata.namespace}/${pod.metadata.name}`;
  if (pod.metadata.deletionTimestamp) lines.push({ key: 'explain.terminating', tone: 'info' });
  if (!pod.spec?.nodeName) {
    if (scheduled?.status === 'False') {
      lines.push({ key: 'explain.unschedulable', params: { message: scheduled.message ?? '' }, tone: 'bad' });
      lines.push(...rejections(ctx, name));
    } else if (pod.spec?.schedulingGates?.length) {
      lines.push({ key: 'explain.gated', params: { gates: pod.spec.schedulingGates.map((g: { name: string }) => g.name).join(', ') }, tone: 'warn' });
    } else {
      lines.push({ key: 'explain.waitingForScheduler', params: { scheduler: pod.spec?.schedulerName ?? 'default-scheduler' }, tone: 'info' });
    }
  } else {
    const decision = [...ctx.activities].reverse().find((a) => a.afterEvent <= ctx.snapshot.eventIndex + 1 && a.type === 'ScheduleAttempt' && (a.detail as { pod?: string } | undefined)?.pod === name);
    if (decision) lines.push({ key: 'explain.scheduledBecause', params: { node: pod.spec.nodeName, message: decision.message }, tone: 'good' });
    else if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) lines.push({ key: 'explain.staticPod', params: { node: pod.spec.nodeName }, tone: 'info' });
    else lines.push({ key: 'explain.onNode', params: { node: pod.spec.nodeName }, tone: 'info' });
  }
  for (const cs of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const waiting = cs.state?.waiting;
    if (waiting?.reason && waiting.reason !== 'ContainerCreating' && waiting.reason !== 'PodInitializing') {
      lines.push({ key: 'explain.containerWaiting', params: { container: cs.name, reason: waiting.reason, message: waiting.message ?? '' }, tone: 'bad' });
    }
    const terminated = cs.state?.terminated ?? cs.lastState?.terminated;
    if (terminated?.reason && terminated.reason !== 'Completed') {
      lines.push({ key: 'explain.containerTerminated', params: { container: cs.name, reason: terminated.reason, exitCode: terminated.exitCode ?? '' }, tone: 'warn' });
    }
  }
  const ready = cond(pod, 'Ready');
  if (pod.status?.phase === 'Running' && ready?.status === 'False') {
    lines.push({ key: 'explain.notReady', params: { message: ready.message ?? ready.reason ?? '' }, tone: 'warn' });
    const probeEvent = lastEvent(ctx.snapshot, pod, 'Unhealthy');
    if (probeEvent) lines.push({ key: 'explain.event', params: { reason: probeEvent.reason ?? '', message: probeEvent.message ?? '' }, tone: 'warn' });
  }
  if (ready?.status === 'True') lines.push({ key: 'explain.ready', tone: 'good' });
  return lines;
}

interface AttemptRecord {
  nodes: Record<string, { filter: { passed: boolean; plugin: string | null; reasons: string[] } }>;
}

/** Which filter plugin rejected how many nodes, from the pod's last failed scheduling attempt. */
function rejections(ctx: ExplainContext, pod: string): ExplainLine[] {
  const attempt = [...ctx.activities]
    .reverse()
    .find((a) => a.afterEvent <= ctx.snapshot.eventIndex + 1 && a.type === 'ScheduleAttempt' && (a.detail as { pod?: string } | undefined)?.pod === pod);
  const record = (attempt?.detail as { record?: AttemptRecord } | undefined)?.record;
  if (!record) return [];
  const byPlugin = new Map<string, { nodes: string[]; reasons: Set<string> }>();
  for (const [node, d] of Object.entries(record.nodes)) {
    if (d.filter.passed || !d.filter.plugin) continue;
    const entry = byPlugin.get(d.filter.plugin) ?? { nodes: [], reasons: new Set<string>() };
    entry.nodes.push(node);
    d.filter.reasons.forEach((r) => entry.reasons.add(r));
    byPlugin.set(d.filter.plugin, entry);
  }
  return [...byPlugin].map(([plugin, e]) => ({
    key: 'explain.rejectedBy',
    params: { plugin, count: e.nodes.length, nodes: e.nodes.join(', '), reasons: [...e.reasons].join('; ') },
    tone: 'bad' as const,
  }));
}

function explainNode(node: KubeObject): ExplainLine[] {
  const lines: ExplainLine[] = [];
  const ready = cond(node, 'Ready');
  if (ready?.status === 'True') lines.push({ key: 'explain.nodeReady', tone: 'good' });
  else lines.push({ key: 'explain.nodeNotReady', params: { status: ready?.status ?? 'Unknown', reason: ready?.reason ?? '', message: ready?.message ?? '' }, tone: 'bad' });
  for (const t of (node.spec?.taints ?? []) as { key: string; value?: string; effect: string }[]) {
    lines.push({ key: 'explain.nodeTaint', params: { taint: `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`, effect: t.effect }, tone: t.effect === 'NoExecute' ? 'bad' : 'warn' });
  }
  if (node.spec?.unschedulable) lines.push({ key: 'explain.nodeCordoned', tone: 'warn' });
  return lines;
}

function explainService(svc: KubeObject, ctx: ExplainContext): ExplainLine[] {
  if (!svc.spec?.selector) return [{ key: 'explain.serviceNoSelector', tone: 'info' }];
  const slices = (ctx.snapshot.objects.EndpointSlice ?? []).filter(
    (s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
  );
  const endpoints = slices.flatMap((s) => (s.endpoints as { conditions?: { ready?: boolean } }[] | undefined) ?? []);
  const ready = endpoints.filter((e) => e.conditions?.ready).length;
  if (endpoints.length === 0) return [{ key: 'explain.serviceNoEndpoints', params: { selector: Object.entries(svc.spec.selector).map(([k, v]) => `${k}=${v}`).join(',') }, tone: 'warn' }];
  return [{ key: 'explain.serviceEndpoints', params: { ready, total: endpoints.length }, tone: ready ? 'good' : 'warn' }];
}

function lastEvent(snapshot: Snapshot, obj: KubeObject, reason: string): { reason?: string; message?: string } | undefined {
  const events = (snapshot.objects.Event ?? []).filter((e) => (e.involvedObject as { uid?: string })?.uid === obj.metadata.uid && e.reason === reason);
  return events.at(-1) as { reason?: string; message?: string } | undefined;
}
