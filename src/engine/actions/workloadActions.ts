// kubectl set image / rollout, and container-level actions (kill a container, force a probe).
import type { Cluster } from '../core/cluster';
import type { ActionResult, UserAction } from './types';
import { mustGet, resourceName } from './run';

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
    default:
      return { ok: false, message: `error: ${action.type} is not available yet in this build` };
  }
}
