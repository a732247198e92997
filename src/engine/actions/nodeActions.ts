// kubectl taint / cordon / uncordon / drain, and the machine-level actions (stop or start a
// node's kubelet) that have no kubectl equivalent.
import type { Cluster } from '../core/cluster';
import type { ActionResult, UserAction } from './types';
import { mustGet } from './run';
import { isoAt } from '../core/time';
import { NODE_MONITOR_GRACE_PERIOD_MS } from '../controllers/cluster';
import { drainNode } from './drain';

type NodeAction = Extract<UserAction, { node: string }>;

export function nodeActions(cluster: Cluster, action: NodeAction): ActionResult {
  const node = structuredClone(mustGet(cluster, { kind: 'Node', name: action.node }));
  const ctx = (reason: string) => ({ component: 'kubectl', reason });
  const taints: { key: string; value?: string; effect: string; timeAdded?: string }[] = node.spec?.taints ?? [];
  switch (action.type) {
    case 'taint': {
      const existing = taints.find((t) => t.key === action.key && t.effect === action.effect);
      if (existing && (existing.value ?? '') === (action.value ?? '')) {
        return { ok: false, message: `error: node ${action.node} already has ${action.key} taint(s) with same effect(s) and --overwrite is false` };
      }
      const next = taints.filter((t) => !(t.key === action.key && t.effect === action.effect));
      // kubectl taint stamps NoExecute taints with timeAdded (kubectl/pkg/cmd/taint/utils.go):
      // tolerationSeconds count from then.
      next.push({ key: action.key, ...(action.value ? { value: action.value } : {}), effect: action.effect, ...(action.effect === 'NoExecute' ? { timeAdded: isoAt(cluster.now()) } : {}) });
      node.spec = { ...node.spec, taints: next };
      cluster.api.update(node, ctx('Taint'));
      return { ok: true, message: `node/${action.node} tainted` };
    }
    case 'untaint': {
      const next = taints.filter((t) => !(t.key === action.key && (!action.effect || t.effect === action.effect)));
      if (next.length === taints.length) return { ok: false, message: `error: taint "${action.key}${action.effect ? `:${action.effect}` : ''}" not found` };
      node.spec = { ...node.spec, taints: next.length ? next : undefined };
      cluster.api.update(node, ctx('Untaint'));
      return { ok: true, message: `node/${action.node} untainted` };
    }
    case 'cordon':
    case 'uncordon': {
      const want = action.type === 'cordon';
      if (Boolean(node.spec?.unschedulable) === want) return { ok: true, message: `node/${action.node} already ${want ? 'cordoned' : 'uncordoned'}` };
      node.spec = { ...node.spec, unschedulable: want ? true : undefined };
      cluster.api.update(node, ctx(want ? 'Cordon' : 'Uncordon'));
      return { ok: true, message: `node/${action.node} ${want ? 'cordoned' : 'uncordoned'}` };
    }
    case 'stop-kubelet':
    case 'start-kubelet': {
      const name = `kubelet/${action.node}`;
      const start = action.type === 'start-kubelet';
      const kubelet = cluster.kubelets.get(action.node);
      if (!kubelet) return { ok: false, message: `error: no kubelet runs on ${action.node}` };
      if (cluster.host.isEnabled(name) === start) return { ok: true, message: `kubelet on ${action.node} is already ${start ? 'running' : 'stopped'}` };
      const keys = kubelet.setStopped(!start, cluster.now(), cluster.indexes);
      cluster.host.setEnabled(name, start);
      cluster.host.kick(name, keys);
      // What stopping a kubelet sets in motion is work the simulation must reach: the node
      // lifecycle controller looks again once the grace period since the last renewal is over.
      if (!start) cluster.host.kick('node-lifecycle-controller', [action.node], NODE_MONITOR_GRACE_PERIOD_MS + 1000);
      cluster.addActivity(name, start ? 'KubeletStarted' : 'KubeletStopped', `${start ? 'Started' : 'Stopped'} the kubelet on ${action.node}`);
      return { ok: true, message: `kubelet on ${action.node} ${start ? 'started' : 'stopped'}` };
    }
    case 'drain':
      return drainNode(cluster, action.node);
  }
}
