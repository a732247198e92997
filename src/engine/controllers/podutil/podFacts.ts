// What the workload controllers read off a pod on every sync, computed once per stored pod
// version. A ReplicaSet of 10,000 pods syncs every few virtual milliseconds while its pods
// start, and each sync walks every owned pod (upstream does the same walk over its informer
// cache). Stored objects are never mutated — a write stores a new object — so facts keyed by
// the object stay true for as long as that object is the stored version.
import type { KubeObject } from '../../api/types';
import { controllerRefOf } from './ownership';
import { isPodActive, isPodReady, podReadyTime, readyBecomesAvailableAt, readyIsAvailable } from './podState';

export interface PodFacts {
  /** uid of the controller ownerReference, if any. */
  readonly controllerUid: string | undefined;
  readonly namespace: string;
  /** spec.nodeName ('' when not bound). */
  readonly nodeName: string;
  /** IsPodActive: not Succeeded, not Failed, not being deleted. */
  readonly active: boolean;
  readonly ready: boolean;
  /** Virtual ms of the Ready transition (undefined when not ready or unknown). */
  readonly readySince: number | undefined;
  /** The last owner-specific check (selector and template labels by identity) and its answers. */
  ownerCheck?: { selector: unknown; templateLabels: unknown; matches: boolean; fullyLabeled: boolean };
}

const memo = new WeakMap<KubeObject, PodFacts>();

export function podFacts(pod: KubeObject): PodFacts {
  let facts = memo.get(pod);
  if (!facts) {
    const ready = isPodReady(pod);
    facts = {
      controllerUid: controllerRefOf(pod)?.uid,
      namespace: pod.metadata.namespace ?? 'default',
      nodeName: pod.spec?.nodeName ?? '',
      active: isPodActive(pod),
      ready,
      readySince: ready ? podReadyTime(pod) : undefined,
    };
    memo.set(pod, facts);
  }
  return facts;
}

/**
 * Does the owner's selector select this pod, and does the pod carry all of the owner's
 * template labels (fullyLabeledReplicas)? Remembered per pod for the owner's current selector
 * and template-labels objects, which stay the same objects across the owner's status writes.
 */
export function ownerChecks(
  pod: KubeObject,
  selector: unknown,
  templateLabels: unknown,
  evaluate: (pod: KubeObject) => { matches: boolean; fullyLabeled: boolean },
): { matches: boolean; fullyLabeled: boolean } {
  const facts = podFacts(pod);
  const cached = facts.ownerCheck;
  if (cached && cached.selector === selector && cached.templateLabels === templateLabels) return cached;
  const answer = evaluate(pod);
  facts.ownerCheck = { selector, templateLabels, ...answer };
  return answer;
}

/** IsPodAvailable from facts. */
export function factsAvailable(facts: PodFacts, minReadySeconds: number, now: number): boolean {
  return readyIsAvailable(facts.ready, facts.readySince, minReadySeconds, now);
}

/** podAvailableAt from facts. */
export function factsAvailableAt(facts: PodFacts, minReadySeconds: number, now: number): number | undefined {
  return readyBecomesAvailableAt(facts.ready, facts.readySince, minReadySeconds, now);
}
