// The "0/N nodes are available" message (pkg/scheduler/framework/types.go FitError.Error):
// a histogram of reasons over all nodes (absent nodes share one status), each "count reason",
// sorted as strings (Go sort.Strings, so "10 x" sorts before "2 y"), then the PostFilter
// message as it is. When PreFilter rejected the pod, its message replaces the histogram.
import type { NodeToStatus } from './plugin-api';

export const NO_NODE_AVAILABLE = (n: number) => `0/${n} nodes are available`;

/** Go's sort.Strings compares bytes; JS string comparison on UTF-16 agrees for these texts. */
const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function reasonHistogram(numAllNodes: number, statuses: NodeToStatus): string[] {
  const counts = new Map<string, number>();
  for (const s of statuses.map.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const absent = numAllNodes - statuses.map.size;
  if (absent > 0) for (const r of statuses.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absent);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort(byteCompare);
}

export function fitErrorMessage(numAllNodes: number, statuses: NodeToStatus, preFilterMsg = '', postFilterMsg = ''): string {
  let msg = `${NO_NODE_AVAILABLE(numAllNodes)}:`;
  if (preFilterMsg) msg += ` ${preFilterMsg}.`;
  else {
    const hist = reasonHistogram(numAllNodes, statuses);
    if (hist.length > 0) msg += ` ${hist.join(', ')}.`;
  }
  // The PostFilter message carries its own punctuation (" %v" upstream).
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}
