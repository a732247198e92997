// kubeglass proxy-rules FILE... --node NAME [--format restore|save] [--ip-family ipv4|ipv6]
// restore: kube-proxy's iptables-restore payload exactly as it writes it (*filter then *nat);
// save: what `iptables-save` prints on the node, with the CNI's own rules (flannel) included.
import { parseArgs } from 'node:util';
import { nodeIptablesSave } from '../../engine/network/clusterNetwork';
import { renderRestore, type IPFamily } from '../../engine/network/kubeproxy';
import { UsageError } from '../io';
import type { CliIO } from '../main';
import { COMMON_OPTIONS, loadNetwork, pickNode } from './network';

export const PROXY_RULES_HELP = `Usage: kubeglass proxy-rules FILE... --node NAME [--format restore|save] [--ip-family ipv4|ipv6] [--seed N] [--until 10m]

Runs the manifests, then prints kube-proxy's rules for the node: --format restore (default) is
the iptables-restore payload kube-proxy writes; --format save is the node's iptables-save view,
including the CNI's rules. The IP family defaults to the node's primary one.`;

export function proxyRulesCommand(argv: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { ...COMMON_OPTIONS, node: { type: 'string' }, format: { type: 'string' }, 'ip-family': { type: 'string' } },
  });
  if (values.help) {
    io.out(PROXY_RULES_HELP);
    return 0;
  }
  const format = values.format ?? 'restore';
  if (format !== 'restore' && format !== 'save') throw new UsageError(`--format must be restore or save, got "${format}"`);
  const familyFlag = values['ip-family'];
  if (familyFlag !== undefined && familyFlag !== 'ipv4' && familyFlag !== 'ipv6') throw new UsageError(`--ip-family must be ipv4 or ipv6, got "${familyFlag}"`);
  const loaded = loadNetwork(positionals, values, io);
  const entry = pickNode(loaded.net, values.node);
  if (typeof entry === 'string') {
    io.err(`kubeglass proxy-rules: ${entry}`);
    return 1;
  }
  const family: IPFamily = familyFlag === 'ipv6' ? 'IPv6' : familyFlag === 'ipv4' ? 'IPv4' : entry.primaryFamily;
  const rules = entry.proxy[family];
  if (!rules) {
    io.err(`kubeglass proxy-rules: node ${entry.name} has no ${family} address, so kube-proxy programs no ${family} rules`);
    return 1;
  }
  const text = format === 'restore' ? renderRestore(rules) : nodeIptablesSave(loaded.net, entry, family)!;
  io.out(text.trimEnd());
  return loaded.failed ? 1 : 0;
}
