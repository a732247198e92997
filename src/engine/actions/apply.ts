// kubectl apply for one object: create it when it does not exist, otherwise replace what the
// user manages (labels, annotations, spec and other top-level fields) and keep what the cluster
// owns (status, uid, generated fields). kubectl's three-way merge is simplified to "the
// manifest wins for every field it sets" — a field removed from the manifest is removed.
import type { Cluster } from '../core/cluster';
import type { KubeObject } from '../api/types';
import { ApiError } from '../apiserver/errors';
import { isNamespaced } from '../api/kinds';
import { resourceName } from './run';

export const APPLY_SIMPLIFICATION =
  'kubectl apply merges three ways (last-applied, live, new); Kubeglass replaces the fields your manifest sets and drops fields it no longer sets.';

export function applyObject(cluster: Cluster, input: KubeObject, opts: { keepStatus?: boolean } = {}): { ok: boolean; message: string; object?: KubeObject; error?: ApiError } {
  const ns = isNamespaced(input.kind) ? input.metadata?.namespace ?? 'default' : '';
  const existing = input.metadata?.name ? cluster.store.get(input.kind, ns, input.metadata.name) : undefined;
  try {
    if (!existing) {
      const created = cluster.api.create(input, { component: 'kubectl', reason: 'Create' }, { strictFields: true, keepStatus: opts.keepStatus });
      return { ok: true, message: `${resourceName(created)} created`, object: created };
    }
    const next: KubeObject = { ...structuredClone(input), status: existing.status };
    next.metadata = {
      ...structuredClone(existing.metadata),
      labels: input.metadata.labels,
      annotations: input.metadata.annotations,
      resourceVersion: undefined,
    };
    const updated = cluster.api.update(next, { component: 'kubectl', reason: 'Apply' });
    const verb = updated === existing ? 'unchanged' : 'configured';
    return { ok: true, message: `${resourceName(updated)} ${verb}`, object: updated };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: error.kubectlText(), error };
    throw error;
  }
}
