// The iptables-restore payload kube-proxy feeds to `iptables-restore --noflush --counters`:
// "*filter", chain lines, rules, "COMMIT", then the same for "*nat"
// (pkg/proxy/iptables/proxier.go syncProxyRules; utiliptables.MakeChainLine).
// For IPVS mode the same shape, nat first.
import type { ProxyRules, TableRules } from './model';

function table(name: string, t: TableRules): string {
  let out = `*${name}\n`;
  for (const chain of t.chains) out += `:${chain} - [0:0]\n`;
  for (const rule of t.rules) out += `-A ${rule.chain}${rule.args.length ? ' ' + rule.args.join(' ') : ''}\n`;
  return out + 'COMMIT\n';
}

export function renderRestore(rules: ProxyRules): string {
  // IPVS mode writes the nat table first (pkg/proxy/ipvs/proxier.go syncProxyRules).
  if (rules.mode === 'ipvs') return table('nat', rules.nat) + table('filter', rules.filter);
  return table('filter', rules.filter) + table('nat', rules.nat);
}
