// The watch stream as a table: time, verb, object, and the component that wrote it — plus
// Kubernetes Events in `kubectl get events` columns. The row at the cursor is highlighted.
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject, WatchEvent } from '../../engine';

export interface EventLogProps {
  events: readonly WatchEvent[];
  cursor: number;
  onSeek: (index: number) => void;
  onSelect: (ref: string) => void;
  /** Ages as kubectl prints them (the engine's humanDuration; the engine is a lazy chunk). */
  formatDuration: (ms: number) => string;
}

// Each step appends a row and drops the oldest, so every row moves: layout, pre-paint and paint
// of the scrolled table grow with the row count (200 rows cost ~12 ms a step in software-rendered
// Chromium, more than the whole cluster canvas; bench:ui frames-20-nodes-200-pods).
const MAX_ROWS = 50;

export function EventLog({ events, cursor, onSeek, onSelect, formatDuration }: EventLogProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'watch' | 'events'>('watch');
  const [showEvents, setShowEvents] = useState(false);
  const rows = useMemo(() => {
    const upTo = events.slice(0, cursor + 1);
    const filtered = mode === 'events' ? upTo.filter((e) => e.kind === 'Event' && e.type === 'ADDED') : upTo.filter((e) => showEvents || (e.kind !== 'Event' && e.kind !== 'Lease'));
    return filtered.slice(-MAX_ROWS);
  }, [events, cursor, mode, showEvents]);


  return (
    <div className="event-log" data-testid="event-log">
      <div className="panel-tabs" role="tablist">
        <button role="tab" aria-selected={mode === 'watch'} onClick={() => setMode('watch')}>
          {t('log.watch')}
        </button>
        <button role="tab" aria-selected={mode === 'events'} onClick={() => setMode('events')}>
          {t('log.events')}
        </button>
        {mode === 'watch' && (
          <label className="inline-check">
            <input type="checkbox" checked={showEvents} onChange={(e) => setShowEvents(e.target.checked)} /> {t('log.includeEvents')}
          </label>
        )}
      </div>
      {/* column-reverse keeps the newest row in view without measuring layout on every step */}
      <div className="table-scroll anchored-bottom">
        {mode === 'watch' ? (
          <table>
            <thead>
              <tr>
                <th>{t('log.time')}</th>
                <th>{t('log.type')}</th>
                <th>{t('log.object')}</th>
                <th>{t('log.component')}</th>
                <th>{t('log.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <WatchRow key={e.index} e={e} current={e.index === cursor} onSeek={onSeek} onSelect={onSelect} formatDuration={formatDuration} />
              ))}
            </tbody>
          </table>
        ) : (
          <table>
            <thead>
              <tr>
                <th>LAST SEEN</th>
                <th>TYPE</th>
                <th>REASON</th>
                <th>OBJECT</th>
                <th>MESSAGE</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const ev = e.object as KubeObject & { type?: string; reason?: string; message?: string; involvedObject?: { kind: string; name: string } };
                return (
                  <tr key={e.index} onClick={() => onSeek(e.index)} className={ev.type === 'Warning' ? 'warning' : ''}>
                    <td className="num">{formatDuration(Math.max(0, events[cursor]?.t - e.t || 0))}</td>
                    <td>{ev.type}</td>
                    <td>{ev.reason}</td>
                    <td className="mono">
                      {ev.involvedObject?.kind.toLowerCase()}/{ev.involvedObject?.name}
                    </td>
                    <td>{ev.message}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

const WatchRow = memo(function WatchRow({ e, current, onSeek, onSelect, formatDuration }: { e: WatchEvent; current: boolean; onSeek: (i: number) => void; onSelect: (ref: string) => void; formatDuration: (ms: number) => string }) {
  return (
    <tr className={current ? 'current' : ''} onClick={() => onSeek(e.index)}>
      <td className="num">{formatT(e.t, formatDuration)}</td>
      <td className={`verb verb-${e.type.toLowerCase()}`}>{e.type}</td>
      <td>
        <button className="link" onClick={(ev) => (ev.stopPropagation(), onSelect(refKey(e)))}>
          {e.kind}/{e.namespace ? `${e.namespace}/` : ''}
          {e.name}
        </button>
      </td>
      <td className="mono">{e.component}</td>
      <td>{e.reason}</td>
    </tr>
  );
});

export function refKey(e: { kind: string; namespace: string; name: string }): string {
  return e.namespace ? `${e.kind}/${e.namespace}/${e.name}` : `${e.kind}/${e.name}`;
}

function formatT(ms: number, formatDuration: (ms: number) => string): string {
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(s < 10 ? 3 : 1)}s` : formatDuration(ms);
}
