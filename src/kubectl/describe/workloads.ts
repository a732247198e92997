// `kubectl describe deployment|replicaset|daemonset|statefulset` (describe.go describeDeployment,
// describeReplicaSet, describeDaemonSet, describeStatefulSet, getPodStatusForController).
import type { KubeObject } from '../../engine';
import { findNewReplicaSet } from '../../engine/controllers/deployment/deploymentUtil';
import { listKind, type KubectlContext } from '../context';
import { rfc1123z } from '../format';
import { labelSelectorText } from '../printers';
import { describePodTemplate } from './containers';
import { describeEvents } from './events';
import { controllerOf } from './pod';
import { annotationsMultiline, DescribeWriter, labelsMultiline } from './writer';

const owned = (o: KubeObject, owner: KubeObject) => (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid);

function podsStatus(ctx: KubectlContext, owner: KubeObject): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const p of listKind(ctx, 'Pod')) {
    if ((p.metadata.namespace ?? '') !== (owner.metadata.namespace ?? '') || !owned(p, owner)) continue;
    const phase = p.status?.phase as string;
    if (phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

function conditions(w: DescribeWriter, conds: any[] | undefined): void {
  if (!conds?.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conds) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** The deployment's ReplicaSets split as deploymentutil.GetAllReplicaSets does: the new one and the old ones. */
export function deploymentReplicaSets(ctx: KubectlContext, d: KubeObject): { newRS?: KubeObject; oldRSs: KubeObject[] } {
  const rss = listKind(ctx, 'ReplicaSet').filter((rs) => (rs.metadata.namespace ?? '') === (d.metadata.namespace ?? '') && owned(rs, d));
  const newRS = findNewReplicaSet(d, rss);
  return { newRS, oldRSs: rss.filter((rs) => rs !== newRS) };
}

const rsList = (rss: KubeObject[]) => rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';

export function describeDeployment(ctx: KubectlContext, d: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  const s = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${labelSelectorText(d.spec?.selector)}\n`);
  w.write(0, `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
  describePodTemplate(w, d.spec?.template);
  conditions(w, s.conditions);
  const { newRS, oldRSs } = deploymentReplicaSets(ctx, d);
  if (newRS || oldRSs.length) {
    w.write(0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`);
  }
  if (events) describeEvents(w, events, now);
  return w.text();
}

export function describeReplicaSet(ctx: KubectlContext, rs: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${labelSelectorText(rs.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const ctrl = controllerOf(rs);
  if (ctrl) w.write(0, `Controlled By:\t${ctrl}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(0, `Pods Status:\t${podsStatus(ctx, rs)}\n`);
  describePodTemplate(w, rs.spec?.template);
  conditions(w, rs.status?.conditions);
  if (events) describeEvents(w, events, now);
  return w.text();
}

export function describeDaemonSet(ctx: KubectlContext, ds: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  const s = ds.status ?? {};
  const ns = ds.spec?.template?.spec?.nodeSelector ?? {};
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${labelSelectorText(ds.spec?.selector)}\n`);
  w.write(0, `Node-Selector:\t${Object.keys(ns).sort().map((k) => `${k}=${ns[k]}`).join(',')}\n`);
  labelsMultiline(w, 'Labels', ds.metadata.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podsStatus(ctx, ds)}\n`);
  describePodTemplate(w, ds.spec?.template);
  if (events) describeEvents(w, events, now);
  return w.text();
}

export function describeStatefulSet(ctx: KubectlContext, ss: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ss.metadata.name}\n`);
  w.write(0, `Namespace:\t${ss.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(ss.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${labelSelectorText(ss.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', ss.metadata.labels);
  annotationsMultiline(w, 'Annotations', ss.metadata.annotations);
  w.write(0, `Replicas:\t${ss.spec?.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${ss.spec?.updateStrategy?.type ?? ''}\n`);
  const ru = ss.spec?.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(0, `Pods Status:\t${podsStatus(ctx, ss)}\n`);
  describePodTemplate(w, ss.spec?.template);
  const vcts = ss.spec?.volumeClaimTemplates ?? [];
  if (!vcts.length) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const pvc of vcts) {
      w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
      w.write(1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
      labelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
      labelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
      w.write(1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`);
      w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
    }
  }
  if (events) describeEvents(w, events, now);
  return w.text();
}
