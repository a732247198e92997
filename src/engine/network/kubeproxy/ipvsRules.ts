// The iptables rules of IPVS mode (pkg/proxy/ipvs/proxier.go writeIptablesRules,
// acceptIPVSTraffic, createAndLinkKubeChain; chain and jump lists iptablesChains/iptablesJumpChain).
import type { ResolvedConfig } from './config';
import type { IPFamily } from './ip';
import type { LocalDetector } from './localDetector';
import type { JumpRule, ProxyRules } from './model';
import { IPSETS, ipsetName, type IpsetKey } from './ipvsSets';
import { quoted, RulesWriter, targetOf } from './writer';

export interface LbNoNodeAccess {
  ip: string;
  protocol: string;
  port: number;
}

interface Ctx {
  config: ResolvedConfig;
  detector: LocalDetector;
  family: IPFamily;
  nodeName: string;
  nonEmpty: (key: IpsetKey) => boolean;
  lbNoNodeAccess: LbNoNodeAccess[];
}

// ipsetWithIptablesChain, in order.
const SET_JUMPS: { key: IpsetKey; table: 'nat' | 'filter'; from: string; to: string; match: string; proto?: string }[] = [
  { key: 'loopBack', table: 'nat', from: 'KUBE-POSTROUTING', to: 'MASQUERADE', match: 'dst,dst,src' },
  { key: 'loadBalancer', table: 'nat', from: 'KUBE-SERVICES', to: 'KUBE-LOAD-BALANCER', match: 'dst,dst' },
  { key: 'loadBalancerLocal', table: 'nat', from: 'KUBE-LOAD-BALANCER', to: 'RETURN', match: 'dst,dst' },
  { key: 'nodePortLocalTCP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', match: 'dst', proto: 'tcp' },
  { key: 'nodePortTCP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', match: 'dst', proto: 'tcp' },
  { key: 'nodePortLocalUDP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', match: 'dst', proto: 'udp' },
  { key: 'nodePortUDP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', match: 'dst', proto: 'udp' },
  { key: 'nodePortLocalSCTP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', match: 'dst,dst', proto: 'sctp' },
  { key: 'nodePortSCTP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', match: 'dst,dst', proto: 'sctp' },
  { key: 'loadBalancerFW', table: 'filter', from: 'KUBE-PROXY-FIREWALL', to: 'KUBE-SOURCE-RANGES-FIREWALL', match: 'dst,dst' },
  { key: 'loadBalancerSourceCIDR', table: 'filter', from: 'KUBE-SOURCE-RANGES-FIREWALL', to: 'RETURN', match: 'dst,dst,src' },
  { key: 'loadBalancerSourceIP', table: 'filter', from: 'KUBE-SOURCE-RANGES-FIREWALL', to: 'RETURN', match: 'dst,dst,src' },
];

export function ipvsJumpRules(): JumpRule[] {
  const j = (table: 'nat' | 'filter', chain: string, comment: string, to: string): JumpRule => {
    const args = ['-m', 'comment', '--comment', comment, '-j', to];
    return { table, chain, args, target: targetOf(args) };
  };
  return [
    j('nat', 'OUTPUT', 'kubernetes service portals', 'KUBE-SERVICES'),
    j('nat', 'PREROUTING', 'kubernetes service portals', 'KUBE-SERVICES'),
    j('nat', 'POSTROUTING', 'kubernetes postrouting rules', 'KUBE-POSTROUTING'),
    j('filter', 'FORWARD', 'kubernetes forwarding rules', 'KUBE-FORWARD'),
    j('filter', 'INPUT', 'kubernetes health check rules', 'KUBE-NODE-PORT'),
    j('filter', 'INPUT', 'kube-proxy firewall rules', 'KUBE-PROXY-FIREWALL'),
    j('filter', 'FORWARD', 'kube-proxy firewall rules', 'KUBE-PROXY-FIREWALL'),
    j('filter', 'INPUT', 'kubernetes ipvs access filter', 'KUBE-IPVS-FILTER'),
    j('filter', 'OUTPUT', 'kubernetes ipvs access filter', 'KUBE-IPVS-OUT-FILTER'),
  ];
}

