// The small filters: NodeUnschedulable (plugins/nodeunschedulable/node_unschedulable.go),
// NodeName (plugins/nodename/node_name.go), NodePorts (plugins/nodeports/node_ports.go,
// framework/types.go HostPortInfo.CheckConflict), SchedulingGates
// (plugins/schedulinggates/scheduling_gates.go) and PrioritySort (plugins/queuesort/priority_sort.go).
import type { Plugin } from '../plugin-api';
import type { HostPort } from '../pod-info';
import { tolerationsTolerateTaint } from '../node-selector';
import { skip, unresolvable, unschedulable } from '../status';

export const NODE_UNSCHEDULABLE_REASON = "node(s) were unschedulable";
export const NODE_NAME_REASON = "node(s) didn't match the requested node name";
export const NODE_PORTS_REASON = "node(s) didn't have free ports for the requested pod ports";

export const nodeUnschedulable = (): Plugin => ({
  name: 'NodeUnschedulable',
  filter(_s, pod, node) {
    if (!node.node.spec?.unschedulable) return null;
    // A pod that tolerates the unschedulable taint also tolerates spec.unschedulable.
    const tolerates = tolerationsTolerateTaint(pod.pod.spec?.tolerations, {
      key: 'node.kubernetes.io/unschedulable',
      effect: 'NoSchedule',
    });
    return tolerates ? null : unresolvable(NODE_UNSCHEDULABLE_REASON);
  },
});

export const nodeName = (): Plugin => ({
  name: 'NodeName',
  filter(_s, pod, node) {
    const want = pod.pod.spec?.nodeName;
    return !want || want === node.name ? null : unresolvable(NODE_NAME_REASON);
  },
});

/** HostPortInfo.CheckConflict: 0.0.0.0 on either side conflicts with every IP. */
export function portConflicts(used: HostPort[], want: HostPort): boolean {
  for (const u of used) {
    if (u.port !== want.port || u.protocol !== want.protocol) continue;
    if (want.ip === '0.0.0.0' || u.ip === '0.0.0.0' || u.ip === want.ip) return true;
  }
  return false;
}

export const nodePorts = (): Plugin => ({
  name: 'NodePorts',
  preFilter(_s, pod) {
    return { status: pod.hostPorts.length === 0 ? skip() : null };
  },
  filter(_s, pod, node) {
    for (const hp of pod.hostPorts) if (portConflicts(node.usedPorts, hp)) return unschedulable(NODE_PORTS_REASON);
    return null;
  },
});

export const schedulingGates = (): Plugin => ({
  name: 'SchedulingGates',
  preEnqueue(pod) {
    const gates = (pod.spec?.schedulingGates ?? []).map((g) => g.name);
    if (gates.length === 0) return null;
    // Go's %v of a []string: "[a b]".
    return unresolvable(`waiting for scheduling gates: [${gates.join(' ')}]`);
  },
});

export const prioritySort = (): Plugin => ({
  name: 'PrioritySort',
  less(a, b) {
    return a.priority > b.priority || (a.priority === b.priority && a.timestamp < b.timestamp);
  },
});
