// Playback over the event log: play/pause, step one event back or forward, speed, and a
// scrubber over virtual time with a tick for every event.
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WatchEvent } from '../../engine';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];

export interface TimelineProps {
  events: readonly WatchEvent[];
  cursor: number;
  playing: boolean;
  speed: number;
  onSeek: (index: number) => void;
  onPlay: (playing: boolean) => void;
  onSpeed: (speed: number) => void;
  /** Virtual time as kubectl prints an age (the engine's humanDuration; the engine is a lazy chunk). */
  formatDuration: (ms: number) => string;
}

export function Timeline({ events, cursor, playing, speed, onSeek, onPlay, onSpeed, formatDuration }: TimelineProps) {
  const { t } = useTranslation();
  const last = events.length - 1;
  const end = Math.max(1, events[last]?.t ?? 1);
  const now = events[cursor]?.t ?? 0;
  return (
    <div className="timeline" data-testid="timeline">
      <button onClick={() => onSeek(0)} title={t('timeline.start')} aria-label={t('timeline.start')}>
        «
      </button>
      <button onClick={() => onSeek(Math.max(0, cursor - 1))} title={t('timeline.back')} aria-label={t('timeline.back')} data-testid="step-back">
        ‹
      </button>
      <button onClick={() => onPlay(!playing)} className="primary" title={playing ? t('timeline.pause') : t('timeline.play')} aria-label={playing ? t('timeline.pause') : t('timeline.play')} data-testid="play">
        {playing ? '❚❚' : '▶'}
      </button>
      <button onClick={() => onSeek(Math.min(last, cursor + 1))} title={t('timeline.forward')} aria-label={t('timeline.forward')} data-testid="step-forward">
        ›
      </button>
      <button onClick={() => onSeek(last)} title={t('timeline.end')} aria-label={t('timeline.end')} data-testid="to-end">
        »
      </button>
      <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))} aria-label={t('timeline.speed')}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <div className="scrubber">
        <Ticks events={events} end={end} />
        <input
          type="range"
          min={0}
          max={Math.max(0, last)}
          value={cursor}
          onChange={(e) => onSeek(Number(e.target.value))}
          aria-label={t('timeline.scrubber')}
          data-testid="scrubber"
        />
      </div>
      <span className="time num" data-testid="virtual-time">
        {/* No time before the engine has booted the scene (formatDuration returns ''). */}
        {[formatDuration(now), t('timeline.eventOf', { index: cursor + 1, total: events.length })].filter(Boolean).join(' · ')}
      </span>
    </div>
  );
}

/**
 * The event markers. They change only when the log grows, not on each playback step, so they
 * are drawn apart from the cursor (up to 1,000 lines re-rendered per step otherwise).
 */
const Ticks = memo(function Ticks({ events, end }: { events: readonly WatchEvent[]; end: number }) {
  const ticks = useMemo(() => tickPositions(events, end), [events, end]);
  return (
    <svg className="ticks" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden>
      {ticks.map((x) => (
        <line key={x} x1={x} x2={x} y1={0} y2={10} />
      ))}
    </svg>
  );
});

/** One tick per distinct 1/1000th of the run, so thousands of events stay cheap to draw. */
function tickPositions(events: readonly WatchEvent[], end: number): number[] {
  const seen = new Set<number>();
  for (const e of events) seen.add(Math.round((e.t / end) * 1000));
  return [...seen];
}