export function writeIpvsIptablesRules(ctx: Ctx): ProxyRules {
  const w = new RulesWriter();
  const { family, config } = ctx;
  const set = (key: IpsetKey) => ipsetName(key, family);
  const comment = (key: IpsetKey) => ['-m', 'comment', '--comment', quoted(IPSETS[key].comment)];
  const meta = (key?: IpsetKey) => ({ role: 'ipvs' as const, ipset: key ? set(key) : undefined });

  for (const c of ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ']) w.chain('nat', c);
  for (const c of ['KUBE-FORWARD', 'KUBE-NODE-PORT', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'KUBE-IPVS-FILTER', 'KUBE-IPVS-OUT-FILTER']) w.chain('filter', c);

  w.rule('nat', 'KUBE-SERVICES', ['-s', family === 'IPv6' ? '::1/128' : '127.0.0.0/8', '-j', 'RETURN'], meta());
  for (const s of SET_JUMPS) {
    if (!ctx.nonEmpty(s.key)) continue;
    const args = [...(s.proto ? ['-p', s.proto] : []), ...comment(s.key), '-m', 'set', '--match-set', set(s.key), s.match, '-j', s.to];
    w.rule(s.table, s.from, args, meta(s.key));
  }
  if (ctx.nonEmpty('clusterIP')) {
    const head = [...comment('clusterIP'), '-m', 'set', '--match-set', set('clusterIP')];
    if (config.masqueradeAll) w.rule('nat', 'KUBE-SERVICES', [...head, 'dst,dst', '-j', 'KUBE-MARK-MASQ'], meta('clusterIP'));
    else if (ctx.detector.implemented) w.rule('nat', 'KUBE-SERVICES', [...head, 'dst,dst', ...ctx.detector.ifNotLocal, '-j', 'KUBE-MARK-MASQ'], meta('clusterIP'));
    else w.rule('nat', 'KUBE-SERVICES', [...head, 'src,dst', '-j', 'KUBE-MARK-MASQ'], meta('clusterIP'));
  }
  const externalIPRules = (key: IpsetKey, head: string[]) => {
    w.rule('nat', 'KUBE-SERVICES', [...head, '-m', 'physdev', '!', '--physdev-is-in', '-m', 'addrtype', '!', '--src-type', 'LOCAL', '-j', 'ACCEPT'], meta(key));
    w.rule('nat', 'KUBE-SERVICES', [...head, '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'ACCEPT'], meta(key));
  };
  if (ctx.nonEmpty('externalIP')) {
    const head = [...comment('externalIP'), '-m', 'set', '--match-set', set('externalIP'), 'dst,dst'];
    w.rule('nat', 'KUBE-SERVICES', [...head, '-j', 'KUBE-MARK-MASQ'], meta('externalIP'));
    externalIPRules('externalIP', head);
  }
  if (ctx.nonEmpty('externalIPLocal')) {
    externalIPRules('externalIPLocal', [...comment('externalIPLocal'), '-m', 'set', '--match-set', set('externalIPLocal'), 'dst,dst']);
  }
  w.rule('nat', 'KUBE-SERVICES', ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'KUBE-NODE-PORT'], meta());
  w.rule('nat', 'KUBE-LOAD-BALANCER', ['-j', 'KUBE-MARK-MASQ'], meta());
  w.rule('filter', 'KUBE-SOURCE-RANGES-FIREWALL', ['-j', 'DROP'], meta());
  for (const e of ctx.lbNoNodeAccess) {
    w.rule('filter', 'KUBE-IPVS-OUT-FILTER', ['-s', e.ip, '-m', 'ipvs', '--vaddr', e.ip, '--vproto', e.protocol, '--vport', String(e.port), '-j', 'DROP'], meta());
  }
  for (const key of ['clusterIP', 'loadBalancer'] as const) {
    if (ctx.nonEmpty(key)) w.rule('nat', 'KUBE-SERVICES', ['-m', 'set', '--match-set', set(key), 'dst,dst', '-j', 'ACCEPT'], meta(key));
  }
  const mark = config.masqueradeMark;
  w.rule('filter', 'KUBE-FORWARD', ['-m', 'comment', '--comment', quoted('kubernetes forwarding rules'), '-m', 'mark', '--mark', `${mark}/${mark}`, '-j', 'ACCEPT'], { role: 'forward-accept-marked' });
  w.rule('filter', 'KUBE-FORWARD', ['-m', 'comment', '--comment', quoted('kubernetes forwarding conntrack rule'), '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'], { role: 'forward-accept-established' });
  w.rule('filter', 'KUBE-NODE-PORT', [...comment('healthCheckNodePort'), '-m', 'set', '--match-set', set('healthCheckNodePort'), 'dst', '-j', 'ACCEPT'], meta('healthCheckNodePort'));
  for (const [key, match] of [['loadBalancer', 'dst,dst'], ['clusterIP', 'dst,dst'], ['externalIP', 'dst,dst'], ['externalIPLocal', 'dst,dst'], ['healthCheckNodePort', 'dst']] as const) {
    w.rule('filter', 'KUBE-IPVS-FILTER', ['-m', 'set', '--match-set', set(key), match, '-j', 'RETURN'], meta(key));
  }
  w.rule('filter', 'KUBE-IPVS-FILTER', ['-m', 'conntrack', '--ctstate', 'NEW', '-m', 'set', '--match-set', set('ipvsIPs'), 'dst', '-j', 'REJECT'], meta('ipvsIPs'));
  w.rule('nat', 'KUBE-POSTROUTING', ['-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN'], { role: 'postrouting-return' });
  w.rule('nat', 'KUBE-POSTROUTING', ['-j', 'MARK', '--xor-mark', mark], { role: 'postrouting-unmark' });
  w.rule('nat', 'KUBE-POSTROUTING',
    ['-m', 'comment', '--comment', quoted('kubernetes service traffic requiring SNAT'), '-j', 'MASQUERADE', ...(config.randomFully ? ['--random-fully'] : [])],
    { role: 'postrouting-masquerade' });
  w.rule('nat', 'KUBE-MARK-MASQ', ['-j', 'MARK', '--or-mark', mark], { role: 'mark-masq' });

  return {
    mode: 'ipvs',
    family,
    nodeName: ctx.nodeName,
    masqueradeMark: mark,
    filter: w.filter,
    nat: w.nat,
    jumps: ipvsJumpRules(),
    ensuredChains: [],
    services: [],
    localDetector: ctx.detector.describe,
    notes: ['IPVS mode: Services are load-balanced by IPVS virtual servers; iptables only marks, masquerades and filters via ipsets.'],
  };
}
