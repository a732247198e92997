// A Listers over plain arrays for controller unit tests (controllers/types.ts contract), with
// the indexes the host offers (dependents by owner uid, pods by node, uncontrolled objects,
// selecting Services) computed on demand.
import type { KubeObject } from '../../api/types';
import { isNamespaced } from '../../api/kinds';
import type { Listers, ReconcileContext } from '../types';
import { Rng } from '../../core/rng';
import { DEFAULT_CLUSTER_CONFIG } from '../../api/clusterConfig';

export interface FakeListers extends Listers {
  /** Every object, for assertions. */
  all(): KubeObject[];
}

export function fakeListers(objects: KubeObject[]): FakeListers {
  const ns = (o: KubeObject) => (isNamespaced(o.kind) ? (o.metadata.namespace ?? 'default') : '');
  const sorted = () =>
    [...objects].sort((a, b) => {
      const an = ns(a), bn = ns(b);
      if (an !== bn) return an < bn ? -1 : 1;
      const a1 = a.metadata.name ?? '', b1 = b.metadata.name ?? '';
      return a1 < b1 ? -1 : a1 > b1 ? 1 : 0;
    });
  return {
    all: () => objects,
    get(kind, namespace, name) {
      const want = isNamespaced(kind) ? namespace : '';
      return objects.find((o) => o.kind === kind && ns(o) === want && o.metadata.name === name);
    },
    list(kind, namespace) {
      return sorted().filter((o) => o.kind === kind && (namespace === undefined || ns(o) === namespace));
    },
    dependents(ownerUid) {
      return sorted().filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === ownerUid));
    },
    podsOnNode(nodeName) {
      return sorted().filter((o) => o.kind === 'Pod' && o.spec?.nodeName === nodeName);
    },
    // Reversed, so tests notice a caller that relies on these indexes being in name order
    // (the host's indexes are in insertion order).
    uncontrolled(kind, namespace) {
      return sorted().filter((o) => o.kind === kind && ns(o) === namespace && !(o.metadata.ownerReferences ?? []).some((r) => r.controller === true)).reverse();
    },
    selectingServices(namespace) {
      return sorted().filter((o) => o.kind === 'Service' && ns(o) === namespace && !!o.spec?.selector).reverse();
    },
  };
}

/** A ReconcileContext over fake listers at virtual time `now` (ms), with a fixed seed. */
export function fakeContext(objects: KubeObject[], now = 0, seed = 1): ReconcileContext & { listers: FakeListers } {
  return { listers: fakeListers(objects), now, rng: new Rng(seed), config: DEFAULT_CLUSTER_CONFIG };
}
