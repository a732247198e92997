// The text summary `kubeglass simulate` prints: like `kubectl get pods,rs,deploy,svc` for the
// user's namespaces, then the nodes.
import type { Simulation } from '../engine';
import { printTable } from '../kubectl/printers';

const KINDS = ['Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'Service'];

export function summaryText(sim: Simulation, opts: { allNamespaces?: boolean } = {}): string {
  const snap = sim.snapshot();
  const now = sim.now();
  const userNs = (ns: string | undefined) => opts.allNamespaces || !(ns ?? '').startsWith('kube-');
  const blocks: string[] = [];
  for (const kind of KINDS) {
    const objects = (snap.objects[kind] ?? []).filter((o) => userNs(o.metadata.namespace));
    const text = printTable(kind, objects, { now, withKind: true, allNamespaces: true });
    if (text) blocks.push(text);
  }
  const nodes = printTable('Node', snap.objects.Node ?? [], { now, withKind: true });
  if (nodes) blocks.push(nodes);
  return blocks.join('\n\n');
}
