// Pod conditions the kubelet owns, generated as pkg/kubelet/status/generate.go does:
// PodReadyToStartContainers, Initialized, Ready, ContainersReady (in the order kubelet_pods.go
// generateAPIPodStatus appends them), followed by PodScheduled.
import { isRestartableInitContainer } from './podStatusColumns';

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

type Status = { name: string; ready?: boolean; started?: boolean; state?: any };

const find = (statuses: Status[] | undefined, name: string) => statuses?.find((s) => s.name === name);
const list = (names: string[]) => `[${names.join(' ')}]`;

/** GenerateContainersReadyCondition. */
export function containersReadyCondition(spec: any, statuses: Status[] | undefined, phase: string): PodCondition {
  if (!statuses) return { type: 'ContainersReady', status: 'False', reason: 'UnknownContainerStatuses' };
  const unknown: string[] = [];
  const unready: string[] = [];
  const check = (name: string) => {
    const s = find(statuses, name);
    if (!s) unknown.push(name);
    else if (!s.ready) unready.push(name);
  };
  for (const c of spec.initContainers ?? []) if (isRestartableInitContainer(c)) check(c.name);
  for (const c of spec.containers ?? []) check(c.name);
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${list(unknown)}`);
  if (unready.length) msgs.push(`containers with unready status: ${list(unready)}`);
  if (msgs.length) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: msgs.join(', ') };
  return { type: 'ContainersReady', status: 'True' };
}

/** GeneratePodReadyCondition: ContainersReady, then readiness gates. */
export function podReadyCondition(spec: any, conditions: PodCondition[], statuses: Status[] | undefined, phase: string): PodCondition {
  const cr = containersReadyCondition(spec, statuses, phase);
  if (cr.status !== 'True') return { type: 'Ready', status: cr.status, reason: cr.reason, message: cr.message };
  const msgs: string[] = [];
  for (const rg of spec.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === rg.conditionType);
    if (!c) msgs.push(`corresponding condition of pod readiness gate "${rg.conditionType}" does not exist.`);
    else if (c.status !== 'True') msgs.push(`the status of pod readiness gate "${rg.conditionType}" is not "True", but ${c.status}`);
  }
  if (msgs.length) return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: msgs.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/** GeneratePodInitializedCondition. */
export function initializedCondition(spec: any, statuses: Status[] | undefined, phase: string): PodCondition {
  const inits: any[] = spec.initContainers ?? [];
  if (!statuses && inits.length > 0) return { type: 'Initialized', status: 'False', reason: 'UnknownContainerStatuses' };
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = find(statuses, c.name);
    if (!s) {
      unknown.push(c.name);
      continue;
    }
    const done = isRestartableInitContainer(c) ? !!s.started : !!s.ready;
    if (!done) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  // kubecontainer.HasAnyRegularContainerStarted: the pod was initialized before.
  const regular = new Set((spec.containers ?? []).map((c: any) => c.name));
  if ((statuses ?? []).some((s) => regular.has(s.name) && (s.state?.running || s.state?.terminated))) return { type: 'Initialized', status: 'True' };
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${list(unknown)}`);
  if (incomplete.length) msgs.push(`containers with incomplete status: ${list(incomplete)}`);
  if (msgs.length) return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: msgs.join(', ') };
  return { type: 'Initialized', status: 'True' };
}

/** GeneratePodReadyToStartContainersCondition: True once the sandbox with networking exists. */
export function readyToStartContainersCondition(sandboxReady: boolean): PodCondition {
  return { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' };
}
