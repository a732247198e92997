// buildProxyRules: kube-proxy's iptables-mode output for one node and one IP family, as data.
// Follows pkg/proxy/iptables/proxier.go syncProxyRules (a full sync) line by line in order.
import { resolveConfig, type ProxyInput } from './config';
import { buildEndpointsMap, categorizeEndpoints, endpointsFor } from './endpoints';
import { localDetectorFor } from './localDetector';
import type { JumpRule, ProxyRules } from './model';
import { buildIpvs } from './ipvs';
import { matchingNodeIPs, nodeIPs, nodePortAddressesFor } from './nodeAddresses';
import { writeServicePortRules } from './serviceRules';
import { collectServicePorts } from './servicePorts';
import { quoted, RulesWriter, targetOf } from './writer';

/** Above this many endpoints kube-proxy drops per-endpoint comments (largeClusterEndpointsThreshold). */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

export const LOCALHOST_NODEPORT_COUNTER = 'localhost_nps_accepted_pkts';
export const CT_INVALID_DROPPED_COUNTER = 'ct_state_invalid_dropped_pkts';

function jump(table: JumpRule['table'], chain: string, args: string[]): JumpRule {
  return { table, chain, args, target: targetOf(args) };
}

const NEW = ['-m', 'conntrack', '--ctstate', 'NEW'];

/** iptablesJumpChains + iptablesKubeletJumpChains, in the order kube-proxy ensures them. */
export function iptablesJumpRules(): JumpRule[] {
  const c = (text: string) => ['-m', 'comment', '--comment', text];
  return [
    jump('filter', 'INPUT', [...NEW, ...c('kubernetes externally-visible service portals'), '-j', 'KUBE-EXTERNAL-SERVICES']),
    jump('filter', 'FORWARD', [...NEW, ...c('kubernetes externally-visible service portals'), '-j', 'KUBE-EXTERNAL-SERVICES']),
    jump('filter', 'INPUT', [...c('kubernetes health check service ports'), '-j', 'KUBE-NODEPORTS']),
    jump('filter', 'FORWARD', [...NEW, ...c('kubernetes service portals'), '-j', 'KUBE-SERVICES']),
    jump('filter', 'OUTPUT', [...NEW, ...c('kubernetes service portals'), '-j', 'KUBE-SERVICES']),
    jump('filter', 'FORWARD', [...c('kubernetes forwarding rules'), '-j', 'KUBE-FORWARD']),
    jump('filter', 'INPUT', [...NEW, ...c('kubernetes load balancer firewall'), '-j', 'KUBE-PROXY-FIREWALL']),
    jump('filter', 'OUTPUT', [...NEW, ...c('kubernetes load balancer firewall'), '-j', 'KUBE-PROXY-FIREWALL']),
    jump('filter', 'FORWARD', [...NEW, ...c('kubernetes load balancer firewall'), '-j', 'KUBE-PROXY-FIREWALL']),
    jump('nat', 'OUTPUT', [...c('kubernetes service portals'), '-j', 'KUBE-SERVICES']),
    jump('nat', 'PREROUTING', [...c('kubernetes service portals'), '-j', 'KUBE-SERVICES']),
    jump('nat', 'POSTROUTING', [...c('kubernetes postrouting rules'), '-j', 'KUBE-POSTROUTING']),
    jump('filter', 'INPUT', ['-j', 'KUBE-FIREWALL']),
    jump('filter', 'OUTPUT', ['-j', 'KUBE-FIREWALL']),
  ];
}

/**
 * The iptables rules kube-proxy writes for one node and one IP family. In IPVS mode these are
 * the ipset-based rules of buildIpvs (whose virtual servers carry the load balancing).
 */
