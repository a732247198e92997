// The reachability truth table the upstream e2e suite prints (test/e2e/network/netpol/truthtable.go):
// every pod to every pod, including itself, on one port/protocol, plus the reason for each cell.
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import { evaluateNetworkPolicy, type Protocol } from './evaluate';

export interface NetpolMatrix {
  /** matrix[from][to]: true when from may connect to to. Keys are "ns/pod". */
  matrix: Record<string, Record<string, boolean>>;
  /** reasons["ns/a->ns/b"]: why, naming the deciding policy and rule. */
  reasons: Record<string, string>;
}

export interface MatrixInput {
  pods: Pod[];
  policies: NetworkPolicy[];
  namespaces: Namespace[];
  port: number;
  protocol?: Protocol;
}

const podKey = (p: Pod) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`;

export function netpolMatrix(input: MatrixInput): NetpolMatrix {
  const pods = [...input.pods].sort((a, b) => (podKey(a) < podKey(b) ? -1 : podKey(a) > podKey(b) ? 1 : 0));
  const matrix: NetpolMatrix['matrix'] = {};
  const reasons: NetpolMatrix['reasons'] = {};
  for (const from of pods) {
    const row: Record<string, boolean> = {};
    for (const to of pods) {
      const v = evaluateNetworkPolicy({
        src: { pod: podKey(from) },
        dst: { pod: podKey(to) },
        port: input.port,
        protocol: input.protocol,
        policies: input.policies,
        pods: input.pods,
        namespaces: input.namespaces,
      });
      row[podKey(to)] = v.allowed;
      const blocking = [v.egress, v.ingress].filter((d) => !d.allowed);
      reasons[`${podKey(from)}->${podKey(to)}`] = v.allowed
        ? `allowed: ${v.egress.reason}; ${v.ingress.reason}`
        : `denied: ${blocking.map((d) => d.reason).join('; ')}`;
    }
    matrix[podKey(from)] = row;
  }
  return { matrix, reasons };
}

/** Renders the matrix like TruthTable.PrettyPrint in the e2e suite: "." connected, "X" blocked. */
export function formatTruthTable(m: NetpolMatrix): string {
  const keys = Object.keys(m.matrix);
  const lines = ['-\t' + keys.join('\t')];
  for (const from of keys) lines.push(from + '\t' + keys.map((to) => (m.matrix[from][to] ? '.' : 'X')).join('\t'));
  return lines.join('\n');
}
