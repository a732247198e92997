// Counts of a controller's active pods, grouped by their label set, kept up to date from the
// watch. A ReplicaSet's sync needs "how many active pods do I control, how many are ready, and
// do they all match my selector"; its pods share one or two label sets, so the counts per label
// set answer that without visiting 10,000 pods on every sync. Upstream walks its informer cache
// each time; the answer is the same, only cheaper (property-tested against a full recount).
import type { KubeObject } from '../api/types';
import { isPodActive, isPodReady } from '../controllers/podutil/podState';

export interface PodGroup {
  /** The labels every pod of the group carries (one of their labels objects). */
  labels: Record<string, string>;
  /** Active pods (IsPodActive) with these labels. */
  active: number;
  /** Of those, Ready ones. */
  ready: number;
}

interface Membership {
  bucket: string;
  labelsKey: string;
  ready: boolean;
}

export class ControlledPodGroups {
  /** `namespace/controllerUid` -> labels key -> group */
  private buckets = new Map<string, Map<string, PodGroup>>();
  /** pod key -> where it is counted */
  private members = new Map<string, Membership>();

  groups(namespace: string, controllerUid: string): PodGroup[] {
    return [...(this.buckets.get(`${namespace}/${controllerUid}`)?.values() ?? [])];
  }

  /** The pod at `key` is now `pod` (undefined: deleted). */
  update(key: string, pod: KubeObject | undefined): void {
    const was = this.members.get(key);
    if (was) {
      const bucket = this.buckets.get(was.bucket)!;
      const group = bucket.get(was.labelsKey)!;
      group.active--;
      if (was.ready) group.ready--;
      if (group.active === 0) bucket.delete(was.labelsKey);
      if (bucket.size === 0) this.buckets.delete(was.bucket);
      this.members.delete(key);
    }
    if (!pod || !isPodActive(pod)) return;
    const controller = pod.metadata.ownerReferences?.find((r) => r.controller === true);
    if (!controller) return;
    const labels = pod.metadata.labels ?? {};
    const membership: Membership = { bucket: `${pod.metadata.namespace ?? 'default'}/${controller.uid}`, labelsKey: labelsKey(labels), ready: isPodReady(pod) };
    let bucket = this.buckets.get(membership.bucket);
    if (!bucket) this.buckets.set(membership.bucket, (bucket = new Map()));
    let group = bucket.get(membership.labelsKey);
    if (!group) bucket.set(membership.labelsKey, (group = { labels, active: 0, ready: 0 }));
    group.active++;
    if (membership.ready) group.ready++;
    this.members.set(key, membership);
  }
}

/** Label sets compare equal whatever the key order. */
function labelsKey(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  let out = '';
  for (const k of keys) out += `${JSON.stringify(k)}:${JSON.stringify(labels[k])},`;
  return out;
}
