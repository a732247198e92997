// Buttons for the user actions that apply to the selected object — the same typed actions the
// kubectl console and the CLI's --actions file use (src/engine/actions/types.ts). The list comes
// from ui/actions/objectActions.ts, which the canvas context menu renders too.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject, UserAction, ActionResult } from '../../engine';
import { objectActions } from '../actions/objectActions';
import { runAction } from '../actions/runAction';

export interface ObjectActionsProps {
  obj: KubeObject;
  act: (action: UserAction) => ActionResult;
  /** Whether the node's kubelet is stopped (for the start/stop toggle). */
  kubeletStopped?: boolean;
}

export function ObjectActions({ obj, act, kubeletStopped }: ObjectActionsProps) {
  const { t } = useTranslation();
  const [result, setResult] = useState<ActionResult>();
  const buttons = objectActions(obj, { kubeletStopped });
  return (
    <section className="object-actions" data-testid="object-actions">
      <div className="action-buttons">
        {buttons.map((b) => (
          <button key={b.id} onClick={() => setResult(runAction(act, b.action))} data-testid={`action-${b.id}`}>
            {t(b.label.key, b.label.values ?? {})}
          </button>
        ))}
      </div>
      {result && <pre className={`action-result ${result.ok ? '' : 'error'}`}>{result.message}</pre>}
    </section>
  );
}
