// kubectl set image / rollout, and container-level actions on a pod's kubelet (kill a
// container, force a probe result).
import type { Cluster } from '../core/cluster';
import type { ActionResult, UserAction } from './types';
import { mustGet, resourceName } from './run';
import { rolloutPause, rolloutRestart, rolloutResume, rolloutUndo, type RolloutResult } from '../controllers/workloads';
import { isoAt } from '../core/time';

export function workloadActions(cluster: Cluster, action: UserAction): ActionResult {
  switch (action.type) {
    case 'set-image': {
      const obj = structuredClone(mustGet(cluster, action.target));
      const spec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec ?? obj.spec?.jobTemplate?.spec?.template?.spec;
      const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
      const container = containers.find((c: { name: string }) => c.name === action.container);
      if (!container) return { ok: false, message: `error: unable to find container named "${action.container}"` };
      container.image = action.image;
      cluster.api.update(obj, { component: 'kubectl', reason: 'SetImage' });
      return { ok: true, message: `${resourceName(obj)} image updated` };
    }
    case 'rollout-restart':
    case 'rollout-undo':
    case 'rollout-pause':
    case 'rollout-resume': {
      const obj = mustGet(cluster, action.target);
      if (obj.kind !== 'Deployment') return { ok: false, message: `error: ${action.type.replace('rollout-', 'rollout ')} is only simulated for Deployments, not ${obj.kind}` };
      const result: RolloutResult =
        action.type === 'rollout-restart'
          ? rolloutRestart(obj, isoAt(cluster.now()))
          : action.type === 'rollout-undo'
            ? rolloutUndo(obj, cluster.store.list('ReplicaSet', obj.metadata.namespace), action.toRevision)
            : action.type === 'rollout-pause'
              ? rolloutPause(obj)
              : rolloutResume(obj);
      if (!result.ok) return { ok: false, message: result.error };
      if (result.changed) cluster.api.update({ ...result.object, metadata: { ...result.object.metadata, resourceVersion: undefined } }, { component: 'kubectl', reason: action.type });
      return { ok: true, message: result.message };
    }
    case 'kill-container':
    case 'fail-probe':
    case 'pass-probe': {
      const pod = mustGet(cluster, { ...action.pod, kind: 'Pod' });
      const nodeName = pod.spec?.nodeName;
      const kubelet = nodeName ? cluster.kubelets.get(nodeName) : undefined;
      if (!kubelet) return { ok: false, message: `error: pod ${pod.metadata.name} is not running on a node` };
      const name = action.container ?? pod.spec?.containers?.[0]?.name;
      if (!(pod.spec?.containers ?? []).some((c: { name: string }) => c.name === name)) return { ok: false, message: `error: container ${name} is not valid for pod ${pod.metadata.name}` };
      const ns = pod.metadata.namespace!;
      const keys =
        action.type === 'kill-container'
          ? kubelet.killContainer(ns, pod.metadata.name!, name, cluster.now())
          : kubelet.setProbeOverride(ns, pod.metadata.name!, name, action.probe, action.type === 'fail-probe' ? 'fail' : 'succeed');
      cluster.host.kick(kubelet.name, keys);
      const what = action.type === 'kill-container' ? `killed container ${name}` : `${action.probe} probe of ${name} now ${action.type === 'fail-probe' ? 'fails' : 'succeeds'}`;
      cluster.addActivity(kubelet.name, 'UserAction', `${what} in pod ${ns}/${pod.metadata.name}`);
      return { ok: true, message: `pod/${pod.metadata.name}: ${what}` };
    }
    default:
      return { ok: false, message: `error: ${action.type} is not a workload action` };
  }
}
