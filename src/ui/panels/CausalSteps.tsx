// The numbered causal chain beside the control plane graph (viewmodel/causalSteps.ts): who saw
// what and wrote what, one line per step, the step the timeline is in highlighted and scrolled
// into view. With `onSeek`, a step is a button that moves the timeline to its first event.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { stepProgress, type CausalStory } from '../../viewmodel/causalSteps';
import './causalSteps.css';

export interface CausalStepsProps {
  story: CausalStory;
  cursor: number;
  /** Step numbers the cursor is in (currentSteps). */
  current: readonly number[];
  onSeek?: (index: number) => void;
}

export function CausalSteps({ story, cursor, current, onSeek }: CausalStepsProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const first = current[0];
  useEffect(() => {
    // Keep the current step in view as the timeline plays (block: 'nearest' never scrolls the page).
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [first]);
  return (
    <aside className="cp-steps" aria-label={t('steps.title')} data-testid="causal-steps" data-seekable={onSeek ? 'true' : 'false'}>
      <h2 className="cp-steps-title">{t('steps.title')}</h2>
      {story.root && (
        <div className="cp-steps-root" data-testid="causal-root">
          {t('steps.root', { root: story.root })}
        </div>
      )}
      {story.steps.length === 0 ? (
        <p className="cp-steps-empty">{t('steps.empty')}</p>
      ) : (
        <ol className="cp-steps-list" ref={list}>
          {story.steps.map((s) => {
            const isCurrent = current.includes(s.n);
            const progress = stepProgress(s, cursor);
            const range = s.first === s.last ? t('steps.eventOne', { from: s.first + 1 }) : t('steps.eventRange', { from: s.first + 1, to: s.last + 1 });
            const body = (
              <>
                <span className="cp-step-n" aria-hidden>
                  {s.n}
                </span>
                <span className="cp-step-body">
                  <span className="cp-step-text">{t(s.text.key, s.text.values ?? {})}</span>
                  <span className="cp-step-meta">
                    {s.process && <span className="cp-step-process">{t('steps.process', { process: s.process })}</span>}
                    {s.reasons.length > 0 && <span className="cp-step-reasons">{s.reasons.join(', ')}</span>}
                    <span className="cp-step-range num">{range}</span>
                  </span>
                </span>
              </>
            );
            return (
              <li key={`${s.action}|${s.components[0]}|${s.kind}|${s.names[0] ?? ''}`} className={`cp-step is-${progress}${isCurrent ? ' is-current' : ''}`} aria-current={isCurrent ? 'step' : undefined} data-testid="causal-step" data-step={s.n} data-action={s.action} data-first={s.first}>
                {onSeek ? (
                  <button type="button" className="cp-step-button" onClick={() => onSeek(s.first)} title={t('steps.goto', { n: s.n })}>
                    {body}
                  </button>
                ) : (
                  <div className="cp-step-button">{body}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {story.notes.length > 0 && (
        <details className="cp-steps-notes" data-testid="causal-notes">
          <summary>{t('graph.notes', { count: story.notes.length })}</summary>
          <ul>
            {story.notes.map((n) => (
              <li key={n.key}>{t(n.key, n.values ?? {})}</li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
