// kubeglass network FILE... --node NAME [--json] [--seed N] [--until 10m]
// Also the loader the other network commands share: run the simulation, print diagnostics,
// build the cluster network from the final snapshot.
import { parseArgs } from 'node:util';
import { Simulation, parseDuration, type Diagnostic } from '../../engine';
import { buildClusterNetwork, type ClusterNetwork, type NodeNetworkEntry } from '../../engine/network/clusterNetwork';
import { toNetworkJson, type NetNamespace } from '../../engine/network/cni';
import { renderIpvsadm } from '../../engine/network/kubeproxy';
import { parseRunFlags, readManifestFiles, UsageError } from '../io';
import type { CliIO } from '../main';

export const COMMON_OPTIONS = {
  seed: { type: 'string' },
  until: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface LoadedNetwork {
  sim: Simulation;
  net: ClusterNetwork;
  seed: number;
  /** A document failed (exit code 1 once the command's output is printed). */
  failed: boolean;
}

/** Runs the manifests like `simulate` (same --seed/--until handling) and builds the network. */
export function loadNetwork(positionals: string[], values: { seed?: string; until?: string }, io: CliIO): LoadedNetwork {
  if (positionals.length === 0) throw new UsageError('at least one FILE (or - for standard input) is required');
  const { seed, until } = parseRunFlags(values, parseDuration);
  const files = readManifestFiles(positionals);
  const sim = Simulation.load(files, { seed });
  sim.run({ until });
  const diagnostics: readonly Diagnostic[] = sim.diagnostics;
  for (const d of diagnostics) {
    if (d.severity !== 'info') io.err(`${d.file ?? '<input>'}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  }
  const net = buildClusterNetwork({ objects: sim.snapshot().objects, config: sim.config, kubeProxy: sim.engineConfigs.kubeProxy, time: sim.now() });
  return { sim, net, seed, failed: diagnostics.some((d) => d.severity === 'error') };
}

/** The node named by --node, or an error message listing the ones there are. */
export function pickNode(net: ClusterNetwork, name: string | undefined): NodeNetworkEntry | string {
  if (!name) throw new UsageError(`--node NAME is required (nodes: ${net.nodes.map((n) => n.name).join(', ') || 'none'})`);
  const entry = net.nodes.find((n) => n.name === name);
  if (entry) return entry;
  const skipped = net.skippedNodes.find((n) => n.name === name);
  return skipped ? `node ${name} has no network yet: ${skipped.reason}` : `node ${name} not found (nodes: ${net.nodes.map((n) => n.name).join(', ') || 'none'})`;
}

export const NETWORK_HELP = `Usage: kubeglass network FILE... --node NAME [--json] [--seed N] [--until 10m]

Runs the manifests, then prints the node's network namespaces as \`ip addr\`, \`ip route\`,
\`ip neigh\` and \`bridge fdb\` would show them (and \`ipvsadm -ln\` in IPVS mode).`;

function namespaceText(ns: NetNamespace): string {
  const lines = [`netns ${ns.name}${ns.pods.length ? ` (pods: ${ns.pods.join(', ')})` : ''}`, '  interfaces:'];
  for (const i of ns.interfaces) {
    const extra = [i.master ? `master ${i.master}` : '', i.peer ? `peer ${i.peer}` : '', i.mac ? `link ${i.mac}` : ''].filter(Boolean).join(' ');
    lines.push(`    ${i.name.padEnd(14)} ${i.type.padEnd(9)} mtu ${String(i.mtu).padEnd(6)} ${(i.addresses.join(' ') || '-').padEnd(18)} ${extra}`.trimEnd());
  }
  for (const [title, list] of [['routes', ns.routes], ['neighbours', ns.neighbours], ['fdb', ns.fdb]] as const) {
    if (list.length === 0) continue;
    lines.push(`  ${title}:`);
    for (const e of list) lines.push(`    ${e.text}`);
  }
  return lines.join('\n');
}

export function networkCommand(argv: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { ...COMMON_OPTIONS, node: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (values.help) {
    io.out(NETWORK_HELP);
    return 0;
  }
  const loaded = loadNetwork(positionals, values, io);
  const entry = pickNode(loaded.net, values.node);
  if (typeof entry === 'string') {
    io.err(`kubeglass network: ${entry}`);
    return 1;
  }
  const ipvs = entry.ipvs[entry.primaryFamily];
  if (values.json) {
    io.out(JSON.stringify({ ...toNetworkJson(entry.network), ...(ipvs ? { ipvsadm: renderIpvsadm(ipvs) } : {}), simplifications: entry.network.simplifications }));
  } else {
    const blocks = entry.network.netns.map(namespaceText);
    if (ipvs) blocks.push(`ipvsadm -ln:\n${renderIpvsadm(ipvs).trimEnd()}`);
    io.out(blocks.join('\n\n'));
  }
  return loaded.failed ? 1 : 0;
}
