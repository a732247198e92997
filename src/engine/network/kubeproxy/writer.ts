// Accumulates the four buffers kube-proxy fills (filter/nat chains and rules), tagging every rule
// with metadata. Mirrors the LineBuffer usage in pkg/proxy/iptables/proxier.go syncProxyRules.
import type { IptablesRule, RuleMeta, TableName, TableRules } from './model';

export function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

export function quoted(text: string): string {
  return `"${text}"`;
}

export function targetOf(args: string[]): string {
  const i = args.indexOf('-j');
  return i >= 0 && i + 1 < args.length ? args[i + 1] : '';
}

export function commentOf(args: string[]): string | undefined {
  const i = args.indexOf('--comment');
  return i >= 0 && i + 1 < args.length ? unquote(args[i + 1]) : undefined;
}

export class RulesWriter {
  readonly filter: TableRules = { chains: [], rules: [] };
  readonly nat: TableRules = { chains: [], rules: [] };

  chain(table: 'filter' | 'nat', name: string): void {
    this[table].chains.push(name);
  }

  rule(table: 'filter' | 'nat', chain: string, args: string[], meta: RuleMeta): IptablesRule {
    const rule: IptablesRule = { table: table as TableName, chain, args, comment: commentOf(args), target: targetOf(args), meta };
    this[table].rules.push(rule);
    return rule;
  }
}
