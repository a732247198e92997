// What `kubectl logs` shows for a simulated container: its timeline's lines up to a moment,
// endless loops unrolled, and time placeholders rendered in each program's own format.
import { calendarAt } from '../core/time';
import type { ContainerProgram } from './simulate';
import type { TimelineEvent } from './shell';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** busybox `date`: `Thu Jan  1 00:00:05 UTC 2026`. */
export function busyboxDate(virtualMs: number): string {
  const c = calendarAt(virtualMs);
  return `${DAYS[c.wd]} ${MONTHS[c.mo - 1]} ${String(c.d).padStart(2, ' ')} ${p2(c.h)}:${p2(c.mi)}:${p2(c.s)} UTC ${c.y}`;
}

function render(text: string, at: number): string {
  if (!text.includes('{{')) return text;
  const c = calendarAt(at);
  return text
    .replace(/\{\{nginxTime\}\}/g, `${c.y}/${p2(c.mo)}/${p2(c.d)} ${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}`)
    .replace(/\{\{redisTime\}\}/g, `${p2(c.d)} ${MONTHS[c.mo - 1]} ${c.y} ${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}.${String(c.ms).padStart(3, '0')}`)
    .replace(/\{\{httpdTime\}\}/g, `${DAYS[c.wd]} ${MONTHS[c.mo - 1]} ${p2(c.d)} ${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}.${String(c.ms).padStart(3, '0')}000 ${c.y}`)
    .replace(/\{\{now\}\}/g, `${c.y}-${p2(c.mo)}-${p2(c.d)} ${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}`);
}

function line(ev: TimelineEvent, startedAt: number): string | undefined {
  if (ev.kind === 'log') return render(ev.text, startedAt + ev.at);
  if (ev.kind === 'date') return busyboxDate(startedAt + ev.at);
  return undefined;
}

/**
 * Log lines a container printed from `startedAt` until `until` (virtual ms), the last `tail`
 * of them (default 1000, as the UI never needs more).
 */
export function programLogs(program: ContainerProgram, startedAt: number, until: number, tail = 1000): string[] {
  return programLogEntries(program, startedAt, until, tail).map((e) => e.line);
}

export interface LogEntry {
  /** Virtual ms the line was written. */
  at: number;
  line: string;
}

/** programLogs with the time of each line, for merging with other output (access logs). */
export function programLogEntries(program: ContainerProgram, startedAt: number, until: number, tail = 1000): LogEntry[] {
  const limit = until - startedAt;
  const out: LogEntry[] = [];
  const tl = program.timeline;
  const stopAt = tl.exit ? Math.min(limit, tl.exit.at) : limit;
  for (const ev of tl.events) {
    if (ev.at > stopAt) break;
    const l = line(ev, startedAt);
    if (l !== undefined) out.push({ at: startedAt + ev.at, line: l });
  }
  if (tl.loop && tl.loop.events.some((e) => e.kind === 'log' || e.kind === 'date')) {
    const { start, period, events } = tl.loop;
    const iterations = Math.floor((stopAt - start) / period) + 1;
    // Only the iterations that can reach the tail are unrolled.
    const perIteration = events.filter((e) => e.kind === 'log' || e.kind === 'date').length;
    const first = Math.max(0, iterations - Math.ceil(tail / perIteration) - 1);
    for (let k = first; k < iterations; k++) {
      for (const ev of events) {
        const at = start + k * period + ev.at;
        if (at > stopAt) break;
        const l = line({ ...ev, at }, startedAt);
        if (l !== undefined) out.push({ at: startedAt + at, line: l });
      }
    }
  }
  return out.length > tail ? out.slice(out.length - tail) : out;
}

/**
 * An access log line for a request, as nginx's default `combined`-style format and httpd's
 * common log format write it: `10.244.1.1 - - [01/Jan/2026:00:00:10 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.34" "-"`.
 */
export function accessLogLine(format: 'nginx' | 'httpd', at: number, from: string, path: string, status: number, bytes: number, userAgent: string): string {
  const c = calendarAt(at);
  const time = `${p2(c.d)}/${MONTHS[c.mo - 1]}/${c.y}:${p2(c.h)}:${p2(c.mi)}:${p2(c.s)} +0000`;
  const head = `${from} - - [${time}] "GET ${path} HTTP/1.1" ${status} ${bytes}`;
  return format === 'nginx' ? `${head} "-" "${userAgent}" "-"` : head;
}

/** Whether a file exists in the container `sinceStart` ms after it started (exec probes). */
export function fileExistsAt(program: ContainerProgram, path: string, sinceStart: number): boolean {
  let exists = false;
  const apply = (ev: TimelineEvent) => {
    if (ev.kind === 'touch' && ev.path === path) exists = true;
    if (ev.kind === 'rm' && ev.path === path) exists = false;
  };
  for (const ev of program.timeline.events) {
    if (ev.at > sinceStart) break;
    apply(ev);
  }
  const loop = program.timeline.loop;
  if (loop && sinceStart >= loop.start) {
    const offset = (sinceStart - loop.start) % loop.period;
    // State at the end of a full iteration first (loops that start by removing, e.g.).
    if (sinceStart - loop.start >= loop.period) for (const ev of loop.events) apply(ev);
    for (const ev of loop.events) {
      if (ev.at > offset) break;
      apply(ev);
    }
  }
  return exists;
}
