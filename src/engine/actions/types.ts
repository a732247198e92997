// The user's actions on the cluster: one closed union shared by the CLI's --actions file, the
// kubectl console, buttons and keyboard shortcuts (STYLE.md: typed actions, one registry).
import type { KubeObject } from '../api/types';

export interface Target {
  kind: string;
  namespace?: string;
  name: string;
}

export type UserAction =
  | { type: 'apply'; objects: KubeObject[] }
  | { type: 'delete'; target: Target; propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'; gracePeriodSeconds?: number }
  | { type: 'scale'; target: Target; replicas: number }
  | { type: 'rollout-restart'; target: Target }
  | { type: 'rollout-undo'; target: Target; toRevision?: number }
  | { type: 'rollout-pause'; target: Target }
  | { type: 'rollout-resume'; target: Target }
  | { type: 'set-image'; target: Target; container: string; image: string }
  | { type: 'label'; target: Target; labels: Record<string, string | null>; overwrite?: boolean }
  | { type: 'annotate'; target: Target; annotations: Record<string, string | null>; overwrite?: boolean }
  | { type: 'taint'; node: string; key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }
  | { type: 'untaint'; node: string; key: string; effect?: string }
  | { type: 'cordon'; node: string }
  | { type: 'uncordon'; node: string }
  | { type: 'drain'; node: string }
  | { type: 'stop-kubelet'; node: string }
  | { type: 'start-kubelet'; node: string }
  | { type: 'kill-container'; pod: Target; container?: string }
  | { type: 'fail-probe'; pod: Target; container?: string; probe: 'readiness' | 'liveness' | 'startup' }
  | { type: 'pass-probe'; pod: Target; container?: string; probe: 'readiness' | 'liveness' | 'startup' };

export type ActionName = UserAction['type'];

export const ACTION_NAMES: readonly ActionName[] = [
  'apply', 'delete', 'scale', 'rollout-restart', 'rollout-undo', 'rollout-pause', 'rollout-resume', 'set-image',
  'label', 'annotate', 'taint', 'untaint', 'cordon', 'uncordon', 'drain', 'stop-kubelet', 'start-kubelet',
  'kill-container', 'fail-probe', 'pass-probe',
];

export interface ActionResult {
  ok: boolean;
  /** What kubectl would print: `deployment.apps/web scaled`, or the error text. */
  message: string;
}
