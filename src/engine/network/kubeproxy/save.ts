// renderSave: what `iptables-save` prints on the node after kube-proxy (and, optionally, kubelet
// and other writers) have programmed it. The kernel keeps rules in its own form, so the text
// differs from the restore payload: header matches (-s -d -i -o -p) first, addresses with a
// prefix length, matches in the order they were added, and each extension's own save format
// (libxt_*.c *_save functions in the iptables sources).
import { cHex, savedProbabilityString } from './format';
import { formatIP, parseCIDR, parseIP, type IPFamily } from './ip';
import type { JumpRule, ProxyRules, TableName } from './model';
import { parseRuleArgs, type HeaderMatch, type MatchModule, type MatchOption } from './ruleArgs';

/** A rule written by someone else (flannel, CNI portmap, Docker ...), already in iptables-save form. */
export interface ExtraRule {
  table: TableName;
  chain: string;
  /** Text after "-A CHAIN ", e.g. '-m comment --comment "flanneld masq" -j FLANNEL-POSTRTG'. */
  rule: string;
  /** 'append' (iptables -A, default) or 'prepend' (iptables -I) for built-in chains. */
  position?: 'append' | 'prepend';
}

export interface SaveExtras {
  /** User-defined chains other writers created (declared even when empty). */
  chains?: { table: TableName; chain: string }[];
  rules?: ExtraRule[];
  /** Include kubelet's chains (KUBE-IPTABLES-HINT, KUBE-KUBELET-CANARY, KUBE-FIREWALL); default true. */
  kubelet?: boolean;
  /** Header text; default 'iptables-save v1.8.9 (nf_tables)'. */
  version?: string;
  /** Fixed timestamp for the comment lines; default 'Thu Jan  1 00:00:00 1970'. */
  timestamp?: string;
}

const BUILTIN: Record<TableName, string[]> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

const TABLE_ORDER: TableName[] = ['mangle', 'filter', 'nat'];

