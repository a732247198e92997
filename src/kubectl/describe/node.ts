// `kubectl describe node` (describe.go describeNode, describeNodeLease, describeNodeResource,
// getPodsTotalRequestsAndLimits). Pod requests are summed per container with init containers
// taking the max (resourcehelper.PodRequests without pod-level resources or overhead).
import type { KubeObject } from '../../engine';
import { milliValue, parseQuantity } from '../../engine/api/quantity';
import { formatMilli } from '../../engine/api/quantity';
import { findObject, listKind, type KubectlContext } from '../context';
import { rfc1123z, since } from '../format';
import { nodeRoles } from '../printers';
import { describeEvents } from './events';
import { annotationsMultiline, DescribeWriter, labelsMultiline, taintsMultiline } from './writer';

type Amounts = Record<string, { milli: number; binary: boolean }>;

function add(into: Amounts, list: Record<string, string> | undefined, mode: 'sum' | 'max' = 'sum'): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const m = milliValue(v);
    const binary = parseQuantity(String(v))?.format === 'BinarySI';
    const cur = into[k];
    if (!cur) into[k] = { milli: m, binary };
    else cur.milli = mode === 'sum' ? cur.milli + m : Math.max(cur.milli, m);
  }
}

function podAmounts(pod: KubeObject, field: 'requests' | 'limits'): Amounts {
  const total: Amounts = {};
  for (const c of pod.spec?.containers ?? []) add(total, c.resources?.[field]);
  const init: Amounts = {};
  for (const c of pod.spec?.initContainers ?? []) add(init, c.resources?.[field], 'max');
  for (const [k, v] of Object.entries(init)) if (!total[k] || total[k].milli < v.milli) total[k] = { ...v };
  return total;
}

const show = (a: { milli: number; binary: boolean } | undefined) => (a ? formatMilli(a.milli, a.binary ? 'BinarySI' : 'DecimalSI') : '0');
const pct = (a: { milli: number } | undefined, alloc: number) => (alloc ? Math.trunc(((a?.milli ?? 0) / alloc) * 100) : 0);

export function describeNode(ctx: KubectlContext, node: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  const name = node.metadata.name ?? '';
  const status = node.status ?? {};
  w.write(0, `Name:\t${name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  taintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${Boolean(node.spec?.unschedulable)}\n`);
  const lease = findObject(ctx, 'Lease', 'kube-node-lease', name);
  if (lease) {
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  } else {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`);
  }
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (!keys.length) continue;
    w.write(0, `${title}:\n`);
    for (const k of keys) w.write(0, `  ${k}:\t${list[k]}\n`);
  }
  const info = status.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);

  const pods = listKind(ctx, 'Pod').filter((p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const alloc = Object.keys(status.allocatable ?? {}).length ? status.allocatable : status.capacity ?? {};
  const cpuAlloc = milliValue(alloc.cpu ?? '0');
  const memAlloc = milliValue(alloc.memory ?? '0');
  const storAlloc = milliValue(alloc['ephemeral-storage'] ?? '0');
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const reqs: Amounts = {};
  const lims: Amounts = {};
  for (const p of pods) {
    const r = podAmounts(p, 'requests');
    const l = podAmounts(p, 'limits');
    for (const [k, v] of Object.entries(r)) add(reqs, { [k]: formatMilli(v.milli, v.binary ? 'BinarySI' : 'DecimalSI') });
    for (const [k, v] of Object.entries(l)) add(lims, { [k]: formatMilli(v.milli, v.binary ? 'BinarySI' : 'DecimalSI') });
    w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${show(r.cpu)} (${pct(r.cpu, cpuAlloc)}%)\t${show(l.cpu)} (${pct(l.cpu, cpuAlloc)}%)\t${show(r.memory)} (${pct(r.memory, memAlloc)}%)\t${show(l.memory)} (${pct(l.memory, memAlloc)}%)\t${since(p.metadata.creationTimestamp, now)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${show(reqs.cpu)} (${pct(reqs.cpu, cpuAlloc)}%)\t${show(lims.cpu)} (${pct(lims.cpu, cpuAlloc)}%)\n`);
  w.write(1, `memory\t${show(reqs.memory)} (${pct(reqs.memory, memAlloc)}%)\t${show(lims.memory)} (${pct(lims.memory, memAlloc)}%)\n`);
  w.write(1, `ephemeral-storage\t${show(reqs['ephemeral-storage'])} (${pct(reqs['ephemeral-storage'], storAlloc)}%)\t${show(lims['ephemeral-storage'])} (${pct(lims['ephemeral-storage'], storAlloc)}%)\n`);
  for (const k of Object.keys(alloc).filter((r) => r.startsWith('hugepages-')).sort()) {
    const a = milliValue(alloc[k]);
    w.write(1, `${k}\t${show(reqs[k])} (${pct(reqs[k], a)}%)\t${show(lims[k])} (${pct(lims[k], a)}%)\n`);
  }
  if (events) describeEvents(w, events, now);
  return w.text();
}
