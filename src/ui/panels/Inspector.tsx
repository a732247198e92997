// The inspector: the selected object as YAML with its status, and what the simulation can say
// about it in plain words.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { stringify } from 'yaml';
import type { Snapshot, UserAction, ActionResult } from '../../engine';
import { ObjectActions } from './ObjectActions';
import { simplificationsFor } from '../../viewmodel/simplifications';
import { translateNote } from '../../i18n/notes';
import { explainObject } from '../../viewmodel/explain';
import { DecisionTable } from './DecisionTable';
import { findByRef } from '../../viewmodel/findByRef';
import type { DecisionRecord } from '../../engine/scheduler';

/** The pod's last scheduling attempt up to the timeline cursor. */
function lastDecision(ctx: Parameters<typeof explainObject>[1], pod: string): DecisionRecord | undefined {
  const upTo = ctx.snapshot.eventIndex + 1;
  for (let i = ctx.activities.length - 1; i >= 0; i--) {
    const a = ctx.activities[i];
    if (a.afterEvent > upTo || a.type !== 'ScheduleAttempt') continue;
    const detail = a.detail as { pod?: string; record?: DecisionRecord } | undefined;
    if (detail?.pod === pod) return detail.record;
  }
  return undefined;
}

export interface InspectorProps {
  snapshot: Snapshot;
  act?: (action: UserAction) => ActionResult;
  stoppedKubelets?: ReadonlySet<string>;
  selected?: string;
  explainContext: Parameters<typeof explainObject>[1];
}


export function Inspector({ snapshot, selected, explainContext, act, stoppedKubelets }: InspectorProps) {
  const { t, i18n } = useTranslation();
  const obj = findByRef(snapshot, selected);
  const yamlText = useMemo(() => (obj ? stringify(obj, { lineWidth: 0 }) : ''), [obj]);
  const explanation = useMemo(() => (obj ? explainObject(obj, explainContext) : []), [obj, explainContext]);
  const decision = useMemo(() => (obj?.kind === 'Pod' ? lastDecision(explainContext, `${obj.metadata.namespace}/${obj.metadata.name}`) : undefined), [obj, explainContext]);
  if (!selected) return <div className="inspector empty">{t('inspector.empty')}</div>;
  if (!obj) return <div className="inspector empty">{t('inspector.gone', { ref: selected })}</div>;
  return (
    <div className="inspector" data-testid="inspector">
      <h2>
        {obj.kind} <span className="mono">{obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}{obj.metadata.name}</span>
      </h2>
      {act && <ObjectActions obj={obj} act={act} kubeletStopped={stoppedKubelets?.has(obj.metadata.name ?? '')} />}
      {explanation.length > 0 && (
        <section className="explanation" data-testid="explanation">
          <h3>{t('inspector.why')}</h3>
          {explanation.map((line, i) => (
            <p key={i} className={`tone-${line.tone}`}>
              {t(line.key, line.params ?? {})}
            </p>
          ))}
        </section>
      )}
      {decision && (
        <section>
          <h3>{t('decision.title')}</h3>
          <DecisionTable record={decision} />
        </section>
      )}
      <details className="simplifications" data-testid="inspector-simplifications">
        <summary>{t('inspector.simplifications')}</summary>
        <ul>
          {simplificationsFor(obj.kind).map((note) => (
            <li key={note}>{translateNote(note, i18n.language)}</li>
          ))}
        </ul>
      </details>
      <section>
        <h3>YAML</h3>
        <pre className="yaml">{yamlText}</pre>
      </section>
    </div>
  );
}
