// kubeglass trace FILE... --from SRC --to DST [--port N] [--protocol TCP|UDP|SCTP] [--json]
import { parseArgs } from 'node:util';
import { Rng } from '../../engine/core/rng';
import { tracePath, type PathHop, type PathTrace, type Protocol } from '../../engine/network/packet';
import { UsageError } from '../io';
import type { CliIO } from '../main';
import { COMMON_OPTIONS, loadNetwork } from './network';

export const TRACE_HELP = `Usage: kubeglass trace FILE... --from SRC --to DST [--port N] [--protocol TCP|UDP|SCTP] [--json] [--seed N] [--until 10m]

Runs the manifests, then follows one connection hop by hop: SRC is a pod ("ns/name"), a node
("node/NAME") or an outside IP; DST is a pod IP, ClusterIP:port, NodeIP:NodePort, a DNS name
(resolved with the source pod's resolv.conf) or an Ingress URL ("http://host/path").
Endpoint choices use the --seed. Exit 1 when the source or destination cannot be found.`;

const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

function hopLine(h: PathHop, i: number): string {
  const p = h.packet;
  const where = `${h.node || '-'} ${h.netns}${h.device ? ` ${h.device}` : ''}`;
  const lines = [`${String(i + 1).padStart(3)} ${h.direction.padEnd(7)} ${h.kind.padEnd(9)} ${where}`, `      ${h.text}`];
  if (h.candidates) for (const c of h.candidates) lines.push(`      ${c.taken ? '*' : ' '} ${c.endpoint.padEnd(22)} probability ${c.probability}${c.draw !== undefined ? `  draw ${c.draw.toFixed(4)}` : ''}`);
  if (h.outer) lines.push(`      outer: ${h.outer.src}${h.outer.sport ? `:${h.outer.sport}` : ''} -> ${h.outer.dst}${h.outer.dport ? `:${h.outer.dport}` : ''} ${h.outer.proto}${h.outer.vni !== undefined ? ` VNI ${h.outer.vni}` : ''}`);
  if (h.note) lines.push(`      # ${h.note}`);
  lines.push(`      packet ${p.src}:${p.sport} -> ${p.dst}:${p.dport} ${p.proto}`);
  return lines.join('\n');
}

export function traceText(t: PathTrace): string {
  const lines: string[] = [];
  if (t.resolution) {
    lines.push(`DNS ${t.resolution.query} (${t.resolution.qtype}) with resolv.conf:`, ...t.resolution.resolvConf.trimEnd().split('\n').map((l) => `    ${l}`));
    for (const a of t.resolution.attempts) lines.push(`  tried ${a}`);
    lines.push(`  using ${t.resolution.picked}`, '');
  }
  if (t.ingress) lines.push(`Ingress ${t.ingress.ingress}: host ${t.ingress.host} path ${t.ingress.path} (${t.ingress.pathType}) -> ${t.ingress.backend} via ${t.ingress.controller}`, '');
  t.hops.forEach((h, i) => lines.push(hopLine(h, i)));
  lines.push('', `${t.outcome.toUpperCase()}: ${t.reason}`);
  for (const n of t.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

export function traceCommand(argv: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { ...COMMON_OPTIONS, from: { type: 'string' }, to: { type: 'string' }, port: { type: 'string' }, protocol: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (values.help) {
    io.out(TRACE_HELP);
    return 0;
  }
  if (!values.from || !values.to) throw new UsageError('--from SRC and --to DST are required');
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError(`--port must be a port number, got "${values.port}"`);
  const protocol = (values.protocol ?? 'TCP').toUpperCase() as Protocol;
  if (!PROTOCOLS.includes(protocol)) throw new UsageError(`--protocol must be TCP, UDP or SCTP, got "${values.protocol}"`);
  const loaded = loadNetwork(positionals, values, io);
  const t = tracePath({ from: values.from, to: values.to, port, protocol }, loaded.net, new Rng(loaded.seed));
  if (t.outcome === 'error') {
    io.err(`kubeglass trace: ${t.reason}`);
    if (values.json) io.out(JSON.stringify(t));
    return 1;
  }
  io.out(values.json ? JSON.stringify(t) : traceText(t));
  return loaded.failed ? 1 : 0;
}
