// Virtual time. The simulation starts at a fixed wall-clock instant so timestamps look real
// but never depend on the machine's clock.

/** 2026-01-01T00:00:00Z in Unix milliseconds: the instant virtual time 0 stands for. */
export const EPOCH_MS = 1767225600000;

/** RFC 3339 timestamp (seconds precision, as metav1.Time marshals) for a virtual time in ms. */
export function isoAt(virtualMs: number): string {
  const totalSeconds = Math.floor((EPOCH_MS + virtualMs) / 1000);
  const days = Math.floor(totalSeconds / 86400);
  const secs = totalSeconds - days * 86400;
  const { y, m, d } = civilFromDays(days);
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  return `${y}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:${pad(ss)}Z`;
}

/** Parses an RFC 3339 timestamp back to virtual ms (inverse of isoAt, for imported objects). */
export function virtualMsOf(iso: string): number | undefined {
  // Controllers compare pod timestamps on every sync; the same few strings come back over and
  // over, so parsed values are kept (bounded: the cache starts again when full).
  const known = parsedTimes.get(iso);
  if (known !== undefined || parsedTimes.has(iso)) return known;
  const value = parseVirtualMs(iso);
  if (parsedTimes.size >= 50_000) parsedTimes.clear();
  parsedTimes.set(iso, value);
  return value;
}

const parsedTimes = new Map<string, number | undefined>();

function parseVirtualMs(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return undefined;
  // metav1.MicroTime (Lease renewTime, Event eventTime) carries fractions of a second.
  const fraction = m[7] ? Math.floor(parseFloat(`0${m[7]}`) * 1000) : 0;
  const days = daysFromCivil(+m[1], +m[2], +m[3]);
  let secs = days * 86400 + +m[4] * 3600 + +m[5] * 60 + +m[6];
  const zone = m[8];
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    secs -= sign * (+zone.slice(1, 3) * 3600 + +zone.slice(4, 6) * 60);
  }
  return secs * 1000 + fraction - EPOCH_MS;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** UTC calendar fields of a virtual time (virtual 0 = 2026-01-01T00:00:00Z); mo is 1-12, wd 0 = Sunday. */
export interface Calendar {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  wd: number;
  /** Days since 1970-01-01. */
  days: number;
}

export function calendarAt(virtualMs: number): Calendar {
  const abs = EPOCH_MS + virtualMs;
  const days = Math.floor(abs / 86400000);
  const rem = abs - days * 86400000;
  const { y, m, d } = civilFromDays(days);
  return {
    y,
    mo: m,
    d,
    h: Math.floor(rem / 3600000),
    mi: Math.floor((rem % 3600000) / 60000),
    s: Math.floor((rem % 60000) / 1000),
    ms: rem % 1000,
    wd: (((days + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
    days,
  };
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar): calendar
// arithmetic without Date, over days since 1970-01-01.
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Parses durations like `30s`, `2m`, `1h30m`, `500ms`, `10m` (Go's time.ParseDuration subset). */
export function parseDuration(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  const trimmed = text.trim();
  if (!/^(\d+(?:\.\d+)?(ms|s|m|h))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const m of trimmed.matchAll(re)) {
    const n = parseFloat(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60000 : n * 3600000;
  }
  return total;
}

/** kubectl's AGE column (apimachinery/pkg/util/duration/duration.go HumanDuration). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 0) return '<invalid>';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** C's ctime()/asctime() layout, e.g. `Thu Jan  1 00:00:05 2026` (iptables-save's header). */
export function asctime(virtualMs: number): string {
  const c = calendarAt(virtualMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[c.wd]} ${MONTH_NAMES[c.mo - 1]} ${String(c.d).padStart(2, ' ')} ${p2(c.h)}:${p2(c.mi)}:${p2(c.s)} ${c.y}`;
}
