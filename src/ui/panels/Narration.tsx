// The narration line over the canvas: the current event in one sentence, large enough to read
// from the back of a classroom.
import { useTranslation } from 'react-i18next';
import type { WatchEvent } from '../../engine';
import { narrate } from '../../viewmodel/narrate';

/** `formatDuration`: the engine's humanDuration (passed in: the engine is a lazy chunk). */
export function Narration({ event, formatDuration }: { event?: WatchEvent; formatDuration: (ms: number) => string }) {
  const { t } = useTranslation();
  if (!event) return <div className="narration" data-testid="narration">{t('narrate.start')}</div>;
  const n = narrate(event);
  return (
    <div className="narration" data-testid="narration" aria-live="polite">
      <span className="narration-time num">{formatDuration(event.t)}</span> {t(n.key, n.params)}
    </div>
  );
}
