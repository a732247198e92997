// The narration line over the canvas: the current event in one sentence, large enough to read
// from the back of a classroom.
import { useTranslation } from 'react-i18next';
import type { WatchEvent } from '../../engine';
import { humanDuration } from '../../engine';
import { narrate } from '../../viewmodel/narrate';

export function Narration({ event }: { event?: WatchEvent }) {
  const { t } = useTranslation();
  if (!event) return <div className="narration" data-testid="narration">{t('narrate.start')}</div>;
  const n = narrate(event);
  return (
    <div className="narration" data-testid="narration" aria-live="polite">
      <span className="narration-time num">{humanDuration(event.t)}</span> {t(n.key, n.params)}
    </div>
  );
}
