// Small text helpers shared by the printers and describers: AGE, <none>, label lists and Go's
// time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700") that describe uses for timestamps.
import type { KubeObject } from '../engine';
import { humanDuration } from '../engine';
import { calendarAt, virtualMsOf } from '../engine/core/time';

export const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
export const none = (v: string): string => (v === '' ? '<none>' : v);

/** translateTimestampSince: HumanDuration since the timestamp, `<unknown>` without one. */
export function since(iso: string | undefined | null, now: number): string {
  const t = iso ? virtualMsOf(iso) : undefined;
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

export function age(o: KubeObject, now: number): string {
  return since(o.metadata.creationTimestamp, now);
}

/** labels.FormatLabels for --show-labels: sorted `k=v` joined by commas, `<none>` when empty. */
export function labelsText(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** Go time.RFC1123Z in UTC for an RFC 3339 timestamp; '' stays '' (a zero time prints as such upstream). */
export function rfc1123z(iso: string | undefined | null): string {
  const v = iso ? virtualMsOf(iso) : undefined;
  if (v === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const { y, mo: m, d, h: hh, mi: mm, s: ss, wd } = calendarAt(v);
  return `${DAYS[wd]}, ${p2(d)} ${MONTHS[m - 1]} ${y} ${p2(hh)}:${p2(mm)}:${p2(ss)} +0000`;
}

/** `deployment.apps/web`: how kubectl names an object in one-line results. */
export function resourceName(kind: string, apiVersion: string, name: string): string {
  const slash = apiVersion.indexOf('/');
  return `${kind.toLowerCase()}${slash < 0 ? '' : `.${apiVersion.slice(0, slash)}`}/${name}`;
}
