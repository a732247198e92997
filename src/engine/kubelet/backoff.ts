// Exponential back-off as client-go's flowcontrol.Backoff does it (util/flowcontrol/backoff.go),
// with the kubelet's settings: 10 s doubling to 5 min for container restarts (CrashLoopBackOff)
// and for image pulls (pkg/kubelet/kubelet.go backOffPeriod / MaxContainerBackOff). An entry
// that has not been updated for twice the maximum (10 min) starts over.

export interface BackoffEntry {
  /** Current back-off, ms. */
  backoffMs: number;
  /** Virtual ms of the last Next(). */
  lastUpdate: number;
}

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

function hasExpired(eventTime: number, lastUpdate: number, maxMs: number): boolean {
  return eventTime - lastUpdate > maxMs * 2;
}

/** Backoff.Next: start at the initial period or double, capped. Returns the new entry. */
export function backoffNext(entry: BackoffEntry | undefined, eventTime: number, initialMs = INITIAL_BACKOFF_MS, maxMs = MAX_BACKOFF_MS): BackoffEntry {
  if (!entry || hasExpired(eventTime, entry.lastUpdate, maxMs)) return { backoffMs: initialMs, lastUpdate: eventTime };
  return { backoffMs: Math.min(entry.backoffMs * 2, maxMs), lastUpdate: eventTime };
}

/** Backoff.IsInBackOffSince: still within the back-off counted from `eventTime` (e.g. a container's finish). */
export function isInBackoffSince(entry: BackoffEntry | undefined, eventTime: number, now: number, maxMs = MAX_BACKOFF_MS): boolean {
  if (!entry) return false;
  if (hasExpired(eventTime, entry.lastUpdate, maxMs)) return false;
  return now - eventTime < entry.backoffMs;
}

/** Backoff.IsInBackOffSinceUpdate: still within the back-off counted from the last Next(). */
export function isInBackoffSinceUpdate(entry: BackoffEntry | undefined, now: number, maxMs = MAX_BACKOFF_MS): boolean {
  if (!entry) return false;
  if (hasExpired(now, entry.lastUpdate, maxMs)) return false;
  return now - entry.lastUpdate < entry.backoffMs;
}

/** Go's time.Duration.String for whole milliseconds: `812ms`, `1.234s`, `5m0s`, `1h2m3.5s`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(Math.round(ms));
  if (rest < 1000) return `${neg ? '-' : ''}${rest}ms`;
  const h = Math.floor(rest / 3600000);
  rest -= h * 3600000;
  const m = Math.floor(rest / 60000);
  rest -= m * 60000;
  const s = Math.floor(rest / 1000);
  const frac = rest % 1000;
  const sec = frac ? `${s}.${String(frac).padStart(3, '0').replace(/0+$/, '')}` : String(s);
  let out = `${sec}s`;
  if (h || m) out = `${m}m${out}`;
  if (h) out = `${h}h${out}`;
  return (neg ? '-' : '') + out;
}
