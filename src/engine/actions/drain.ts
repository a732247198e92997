// kubectl drain NODE --ignore-daemonsets --delete-emptydir-data: cordon, then evict every pod
// but mirror and DaemonSet pods through the Eviction API, retrying evictions a
// PodDisruptionBudget refuses every 5 s as kubectl does (staging/src/k8s.io/kubectl/pkg/drain).
import type { Cluster } from '../core/cluster';
import type { ActionResult } from './types';
import type { KubeObject } from '../api/types';
import { checkEviction, drainRetryMessage, planDrain } from '../controllers/cluster';

const RETRY_MS = 5000;
/** kubectl drain waits forever by default; the simulation gives up after an hour of virtual time. */
const GIVE_UP_MS = 3_600_000;

export function drainNode(cluster: Cluster, nodeName: string): ActionResult {
  const node = cluster.store.get('Node', '', nodeName);
  if (!node) return { ok: false, message: `Error from server (NotFound): nodes "${nodeName}" not found` };
  const lines: string[] = [];
  if (!node.spec?.unschedulable) {
    cluster.api.update({ ...structuredClone(node), spec: { ...node.spec, unschedulable: true }, metadata: { ...node.metadata, resourceVersion: undefined } }, { component: 'kubectl', reason: 'Cordon' });
    lines.push(`node/${nodeName} cordoned`);
  } else lines.push(`node/${nodeName} already cordoned`);
  const plan = planDrain(cluster.indexes.podsOnNode(nodeName), { ignoreDaemonSets: true, deleteEmptyDirData: true });
  if (plan.errors.length) return { ok: false, message: [...lines, ...plan.errors.map((e) => `error: ${e}`)].join('\n') };
  for (const w of plan.warnings) lines.push(`Warning: ${w}`);
  const started = cluster.now();
  // Retries still to come are pending work: the simulation has not settled while kubectl waits.
  let retries = 0;
  cluster.extraPending.push(() => retries);
  const attempt = (pods: KubeObject[]) => {
    const blocked: KubeObject[] = [];
    for (const pod of pods) {
      const live = cluster.store.get('Pod', pod.metadata.namespace!, pod.metadata.name!);
      if (!live || live.metadata.deletionTimestamp) continue;
      const result = checkEviction(live, cluster.store.list('PodDisruptionBudget', live.metadata.namespace), cluster.now());
      if (result.allowed) {
        for (const write of result.writes) cluster.host.apply('kubectl', write);
        lines.push(`evicting pod ${live.metadata.namespace}/${live.metadata.name}`);
      } else {
        cluster.addActivity('kubectl', 'EvictionRefused', drainRetryMessage(live, result));
        lines.push(drainRetryMessage(live, result));
        blocked.push(live);
      }
    }
    if (blocked.length && cluster.now() - started < GIVE_UP_MS) {
      retries++;
      cluster.queue.push(cluster.now() + RETRY_MS, 'kubectl', () => {
        retries--;
        attempt(blocked);
      });
    }
  };
  attempt(plan.evict);
  return { ok: true, message: lines.join('\n') };
}