export function buildProxyRules(input: ProxyInput): ProxyRules {
  if (input.config.mode === 'ipvs') return buildIpvs(input).rules;
  const { node, family } = input;
  const config = resolveConfig(input.config, family, node);
  const nodeName = node.metadata?.name ?? '';
  const nodeZone = node.metadata?.labels?.['topology.kubernetes.io/zone'] ?? '';
  const detector = localDetectorFor(input.config, node, family);
  const npa = nodePortAddressesFor(input.config.nodePortAddresses, family, node);
  const isIPv6 = family === 'IPv6';
  const w = new RulesWriter();
  const notes: string[] = [
    'Services are written in "namespace/name:port" order; real kube-proxy walks a Go map, so its order varies between syncs.',
    'Every sync is shown as a full sync: partial syncs and stale-chain deletion ("-X") are not modelled.',
  ];

  for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) w.chain('filter', chain);
  for (const chain of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']) w.chain('nat', chain);

  const mark = config.masqueradeMark;
  w.rule('nat', 'KUBE-POSTROUTING', ['-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN'], { role: 'postrouting-return' });
  w.rule('nat', 'KUBE-POSTROUTING', ['-j', 'MARK', '--xor-mark', mark], { role: 'postrouting-unmark' });
  w.rule('nat', 'KUBE-POSTROUTING',
    ['-m', 'comment', '--comment', quoted('kubernetes service traffic requiring SNAT'), '-j', 'MASQUERADE', ...(config.randomFully ? ['--random-fully'] : [])],
    { role: 'postrouting-masquerade' });
  w.rule('nat', 'KUBE-MARK-MASQ', ['-j', 'MARK', '--or-mark', mark], { role: 'mark-masq' });

  if (!isIPv6 && config.localhostNodePorts) {
    w.chain('filter', 'KUBE-FIREWALL');
    w.rule('filter', 'KUBE-FIREWALL',
      ['-m', 'comment', '--comment', quoted('block incoming localnet connections'), '-d', '127.0.0.0/8', '!', '-s', '127.0.0.0/8',
        '-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT', '-j', 'DROP'],
      { role: 'localnet-block' });
  }

  const servicePorts = collectServicePorts(input.services, family);
  const endpointsMap = buildEndpointsMap(input.endpointSlices, family, nodeName);
  let totalEndpoints = 0;
  for (const sp of servicePorts) totalEndpoints += endpointsFor(endpointsMap, sp).length;
  const largeClusterMode = totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
  if (largeClusterMode) notes.push(`More than ${LARGE_CLUSTER_ENDPOINTS_THRESHOLD} endpoints: like kube-proxy, endpoint rules carry no comments.`);

  const ctx = {
    config,
    detector,
    nodeIP: nodeIPs(node, family)[0],
    largeClusterMode,
    nfacctLocalhost: config.nfacct,
  };
  const services = servicePorts.map((sp) =>
    writeServicePortRules(w, sp, categorizeEndpoints(endpointsFor(endpointsMap, sp), sp, nodeName, nodeZone), ctx));

  // Finally, tail-call to the nodePorts chain.
  const lastComment = quoted('kubernetes service nodeports; NOTE: this must be the last rule in this chain');
  if (npa.matchAll) {
    const destinations = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    if (isIPv6) destinations.push('!', '-d', '::1/128');
    else if (!config.localhostNodePorts) destinations.push('!', '-d', '127.0.0.0/8');
    w.rule('nat', 'KUBE-SERVICES', ['-m', 'comment', '--comment', lastComment, ...destinations, '-j', 'KUBE-NODEPORTS'], { role: 'nodeports-jump' });
  } else {
    for (const ip of matchingNodeIPs(npa, node, family)) {
      if ((ip === '127.0.0.1' || ip === '::1') && (isIPv6 || !config.localhostNodePorts)) continue;
      w.rule('nat', 'KUBE-SERVICES', ['-m', 'comment', '--comment', lastComment, '-d', ip, '-j', 'KUBE-NODEPORTS'], { role: 'nodeports-jump' });
    }
  }

  if (!config.tcpBeLiberal) {
    const counter = config.nfacct ? ['-m', 'nfacct', '--nfacct-name', CT_INVALID_DROPPED_COUNTER] : [];
    w.rule('filter', 'KUBE-FORWARD', ['-m', 'conntrack', '--ctstate', 'INVALID', ...counter, '-j', 'DROP'], { role: 'forward-invalid-drop' });
  }
  w.rule('filter', 'KUBE-FORWARD',
    ['-m', 'comment', '--comment', quoted('kubernetes forwarding rules'), '-m', 'mark', '--mark', `${mark}/${mark}`, '-j', 'ACCEPT'],
    { role: 'forward-accept-marked' });
  w.rule('filter', 'KUBE-FORWARD',
    ['-m', 'comment', '--comment', quoted('kubernetes forwarding conntrack rule'), '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'],
    { role: 'forward-accept-established' });

  return {
    mode: 'iptables',
    family,
    nodeName,
    masqueradeMark: mark,
    filter: w.filter,
    nat: w.nat,
    jumps: iptablesJumpRules(),
    // ipt.Monitor creates the canary chain in mangle, nat and filter.
    ensuredChains: (['mangle', 'nat', 'filter'] as const).map((table) => ({ table, chain: 'KUBE-PROXY-CANARY' })),
    services,
    localDetector: detector.describe,
    notes,
  };
}
