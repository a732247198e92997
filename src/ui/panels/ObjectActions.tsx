// Buttons for the user actions that apply to the selected object — the same typed actions the
// kubectl console and the CLI's --actions file use (src/engine/actions/types.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject, UserAction, ActionResult } from '../../engine';

export interface ObjectActionsProps {
  obj: KubeObject;
  act: (action: UserAction) => ActionResult;
  /** Whether the node's kubelet is stopped (for the start/stop toggle). */
  kubeletStopped?: boolean;
}

export function ObjectActions({ obj, act, kubeletStopped }: ObjectActionsProps) {
  const { t } = useTranslation();
  const [result, setResult] = useState<ActionResult>();
  const run = (action: UserAction) => setResult(act(action));
  const target = { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' };
  const buttons: { label: string; action: UserAction; id: string }[] = [];
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(obj.kind)) {
    const replicas = obj.spec?.replicas ?? 1;
    buttons.push({ id: 'scale-up', label: t('actions.scaleTo', { n: replicas + 1 }), action: { type: 'scale', target, replicas: replicas + 1 } });
    if (replicas > 0) buttons.push({ id: 'scale-down', label: t('actions.scaleTo', { n: replicas - 1 }), action: { type: 'scale', target, replicas: replicas - 1 } });
  }
  if (obj.kind === 'Deployment') {
    buttons.push({ id: 'restart', label: t('actions.rolloutRestart'), action: { type: 'rollout-restart', target } });
    buttons.push({ id: 'undo', label: t('actions.rolloutUndo'), action: { type: 'rollout-undo', target } });
  }
  if (obj.kind === 'Node') {
    const name = obj.metadata.name ?? '';
    buttons.push(obj.spec?.unschedulable ? { id: 'uncordon', label: t('actions.uncordon'), action: { type: 'uncordon', node: name } } : { id: 'cordon', label: t('actions.cordon'), action: { type: 'cordon', node: name } });
    buttons.push({ id: 'drain', label: t('actions.drain'), action: { type: 'drain', node: name } });
    buttons.push(kubeletStopped ? { id: 'start-kubelet', label: t('actions.startKubelet'), action: { type: 'start-kubelet', node: name } } : { id: 'stop-kubelet', label: t('actions.stopKubelet'), action: { type: 'stop-kubelet', node: name } });
  }
  if (obj.kind === 'Pod' && obj.spec?.nodeName) {
    const container = obj.spec?.containers?.[0]?.name;
    buttons.push({ id: 'kill', label: t('actions.killContainer', { container }), action: { type: 'kill-container', pod: target, container } });
    buttons.push({ id: 'fail-probe', label: t('actions.failReadiness'), action: { type: 'fail-probe', pod: target, container, probe: 'readiness' } });
    buttons.push({ id: 'pass-probe', label: t('actions.passReadiness'), action: { type: 'pass-probe', pod: target, container, probe: 'readiness' } });
  }
  if (obj.kind !== 'Node') {
    buttons.push({ id: 'delete', label: t('actions.delete'), action: { type: 'delete', target } });
  }
  return (
    <section className="object-actions" data-testid="object-actions">
      <div className="action-buttons">
        {buttons.map((b) => (
          <button key={b.id} onClick={() => run(b.action)} data-testid={`action-${b.id}`}>
            {b.label}
          </button>
        ))}
      </div>
      {result && <pre className={`action-result ${result.ok ? '' : 'error'}`}>{result.message}</pre>}
    </section>
  );
}
