// The Events section of `kubectl describe` (describe.go DescribeEvents, searchEvents): core/v1
// Events whose involvedObject names this object (by namespace, name, uid; pods also match
// without kind; nodes also match events whose uid is the node name, as kubelet writes them),
// oldest last-seen first, "<age> (xN over <age>)" for repeats, the fieldPath before the message.
import type { KubeObject } from '../../engine';
import { virtualMsOf } from '../../engine/core/time';
import { listKind, type KubectlContext } from '../context';
import { since } from '../format';
import type { DescribeWriter } from './writer';

export function eventsFor(ctx: KubectlContext, obj: KubeObject): KubeObject[] {
  const ns = obj.metadata.namespace ?? '';
  const uid = obj.metadata.uid;
  const name = obj.metadata.name;
  const list = listKind(ctx, 'Event').filter((e) => {
    const inv = (e.involvedObject ?? {}) as { kind?: string; name?: string; namespace?: string; uid?: string };
    if (inv.name !== name || (inv.namespace ?? '') !== ns) return false;
    if (obj.kind !== 'Pod' && inv.kind && inv.kind !== obj.kind) return false;
    return !inv.uid || inv.uid === uid || (obj.kind === 'Node' && inv.uid === name);
  });
  const last = (e: KubeObject) => virtualMsOf(String(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? '')) ?? 0;
  return list.map((e, i) => ({ e, i })).sort((a, b) => last(a.e) - last(b.e) || a.i - b.i).map((x) => x.e);
}

export function describeEvents(w: DescribeWriter, events: KubeObject[], now: number): void {
  if (!events.length) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = since((e.eventTime as string | null) || (e.firstTimestamp as string | undefined), now);
    const count = Number(e.count ?? 0);
    const series = e.series as { count?: number; lastObservedTime?: string } | undefined;
    const interval = series
      ? `${since(series.lastObservedTime, now)} (x${series.count} over ${first})`
      : count > 1
        ? `${since(e.lastTimestamp as string, now)} (x${count} over ${first})`
        : first;
    const source = ((e.source as { component?: string } | undefined)?.component || (e.reportingComponent as string | undefined)) ?? '';
    const inv = (e.involvedObject ?? {}) as { fieldPath?: string };
    let message = String(e.message ?? '').trim();
    if (inv.fieldPath) message = `${inv.fieldPath}: ${message}`;
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}