/** xtables_save_string: bare when only [_-0-9A-Za-z], otherwise double-quoted with escapes. */
export function saveString(value: string): string {
  if (/^[-_0-9A-Za-z]+$/.test(value)) return value;
  return '"' + value.replace(/["\\']/g, (c) => '\\' + c) + '"';
}

function saveAddress(text: string, family: IPFamily): string {
  if (text.includes('/')) {
    const c = parseCIDR(text);
    return c ? `${formatIP(c.ip)}/${c.prefix}` : text;
  }
  const ip = parseIP(text);
  if (!ip) return text;
  return `${formatIP(ip)}/${family === 'IPv4' ? 32 : 128}`;
}

function inv(o: { invert: boolean }): string {
  return o.invert ? ' !' : '';
}

function saveMatch(m: MatchModule, family: IPFamily): string {
  const out: string[] = [];
  const opts = m.options;
  switch (m.module) {
    case 'comment':
      for (const o of opts) out.push(` --comment ${saveString(o.values[0])}`);
      break;
    case 'recent': {
      // recent_save prints the mode flags, then --seconds/--reap, then --name, --mask and side.
      const has = (n: string) => opts.some((o) => o.name === n);
      for (const flag of ['set', 'rcheck', 'update', 'remove']) if (has(flag)) out.push(` --${flag}`);
      const seconds = opts.find((o) => o.name === 'seconds');
      if (seconds) out.push(` --seconds ${seconds.values[0]}`);
      if (has('reap')) out.push(' --reap');
      const name = opts.find((o) => o.name === 'name')?.values[0] ?? 'DEFAULT';
      out.push(` --name ${name}`);
      out.push(` --mask ${family === 'IPv4' ? '255.255.255.255' : 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'}`);
      out.push(has('rdest') ? ' --rdest' : ' --rsource');
      break;
    }
    case 'statistic': {
      const mode = opts.find((o) => o.name === 'mode');
      const p = opts.find((o) => o.name === 'probability');
      if (mode) out.push(` --mode ${mode.values[0]}`);
      if (p) out.push(`${inv(p)} --probability ${savedProbabilityString(p.values[0])}`);
      break;
    }
    case 'mark':
      for (const o of opts) out.push(`${inv(o)} --mark ${saveMark(o.values[0])}`);
      break;
    case 'nfacct':
      // libxt_nfacct prints " --nfacct-name " then xtables_save_string's own leading space.
      for (const o of opts) out.push(` --nfacct-name  ${saveString(o.values[0])}`);
      break;
    case 'set':
      for (const o of opts) out.push(`${inv(o)} --match-set ${o.values[0]} ${o.values[1]}`);
      break;
    case 'ipvs':
      for (const o of opts) {
        if (o.name === 'vaddr') out.push(`${inv(o)} --vaddr ${saveAddress(o.values[0], family)}`);
        else if (o.name === 'vproto') out.push(`${inv(o)} --vproto ${({ tcp: 6, udp: 17, sctp: 132 } as Record<string, number>)[o.values[0]] ?? o.values[0]}`);
        else out.push(`${inv(o)} --${o.name}${o.values.map((v) => ' ' + v).join('')}`);
      }
      break;
    default:
      // tcp/udp/sctp (--dport), addrtype, conntrack, physdev: same words as written.
      for (const o of opts) out.push(`${inv(o)} --${o.name}${o.values.map((v) => ' ' + v).join('')}`);
  }
  return ` -m ${m.module}${out.join('')}`;
}

/** "0x00004000/0x00004000" -> "0x4000/0x4000"; a lone value prints without a mask. */
function saveMark(text: string): string {
  const [v, m] = text.split('/');
  const value = Number.parseInt(v, 16) >>> 0;
  const mask = m === undefined ? 0xffffffff : Number.parseInt(m, 16) >>> 0;
  return mask === 0xffffffff ? cHex(value) : `${cHex(value)}/${cHex(mask)}`;
}

function saveTarget(target: string, options: MatchOption[], family: IPFamily): string {
  const get = (n: string) => options.find((o) => o.name === n)?.values[0];
  switch (target) {
    case 'MARK': {
      const or = get('or-mark');
      const xor = get('xor-mark');
      const set = get('set-xmark') ?? get('set-mark');
      if (or !== undefined) return ` -j MARK --set-xmark ${cHex(Number.parseInt(or, 16))}/${cHex(Number.parseInt(or, 16))}`;
      if (xor !== undefined) return ` -j MARK --set-xmark ${cHex(Number.parseInt(xor, 16))}/0x0`;
      return ` -j MARK --set-xmark ${set ?? '0x0/0x0'}`;
    }
    case 'REJECT':
      return ` -j REJECT --reject-with ${get('reject-with') ?? (family === 'IPv4' ? 'icmp-port-unreachable' : 'icmp6-port-unreachable')}`;
    case 'DNAT':
      return ` -j DNAT --to-destination ${get('to-destination')}`;
    case 'MASQUERADE':
      return ` -j MASQUERADE${options.some((o) => o.name === 'random-fully') ? ' --random-fully' : ''}`;
    default:
      return ` -j ${target}${options.map((o) => ` --${o.name}${o.values.map((v) => ' ' + v).join('')}`).join('')}`;
  }
}

/** One rule in iptables-save form (text after "-A CHAIN"). */
export function saveRuleArgs(args: string[], family: IPFamily): string {
  const r = parseRuleArgs(args);
  let out = '';
  const header = (flag: string, h: HeaderMatch | undefined, address: boolean) => {
    if (!h) return;
    out += `${h.invert ? ' !' : ''} ${flag} ${address ? saveAddress(h.value, family) : h.value}`;
  };
  header('-s', r.src, true);
  header('-d', r.dst, true);
  header('-i', r.inIface, false);
  header('-o', r.outIface, false);
  header('-p', r.protocol, false);
  for (const m of r.matches) out += saveMatch(m, family);
  if (r.target) out += saveTarget(r.target, r.targetOptions, family);
  return out.trimStart();
}

interface KernelChain { rules: string[] }

export function renderSave(rules: ProxyRules, extras: SaveExtras = {}): string {
  const family = rules.family;
  const kubelet = extras.kubelet ?? true;
  const tables = new Map<TableName, Map<string, KernelChain>>();
  const chainOf = (table: TableName, chain: string): KernelChain => {
    let t = tables.get(table);
    if (!t) tables.set(table, (t = new Map(BUILTIN[table].map((c) => [c, { rules: [] }]))));
    let c = t.get(chain);
    if (!c) t.set(chain, (c = { rules: [] }));
    return c;
  };
  for (const t of TABLE_ORDER) chainOf(t, BUILTIN[t][0]);
  const ensure = (j: JumpRule | { table: TableName; chain: string; args: string[] }, position: 'prepend' | 'append') => {
    const text = saveRuleArgs(j.args, family);
    const c = chainOf(j.table, j.chain);
    if (c.rules.includes(text)) return; // EnsureRule: "iptables -C" found it
    if (position === 'prepend') c.rules.unshift(text);
    else c.rules.push(text);
  };

  // kubelet starts first (pkg/kubelet/kubelet_network_linux.go).
  if (kubelet) {
    chainOf('mangle', 'KUBE-IPTABLES-HINT');
    for (const t of ['mangle', 'nat', 'filter'] as const) chainOf(t, 'KUBE-KUBELET-CANARY');
    if (family === 'IPv4') {
      chainOf('filter', 'KUBE-FIREWALL').rules.push(saveRuleArgs(
        ['-m', 'comment', '--comment', 'block incoming localnet connections', '--dst', '127.0.0.0/8', '!', '--src', '127.0.0.0/8',
          '-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT', '-j', 'DROP'], family));
      for (const chain of ['OUTPUT', 'INPUT']) ensure({ table: 'filter', chain, args: ['-j', 'KUBE-FIREWALL'] }, 'prepend');
    }
  }
  // kube-proxy: canaries (iptables -N), jump rules (iptables -I), then the restore payload,
  // which replaces the contents of every chain it declares.
  for (const c of rules.ensuredChains) chainOf(c.table, c.chain);
  for (const j of rules.jumps) {
    chainOf(j.table, j.target);
    ensure(j, 'prepend');
  }
  for (const table of ['filter', 'nat'] as const) {
    for (const chain of rules[table].chains) chainOf(table, chain).rules = [];
    for (const rule of rules[table].rules) chainOf(table, rule.chain).rules.push(saveRuleArgs(rule.args, family));
  }
  for (const c of extras.chains ?? []) chainOf(c.table, c.chain);
  for (const r of extras.rules ?? []) {
    const c = chainOf(r.table, r.chain);
    if (r.position === 'prepend') c.rules.unshift(r.rule);
    else c.rules.push(r.rule);
  }

  const version = extras.version ?? 'iptables-save v1.8.9 (nf_tables)';
  const stamp = extras.timestamp ?? 'Thu Jan  1 00:00:00 1970';
  let out = '';
  for (const table of TABLE_ORDER) {
    const t = tables.get(table);
    if (!t) continue;
    const builtins = BUILTIN[table];
    const user = [...t.keys()].filter((c) => !builtins.includes(c)).sort();
    out += `# Generated by ${version} on ${stamp}\n*${table}\n`;
    for (const c of builtins) out += `:${c} ACCEPT [0:0]\n`;
    for (const c of user) out += `:${c} - [0:0]\n`;
    for (const c of [...builtins, ...user]) for (const r of t.get(c)!.rules) out += `-A ${c} ${r}\n`;
    out += `COMMIT\n# Completed on ${stamp}\n`;
  }
  return out;
}
