// What `kubectl logs` returns for the current instance of a container: the program's own
// output merged, by time, with the access-log lines its server wrote for probe requests.
import { programLogEntries } from '../images/logs';
import { programOf, type SyncCtx } from './syncContext';
import type { ContainerRuntime } from './types';

export function instanceLogs(x: SyncCtx, c: ContainerRuntime, until: number, tail = 1000): string[] {
  const startedAt = c.startedAt ?? until;
  const own = programLogEntries(programOf(x, c), startedAt, until, tail);
  const access = (c.accessLog ?? []).filter((e) => e.at >= startedAt && e.at <= until);
  const merged = access.length ? [...own, ...access].sort((a, b) => a.at - b.at) : own;
  const lines = merged.map((e) => e.line);
  return lines.length > tail ? lines.slice(lines.length - tail) : lines;
}
