// What `kubectl apply --prune` would do between the last applied manifests and the edited ones:
// apply what is new or changed, delete what was removed. A change to the cluster's shape
// (ClusterConfig, Node machines, proxy or scheduler configuration) needs a fresh cluster instead.
import type { KubeObject, ParseResult, UserAction } from '../engine';

export interface ManifestDiff {
  reload: boolean;
  actions: UserAction[];
  /** For each action, the line it came from (to put errors on the right line). */
  objectsByMessage: { line: number; object: KubeObject }[];
}

const key = (o: KubeObject) => `${o.kind}/${o.metadata?.namespace ?? 'default'}/${o.metadata?.name ?? ''}`;
const canonical = (o: unknown) => JSON.stringify(o, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));

export function diffManifests(before: ParseResult, after: ParseResult): ManifestDiff {
  const configBefore = canonical(before.configDocuments.map((d) => d.object));
  const configAfter = canonical(after.configDocuments.map((d) => d.object));
  const nodes = (r: ParseResult) => canonical(r.documents.filter((d) => d.object.kind === 'Node').map((d) => d.object));
  if (configBefore !== configAfter || nodes(before) !== nodes(after)) return { reload: true, actions: [], objectsByMessage: [] };

  const old = new Map(before.documents.map((d) => [key(d.object), d.object]));
  const actions: UserAction[] = [];
  const objectsByMessage: ManifestDiff['objectsByMessage'] = [];
  const seen = new Set<string>();
  for (const doc of after.documents) {
    const k = key(doc.object);
    seen.add(k);
    const prev = old.get(k);
    if (prev && canonical(prev) === canonical(doc.object)) continue;
    actions.push({ type: 'apply', objects: [doc.object] });
    objectsByMessage.push({ line: doc.source.startLine, object: doc.object });
  }
  for (const doc of before.documents) {
    const k = key(doc.object);
    if (seen.has(k) || doc.object.kind === 'Node') continue;
    actions.push({ type: 'delete', target: { kind: doc.object.kind, namespace: doc.object.metadata?.namespace, name: doc.object.metadata?.name ?? '' } });
    objectsByMessage.push({ line: 1, object: doc.object });
  }
  return { reload: false, actions, objectsByMessage };
}
