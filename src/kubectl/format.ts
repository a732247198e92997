// Small text helpers shared by the printers and describers: AGE, <none>, label lists and Go's
// time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700") that describe uses for timestamps.
import type { KubeObject } from '../engine';
import { humanDuration } from '../engine';
import { EPOCH_MS, virtualMsOf } from '../engine/core/time';

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
  const abs = EPOCH_MS + v;
  const days = Math.floor(abs / 86400000);
  const rem = abs - days * 86400000;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const wd = (((days + 4) % 7) + 7) % 7;
  const hh = Math.floor(rem / 3600000);
  const mm = Math.floor((rem % 3600000) / 60000);
  const ss = Math.floor((rem % 60000) / 1000);
  return `${DAYS[wd]}, ${p2(d)} ${MONTHS[m - 1]} ${y} ${p2(hh)}:${p2(mm)}:${p2(ss)} +0000`;
}

/** `deployment.apps/web`: how kubectl names an object in one-line results. */
export function resourceName(kind: string, apiVersion: string, name: string): string {
  const slash = apiVersion.indexOf('/');
  return `${kind.toLowerCase()}${slash < 0 ? '' : `.${apiVersion.slice(0, slash)}`}/${name}`;
}
