// Carries out a user action against the cluster as `kubectl` would, returning kubectl's words.
import type { Cluster } from '../core/cluster';
import type { ActionResult, Target, UserAction } from './types';
import type { KubeObject } from '../api/types';
import { ApiError, notFound } from '../apiserver/errors';
import { kindInfo, isNamespaced } from '../api/kinds';
import { applyObject } from './apply';
import { nodeActions } from './nodeActions';
import { workloadActions } from './workloadActions';

const KUBECTL = { component: 'kubectl', reason: '' };

export function runAction(cluster: Cluster, action: UserAction): ActionResult {
  try {
    return dispatch(cluster, action);
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: error.kubectlText() };
    return { ok: false, message: `error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function dispatch(cluster: Cluster, action: UserAction): ActionResult {
  switch (action.type) {
    case 'apply': {
      const lines = action.objects.map((obj) => applyObject(cluster, obj));
      return { ok: lines.every((l) => l.ok), message: lines.map((l) => l.message).join('\n') };
    }
    case 'delete': {
      const obj = mustGet(cluster, action.target);
      cluster.api.delete(refFor(action.target), { ...KUBECTL, reason: 'Delete' }, { propagationPolicy: action.propagationPolicy ?? 'Background', gracePeriodSeconds: action.gracePeriodSeconds });
      return { ok: true, message: `${resourceName(obj).replace('/', ' "')}" deleted` };
    }
    case 'label':
    case 'annotate': {
      const obj = structuredClone(mustGet(cluster, action.target));
      const field = action.type === 'label' ? 'labels' : 'annotations';
      const changes = action.type === 'label' ? action.labels : action.annotations;
      const current: Record<string, string> = { ...(obj.metadata[field] ?? {}) };
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) delete current[key];
        else {
          if (key in current && current[key] !== value && !action.overwrite) {
            return { ok: false, message: `error: '${key}' already has a value (${current[key]}), and --overwrite is false` };
          }
          current[key] = value;
        }
      }
      obj.metadata[field] = current;
      cluster.api.update(obj, { ...KUBECTL, reason: action.type === 'label' ? 'Label' : 'Annotate' });
      return { ok: true, message: `${resourceName(obj)} ${action.type === 'label' ? 'labeled' : 'annotated'}` };
    }
    case 'scale': {
      const obj = structuredClone(mustGet(cluster, action.target));
      if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(obj.kind)) {
        return { ok: false, message: `error: cannot scale ${obj.kind}` };
      }
      obj.spec = { ...obj.spec, replicas: action.replicas };
      cluster.api.update(obj, { ...KUBECTL, reason: 'Scale' });
      return { ok: true, message: `${resourceName(obj)} scaled` };
    }
    case 'taint':
    case 'untaint':
    case 'cordon':
    case 'uncordon':
    case 'drain':
    case 'stop-kubelet':
    case 'start-kubelet':
      return nodeActions(cluster, action);
    default:
      return workloadActions(cluster, action);
  }
}

export function refFor(target: Target) {
  return { kind: target.kind, namespace: isNamespaced(target.kind) ? target.namespace ?? 'default' : '', name: target.name };
}

export function mustGet(cluster: Cluster, target: Target): KubeObject {
  const ref = refFor(target);
  const obj = cluster.store.getRef(ref);
  if (!obj) throw notFound(target.kind, target.name);
  return obj;
}

/** `deployment.apps/web`: how kubectl names a resource in its one-line results. */
export function resourceName(obj: KubeObject): string {
  const info = kindInfo(obj.kind);
  const kind = obj.kind.toLowerCase();
  return `${info?.group ? `${kind}.${info.group}` : kind}/${obj.metadata.name}`;
}
