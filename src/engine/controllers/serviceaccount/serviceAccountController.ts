// The ServiceAccounts controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
// every active Namespace gets a `default` ServiceAccount, recreated if deleted. Since v1.24 no
// token Secret is created for it (tokens are projected by the kubelet).
import type { WatchEvent } from '../../api/types';
import type { Controller, Plan, ReconcileContext } from '../types';

export const DEFAULT_SERVICE_ACCOUNT = 'default';

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const ns = ctx.listers.get('Namespace', '', key);
  // Terminating namespaces are skipped (the API server would refuse the create anyway).
  if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return { writes: [] };
  if (ctx.listers.get('ServiceAccount', key, DEFAULT_SERVICE_ACCOUNT)) return { writes: [] };
  return {
    writes: [
      {
        op: 'create',
        object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: key } },
        reason: 'ServiceAccountCreated',
      },
    ],
  };
}

function keysFor(event: WatchEvent): string[] {
  if (event.kind === 'Namespace') return event.type === 'DELETED' ? [] : [event.name];
  if (event.kind === 'ServiceAccount' && event.type === 'DELETED' && event.name === DEFAULT_SERVICE_ACCOUNT) return [event.namespace];
  return [];
}

export const serviceAccountController: Controller = {
  name: 'serviceaccount-controller',
  watches: ['Namespace', 'ServiceAccount'],
  keysFor,
  reconcile,
  initialKeys: (listers) => listers.list('Namespace').map((n) => n.metadata.name ?? ''),
};
