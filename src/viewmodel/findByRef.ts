// Looks up the object a `Kind/namespace/name` (or `Kind/name`) reference names in a snapshot.
// Kept apart from the inspector so the app shell can use it without the inspector's chunk.
import type { KubeObject, Snapshot } from '../engine';

export function findByRef(snapshot: Snapshot, ref: string | undefined): KubeObject | undefined {
  if (!ref) return undefined;
  const parts = ref.split('/');
  const [kind, a, b] = parts;
  const ns = parts.length === 3 ? a : undefined;
  const name = parts.length === 3 ? b : a;
  return (snapshot.objects[kind] ?? []).find((o) => o.metadata.name === name && (ns === undefined || o.metadata.namespace === ns));
}
