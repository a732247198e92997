// The two rollout strategies: pkg/controller/deployment/rolling.go and recreate.go.
import type { KubeObject } from '../../api/types';
import type { DeploymentSync } from './deploymentSync';
import * as u from './deploymentUtil';

/** rolloutRolling: scale the new set up if we can, else the old ones down, else clean up. */
export function rolloutRolling(s: DeploymentSync): void {
  const { newRS, oldRSs } = s.allReplicaSetsAndSyncRevision(true);
  if (!newRS) return finishWithoutNewRS(s, oldRSs);
  // Status is computed over the sets as they were before this sync scaled them (upstream's allRSs).
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(s, s.latestAll(all), s.latest(newRS))) return s.syncRolloutStatus(all, newRS);
  if (reconcileOldReplicaSets(s, s.latestAll(all), u.filterActive(s.latestAll(oldRSs)), s.latest(newRS))) return s.syncRolloutStatus(all, newRS);
  if (u.deploymentComplete(s.d, s.d.status)) s.cleanup(oldRSs);
  s.syncRolloutStatus(all, newRS);
}

function finishWithoutNewRS(s: DeploymentSync, oldRSs: KubeObject[]): void {
  // A hash collision (or the new set's annotations were just written): status only.
  s.syncRolloutStatus(oldRSs, undefined);
}

function reconcileNewReplicaSet(s: DeploymentSync, allRSs: KubeObject[], newRS: KubeObject): boolean {
  const want = u.specReplicas(s.d);
  if (u.specReplicas(newRS) === want) return false;
  if (u.specReplicas(newRS) > want) return s.scaleReplicaSetAndRecordEvent(newRS, want).scaled;
  return s.scaleReplicaSetAndRecordEvent(newRS, u.newRSNewReplicas(s.d, allRSs, newRS)).scaled;
}

function reconcileOldReplicaSets(s: DeploymentSync, allRSs: KubeObject[], oldRSs: KubeObject[], newRS: KubeObject): boolean {
  if (u.replicaCount(oldRSs) === 0) return false;
  const allPods = u.replicaCount(allRSs);
  const minAvailable = u.specReplicas(s.d) - u.maxUnavailable(s.d);
  const newUnavailable = u.specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const olds = s.latestAll(oldRSs);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(s, s.latestAll([...olds, newRS]), olds);
  return cleaned + scaledDown > 0;
}

/** Old sets lose their unavailable replicas first, oldest set first. */
function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: KubeObject[], maxCleanup: number): number {
  let total = 0;
  for (const rs0 of u.sortByCreation(oldRSs)) {
    if (total >= maxCleanup) break;
    const rs = s.latest(rs0);
    const replicas = u.specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const down = Math.min(maxCleanup - total, replicas - available);
    s.scaleReplicaSetAndRecordEvent(rs, replicas - down);
    total += down;
  }
  return total;
}

/** Scale old sets down, oldest first, as far as availability above minAvailable allows. */
function scaleDownOldReplicaSetsForRollingUpdate(s: DeploymentSync, allRSs: KubeObject[], oldRSs: KubeObject[]): number {
  const minAvailable = u.specReplicas(s.d) - u.maxUnavailable(s.d);
  const available = u.availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs0 of u.sortByCreation(oldRSs)) {
    if (total >= target) break;
    const rs = s.latest(rs0);
    if (u.specReplicas(rs) === 0) continue;
    const down = Math.min(u.specReplicas(rs), target - total);
    s.scaleReplicaSetAndRecordEvent(rs, u.specReplicas(rs) - down);
    total += down;
  }
  return total;
}

/**
 * rolloutRecreate: scale every old set to 0, wait until no old pod is left running, then
 * create (or find) the new set at full size. `podsByRS` maps ReplicaSet uid to its pods.
 */
export function rolloutRecreate(s: DeploymentSync, podsByRS: Map<string, KubeObject[]>): void {
  let { newRS, oldRSs } = s.allReplicaSetsAndSyncRevision(false);
  const all = (): (KubeObject | undefined)[] => [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of u.filterActive(s.latestAll(oldRSs))) if (s.scaleReplicaSetAndRecordEvent(rs, 0).scaled) scaledDown = true;
  if (scaledDown || oldPodsRunning(s.latest(newRS), s.latestAll(oldRSs), podsByRS)) return s.syncRolloutStatus(all(), newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = s.allReplicaSetsAndSyncRevision(true));
    if (!newRS) return s.syncRolloutStatus(all(), undefined);
  }
  s.scaleReplicaSetAndRecordEvent(newRS, u.specReplicas(s.d));
  if (u.deploymentComplete(s.d, s.d.status)) s.cleanup(oldRSs);
  s.syncRolloutStatus(all(), newRS);
}

function oldPodsRunning(newRS: KubeObject | undefined, oldRSs: KubeObject[], podsByRS: Map<string, KubeObject[]>): boolean {
  if (u.actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podsByRS) {
    if (newRS && newRS.metadata.uid === uid) continue;
    // Failed and Succeeded pods are done; anything else (Unknown included) may still run.
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true;
  }
  return false;
}
