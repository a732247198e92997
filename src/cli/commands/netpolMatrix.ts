// kubeglass netpol-matrix FILE... [--port 80] [--protocol TCP] [--json]
import { parseArgs } from 'node:util';
import { cniEnforcesPolicy, formatTruthTable, netpolMatrix, policyEnforcementNote } from '../../engine/network/netpol';
import { UsageError } from '../io';
import type { CliIO } from '../main';
import { COMMON_OPTIONS, loadNetwork } from './network';

export const NETPOL_MATRIX_HELP = `Usage: kubeglass netpol-matrix FILE... [--port 80] [--protocol TCP] [--json] [--seed N] [--until 10m]

Runs the manifests, then prints which pod may connect to which on one port, as the upstream
NetworkPolicy e2e truth tables do ("." allowed, "X" blocked), and whether the CNI enforces it.`;

export function netpolMatrixCommand(argv: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { ...COMMON_OPTIONS, port: { type: 'string' }, protocol: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (values.help) {
    io.out(NETPOL_MATRIX_HELP);
    return 0;
  }
  const port = values.port === undefined ? 80 : Number(values.port);
  if (!(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError(`--port must be a port number, got "${values.port}"`);
  const protocol = (values.protocol ?? 'TCP').toUpperCase();
  if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') throw new UsageError(`--protocol must be TCP, UDP or SCTP, got "${values.protocol}"`);
  const loaded = loadNetwork(positionals, values, io);
  const { netpol, cni } = loaded.net;
  // Pods on the pod network with an IP: hostNetwork pods are the node as far as policy is
  // concerned, and a pod without an IP cannot be connected to yet.
  const pods = netpol.pods.filter((p) => !p.spec?.hostNetwork && p.status?.podIP && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const m = netpolMatrix({ pods, policies: netpol.policies, namespaces: netpol.namespaces, port, protocol });
  const enforced = cniEnforcesPolicy(cni.kind);
  if (values.json) io.out(JSON.stringify({ cni: cni.kind, enforced, matrix: m.matrix, reasons: m.reasons }));
  else io.out(`${policyEnforcementNote(cni.kind)}\n${protocol}/${port}\n\n${formatTruthTable(m)}`);
  return loaded.failed ? 1 : 0;
}
