// DaemonSet RollingUpdate (pkg/controller/daemon/update.go rollingUpdate): without surge,
// delete old pods while fewer than maxUnavailable are unavailable (manage then recreates them);
// with surge, create new pods beside available old ones and delete the old pod once its
// replacement is available. Upstream walks a Go map (random order); we walk nodes by name.
import type { KubeObject } from '../../api/types';
import { isPodAvailable } from '../podutil/podState';
import { scaledValue } from '../deployment/deploymentUtil';
import { nodeShouldRunDaemonPod } from './nodeEligibility';

export const REVISION_HASH = 'controller-revision-hash';
export const TEMPLATE_GENERATION = 'pod-template-generation';

export function isPodUpdated(pod: KubeObject, hash: string, templateGeneration: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return (templateGeneration !== undefined && labels[TEMPLATE_GENERATION] === templateGeneration) || (hash !== '' && labels[REVISION_HASH] === hash);
}

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok. */
function findUpdatedPodsOnNode(pods: KubeObject[], hash: string, gen: string | undefined): { newPod?: KubeObject; oldPod?: KubeObject; ok: boolean } {
  let newPod: KubeObject | undefined;
  let oldPod: KubeObject | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, gen)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** maxSurge and maxUnavailable; both round up (util.SurgeCount / UnavailableCount). */
export function surgeAndUnavailable(ds: KubeObject, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge ?? 0, desired, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? 1, desired, true);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function allowsSurge(ds: KubeObject): boolean {
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return false;
  return surgeAndUnavailable(ds, 1).maxSurge !== 0;
}

export interface UpdateDecision {
  podsToDelete: KubeObject[];
  nodesToCreate: string[];
}

export function rollingUpdate(
  ds: KubeObject,
  nodes: KubeObject[],
  podsByNode: Map<string, KubeObject[]>,
  hash: string,
  gen: string | undefined,
  now: number,
): UpdateDecision {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (p: KubeObject) => isPodAvailable(p, minReady, now);
  const nodeByName = new Map(nodes.map((n) => [n.metadata.name ?? '', n]));
  const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
  const { maxSurge, maxUnavailable } = surgeAndUnavailable(ds, desired);
  const entries = [...podsByNode.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowed: KubeObject[] = [];
    const candidates: KubeObject[] = [];
    for (const [, pods] of entries) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, hash, gen);
      if (!ok) {
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) allowed.push(oldPod);
        else if (numUnavailable < maxUnavailable) candidates.push(oldPod);
      }
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return { podsToDelete: [...allowed, ...candidates.slice(0, remaining)], nodesToCreate: [] };
  }

  const oldToDelete: KubeObject[] = [];
  const shouldNotRun: KubeObject[] = [];
  const candidateNodes: string[] = [];
  const allowedNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [nodeName, pods] of entries) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, hash, gen);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod) {
      if (available(oldPod)) numAvailable++;
    } else if (newPod && available(newPod)) numAvailable++;
    if (!oldPod) continue;
    const node = nodeByName.get(nodeName);
    const shouldRun = node ? nodeShouldRunDaemonPod(node, ds).shouldRun : false;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun) oldToDelete.push(oldPod);
        else allowedNodes.push(nodeName);
      } else if (!shouldRun) shouldNotRun.push(oldPod);
      else if (numSurge < maxSurge) candidateNodes.push(nodeName);
    } else if (!available(newPod)) numSurge++;
    else oldToDelete.push(oldPod);
  }
  const deletable = Math.min(numAvailable - desired, shouldNotRun.length);
  if (deletable > 0) oldToDelete.push(...shouldNotRun.slice(0, deletable));
  const remaining = Math.min(Math.max(0, maxSurge - numSurge), candidateNodes.length);
  return { podsToDelete: oldToDelete, nodesToCreate: [...allowedNodes, ...candidateNodes.slice(0, remaining)] };
}
