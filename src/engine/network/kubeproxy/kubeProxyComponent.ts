// One kube-proxy per node: watches Services, EndpointSlices and its Node, and after
// minSyncPeriod rewrites the node's rules (pkg/proxy/iptables/proxier.go syncProxyRules is a
// full sync each time here). It writes nothing to the API; what it did is recorded as an
// activity naming the chains it added and removed, and the rules stay readable per node.
import type { Controller, Plan } from '../../controllers/types';
import type { KubeObject } from '../../api/types';
import type { Node, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { buildProxyRules } from './index';
import type { KubeProxyConfig } from './config';
import type { ProxyRules } from './model';

/** kube-proxy's default iptables.minSyncPeriod (1 s): changes are batched at most once a second. */
export const MIN_SYNC_PERIOD_MS = 1000;

export interface NodeProxyState {
  /** Rules per IP family, from the last sync. */
  rules: Partial<Record<'IPv4' | 'IPv6', ProxyRules>>;
  syncedAt: number;
  syncs: number;
}

export interface KubeProxyDeps {
  config: KubeProxyConfig;
  /** With kubeadm, kube-proxy is a DaemonSet pod: it acts only once its pod runs on the node. */
  runsAsPod: boolean;
  state: Map<string, NodeProxyState>;
  record: (component: string, message: string, detail: unknown) => void;
}

const chainNames = (rules: ProxyRules | undefined): Set<string> =>
  new Set(rules ? [...rules.nat.chains, ...rules.filter.chains] : []);

export function createKubeProxy(nodeName: string, deps: KubeProxyDeps): Controller {
  const name = `kube-proxy/${nodeName}`;
  const isOwnPod = (pod: KubeObject) => pod.spec?.nodeName === nodeName && pod.metadata.labels?.['k8s-app'] === 'kube-proxy';
  return {
    name,
    nodeName,
    watches: ['Service', 'EndpointSlice', 'Node', 'Pod'],
    keysFor(event) {
      if (event.kind === 'Pod') return isOwnPod(event.object) ? ['sync'] : [];
      if (event.kind === 'Node') return event.name === nodeName ? ['sync'] : [];
      return ['sync'];
    },
    initialKeys: () => ['sync'],
    reconcile(_key, { listers, now }): Plan {
      const node = listers.get('Node', '', nodeName) as (KubeObject & Node) | undefined;
      if (!node) return { writes: [] };
      if (deps.runsAsPod) {
        const running = listers.podsOnNode(nodeName).some((p) => isOwnPod(p) && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
        if (!running) return { writes: [] };
      }
      const services = listers.list('Service') as unknown as Service[];
      const endpointSlices = listers.list('EndpointSlice') as unknown as EndpointSlice[];
      const families = nodeFamilies(node);
      const previous = deps.state.get(nodeName);
      const next: NodeProxyState = { rules: {}, syncedAt: now, syncs: (previous?.syncs ?? 0) + 1 };
      for (const family of families) next.rules[family] = buildProxyRules({ node, services, endpointSlices, config: deps.config, family });
      deps.state.set(nodeName, next);
      const before = chainNames(previous?.rules.IPv4 ?? previous?.rules.IPv6);
      const after = chainNames(next.rules.IPv4 ?? next.rules.IPv6);
      const added = [...after].filter((c) => !before.has(c)).sort();
      const removed = [...before].filter((c) => !after.has(c)).sort();
      if (!previous || added.length || removed.length) {
        const what = deps.config.mode === 'ipvs' ? 'IPVS rules' : 'iptables rules';
        const changes = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean).join('; ');
        deps.record(name, `${previous ? 'Rewrote' : 'Wrote'} ${what} on ${nodeName}${changes ? `: ${changes}` : ''}`, { node: nodeName, added, removed });
      }
      return { writes: [] };
    },
  };
}

function nodeFamilies(node: Node): ('IPv4' | 'IPv6')[] {
  const internal = (node.status?.addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => a.address);
  const families: ('IPv4' | 'IPv6')[] = [];
  if (internal.some((a) => !a.includes(':')) || internal.length === 0) families.push('IPv4');
  if (internal.some((a) => a.includes(':'))) families.push('IPv6');
  return families;
}
