// Cron schedules as the CronJob controller parses them: robfig/cron/v3 ParseStandard (5 fields,
// names, ranges, steps, `?`, the @yearly/@monthly/@weekly/@daily/@hourly descriptors and
// @every <duration>). Day-of-month and day-of-week OR together unless either is `*`
// (robfig/cron spec.go dayMatches). Times are UTC virtual milliseconds.
//
// Simplification: spec.timeZone is honoured only for UTC (and Etc/UTC); other zones are
// evaluated as UTC, and cronJobController reports that in its notes.
import { civilFromDays, daysFromCivil } from '../../core/time';
import { EPOCH_MS } from '../../core/time';

export interface CronSchedule {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
  /** @every: a fixed interval instead of fields. */
  everyMs?: number;
}

interface FieldBounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const BOUNDS: FieldBounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export class CronParseError extends Error {}

function parseValue(text: string, b: FieldBounds): number {
  const named = b.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) throw new CronParseError(`failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`);
  return parseInt(text, 10);
}

/** One comma-separated part: `*`, `?`, `n`, `a-b`, with an optional `/step`. Returns whether it was a star. */
function parseRange(expr: string, b: FieldBounds, out: Set<number>): boolean {
  const [rangePart, stepPart, extra] = expr.split('/');
  if (extra !== undefined) throw new CronParseError(`too many slashes: ${expr}`);
  let start: number;
  let end: number;
  let star = false;
  if (rangePart === '*' || rangePart === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    const [lo, hi, more] = rangePart.split('-');
    if (more !== undefined) throw new CronParseError(`too many hyphens: ${expr}`);
    start = parseValue(lo, b);
    end = hi === undefined ? start : parseValue(hi, b);
  }
  let step = 1;
  if (stepPart !== undefined) {
    step = parseValue(stepPart, { min: 0, max: 0 });
    // "N/step" means "N-max/step".
    if (!rangePart.includes('-') && !star) end = b.max;
    if (step > 1) star = false;
  }
  if (start < b.min) throw new CronParseError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronParseError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) out.add(v);
  return star;
}

/** Parses a CronJob schedule; throws CronParseError with robfig/cron's wording on bad input. */
export function parseCron(text: string): CronSchedule {
  let spec = text.trim();
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) spec = spec.slice(spec.indexOf(' ') + 1).trim();
  if (spec.startsWith('@every ')) {
    const ms = parseGoDuration(spec.slice(7).trim());
    if (ms === undefined) throw new CronParseError(`failed to parse duration ${spec}`);
    return { minute: new Set(), hour: new Set(), dom: new Set(), month: new Set(), dow: new Set(), domStar: true, dowStar: true, everyMs: Math.max(ms, 1000) };
  }
  if (spec.startsWith('@')) {
    const expanded = DESCRIPTORS[spec.toLowerCase()];
    if (!expanded) throw new CronParseError(`unrecognized descriptor: ${spec}`);
    spec = expanded;
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: ${spec}`);
  const sets = BOUNDS.map(() => new Set<number>());
  const stars = fields.map((f, i) => f.split(',').map((part) => parseRange(part, BOUNDS[i], sets[i])).some(Boolean));
  // Sunday may also be written 7 in some crons; robfig rejects it (max 6), as Kubernetes does.
  return { minute: sets[0], hour: sets[1], dom: sets[2], month: sets[3], dow: sets[4], domStar: stars[2], dowStar: stars[4] };
}

function parseGoDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    const n = parseFloat(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60000 : n * 3600000;
  }
  return total;
}

function dayMatches(s: CronSchedule, days: number, dom: number): boolean {
  const dow = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const domMatch = s.dom.has(dom);
  const dowMatch = s.dow.has(dow);
  return s.domStar || s.dowStar ? domMatch && dowMatch : domMatch || dowMatch;
}

/**
 * The first activation strictly after virtual time `afterMs` (robfig/cron SpecSchedule.Next),
 * in virtual ms. Undefined when nothing matches within five years (e.g. `0 0 30 2 *`).
 */
export function nextActivation(s: CronSchedule, afterMs: number): number | undefined {
  if (s.everyMs !== undefined) {
    // ConstantDelaySchedule.Next rounds to the second.
    const wall = EPOCH_MS + afterMs;
    return Math.floor((wall + s.everyMs) / 1000) * 1000 - EPOCH_MS;
  }
  // Start at the next whole minute, then walk day by day and within a day minute-field-wise.
  const startMin = Math.floor((EPOCH_MS + afterMs) / 60000) + 1;
  let days = Math.floor(startMin / 1440);
  let minuteOfDay = startMin - days * 1440;
  const limit = days + 5 * 366;
  for (; days <= limit; days++, minuteOfDay = 0) {
    const { m, d } = civilFromDays(days);
    if (!s.month.has(m) || !dayMatches(s, days, d)) continue;
    for (let mod = minuteOfDay; mod < 1440; mod++) {
      const h = Math.floor(mod / 60);
      if (!s.hour.has(h)) {
        mod = h * 60 + 59; // skip the rest of this hour
        continue;
      }
      if (s.minute.has(mod % 60)) return (days * 1440 + mod) * 60000 - EPOCH_MS;
    }
  }
  return undefined;
}

/** Unix minutes of a virtual time (the CronJob's job-name suffix, getTimeHashInMinutes). */
export function unixMinutes(virtualMs: number): number {
  return Math.floor((EPOCH_MS + virtualMs) / 60000);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z layout in UTC ("Mon, 02 Jan 2006 15:04:05 +0000"), as MissSchedule prints. */
export function rfc1123z(virtualMs: number): string {
  const totalSec = Math.floor((EPOCH_MS + virtualMs) / 1000);
  const days = Math.floor(totalSec / 86400);
  const secs = totalSec - days * 86400;
  const { y, m, d } = civilFromDays(days);
  const p = (n: number) => String(n).padStart(2, '0');
  const dow = (((days + 4) % 7) + 7) % 7;
  return `${WEEKDAYS[dow]}, ${p(d)} ${MONTH_NAMES[m - 1]} ${y} ${p(Math.floor(secs / 3600))}:${p(Math.floor((secs % 3600) / 60))}:${p(secs % 60)} +0000`;
}

export { daysFromCivil };
