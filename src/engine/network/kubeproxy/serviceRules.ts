// The rules for one service port, in the order kube-proxy writes them
// (pkg/proxy/iptables/proxier.go syncProxyRules, the per-service loop, and
// writeServiceToEndpointRules).
import type { ResolvedConfig } from './config';
import type { CategorizedEndpoints, EndpointInfo } from './endpoints';
import { sepChainFor } from './endpoints';
import type { LocalDetector } from './localDetector';
import type { EndpointChoice, RuleRole, ServicePortRules, ServiceRef } from './model';
import { externallyAccessible, type ServicePortInfo } from './servicePorts';
import { probabilityString } from './format';
import { cidrContains } from './ip';
import { quoted, type RulesWriter } from './writer';

export interface ServiceContext {
  config: ResolvedConfig;
  detector: LocalDetector;
  nodeIP: string | undefined;
  largeClusterMode: boolean;
  nfacctLocalhost: boolean;
}

const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';

function refOf(sp: ServicePortInfo): ServiceRef {
  return { namespace: sp.namespace, name: sp.name, portName: sp.portName, protocol: sp.protocol, nameString: sp.nameString };
}

function choices(sp: ServicePortInfo, eps: EndpointInfo[]): EndpointChoice[] {
  return eps.map((ep, i) => ({
    endpoint: ep.endpoint,
    ip: ep.ip,
    port: ep.port,
    sepChain: sepChainFor(sp, ep),
    nodeName: ep.nodeName,
    isLocal: ep.isLocal,
    ready: ep.ready,
    serving: ep.serving,
    terminating: ep.terminating,
    probability: i < eps.length - 1 ? probabilityString(eps.length - i) : undefined,
    share: 1 / eps.length,
  }));
}

export function writeServicePortRules(w: RulesWriter, sp: ServicePortInfo, cat: CategorizedEndpoints, ctx: ServiceContext): ServicePortRules {
  const service = refOf(sp);
  const proto = sp.protocol.toLowerCase();
  const name = sp.nameString;
  const port = String(sp.port);
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } = cat;
  const { svc: clusterPolicyChain, svl: localPolicyChain, ext: externalTrafficChain, fw: fwChain } = sp.chains;

  const usesClusterPolicyChain = clusterEndpoints.length > 0 && (!sp.internalPolicyLocal || externallyAccessible(sp));
  const usesLocalPolicyChain = localEndpoints.length > 0 && (sp.internalPolicyLocal || (sp.externalPolicyLocal && externallyAccessible(sp)));

  let internalTrafficChain = clusterPolicyChain;
  let hasInternalEndpoints = hasEndpoints;
  if (sp.internalPolicyLocal) {
    internalTrafficChain = localPolicyChain;
    if (localEndpoints.length === 0) hasInternalEndpoints = false;
  }
  let externalPolicyChain = clusterPolicyChain;
  let hasExternalEndpoints = hasEndpoints;
  if (sp.externalPolicyLocal) {
    externalPolicyChain = localPolicyChain;
    if (localEndpoints.length === 0) hasExternalEndpoints = false;
  }
  const usesExternalTrafficChain = hasEndpoints && externallyAccessible(sp);
  const usesFWChain = hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  const loadBalancerTrafficChain = usesFWChain ? fwChain : externalTrafficChain;

  let internalFilterTarget = '', internalFilterComment = '', externalFilterTarget = '', externalFilterComment = '';
  if (!hasEndpoints) {
    internalFilterTarget = externalFilterTarget = 'REJECT';
    internalFilterComment = externalFilterComment = quoted(`${name} has no endpoints`);
  } else {
    if (!hasInternalEndpoints) {
      internalFilterTarget = 'DROP';
      internalFilterComment = quoted(`${name} has no local endpoints`);
    }
    if (!hasExternalEndpoints) {
      externalFilterTarget = 'DROP';
      externalFilterComment = quoted(`${name} has no local endpoints`);
    }
  }
  const filterRole = (target: string): RuleRole => (target === 'REJECT' ? 'no-endpoints-reject' : 'no-local-endpoints-drop');

  // Capture the clusterIP.
  if (hasInternalEndpoints) {
    w.rule('nat', 'KUBE-SERVICES',
      ['-m', 'comment', '--comment', quoted(`${name} cluster IP`), '-m', proto, '-p', proto, '-d', sp.clusterIP, '--dport', port, '-j', internalTrafficChain],
      { role: 'capture-cluster-ip', service });
  } else {
    w.rule('filter', 'KUBE-SERVICES',
      ['-m', 'comment', '--comment', internalFilterComment, '-m', proto, '-p', proto, '-d', sp.clusterIP, '--dport', port, '-j', internalFilterTarget],
      { role: filterRole(internalFilterTarget), service });
  }

  // Capture externalIPs.
  for (const ip of sp.externalIPs) {
    if (hasEndpoints) {
      w.rule('nat', 'KUBE-SERVICES',
        ['-m', 'comment', '--comment', quoted(`${name} external IP`), '-m', proto, '-p', proto, '-d', ip, '--dport', port, '-j', externalTrafficChain],
        { role: 'capture-external-ip', service });
    }
    if (!hasExternalEndpoints) {
      w.rule('filter', 'KUBE-EXTERNAL-SERVICES',
        ['-m', 'comment', '--comment', externalFilterComment, '-m', proto, '-p', proto, '-d', ip, '--dport', port, '-j', externalFilterTarget],
        { role: filterRole(externalFilterTarget), service });
    }
  }

  // Capture load-balancer ingress.
  for (const lbip of sp.loadBalancerVIPs) {
    if (hasEndpoints) {
      w.rule('nat', 'KUBE-SERVICES',
        ['-m', 'comment', '--comment', quoted(`${name} loadbalancer IP`), '-m', proto, '-p', proto, '-d', lbip, '--dport', port, '-j', loadBalancerTrafficChain],
        { role: 'capture-load-balancer', service });
    }
    if (usesFWChain) {
      w.rule('filter', 'KUBE-PROXY-FIREWALL',
        ['-m', 'comment', '--comment', quoted(`${name} traffic not accepted by ${fwChain}`), '-m', proto, '-p', proto, '-d', lbip, '--dport', port, '-j', 'DROP'],
        { role: 'firewall-drop', service });
    }
  }
  if (!hasExternalEndpoints) {
    for (const lbip of sp.loadBalancerVIPs) {
      w.rule('filter', 'KUBE-EXTERNAL-SERVICES',
        ['-m', 'comment', '--comment', externalFilterComment, '-m', proto, '-p', proto, '-d', lbip, '--dport', port, '-j', externalFilterTarget],
        { role: filterRole(externalFilterTarget), service });
    }
  }

  // Capture nodeports.
  if (sp.nodePort !== 0) {
    const nodePort = String(sp.nodePort);
    if (hasEndpoints) {
      if (ctx.config.localhostNodePorts && ctx.config.family === 'IPv4' && ctx.nfacctLocalhost) {
        w.rule('nat', 'KUBE-NODEPORTS',
          ['-m', 'comment', '--comment', name, '-m', proto, '-p', proto, '-d', '127.0.0.0/8', '--dport', nodePort,
            '-m', 'nfacct', '--nfacct-name', 'localhost_nps_accepted_pkts', '-j', externalTrafficChain],
          { role: 'capture-localhost-node-port', service });
      }
      w.rule('nat', 'KUBE-NODEPORTS',
        ['-m', 'comment', '--comment', name, '-m', proto, '-p', proto, '--dport', nodePort, '-j', externalTrafficChain],
        { role: 'capture-node-port', service });
    }
    if (!hasExternalEndpoints) {
      w.rule('filter', 'KUBE-EXTERNAL-SERVICES',
        ['-m', 'comment', '--comment', externalFilterComment, '-m', 'addrtype', '--dst-type', 'LOCAL', '-m', proto, '-p', proto, '--dport', nodePort, '-j', externalFilterTarget],
        { role: filterRole(externalFilterTarget), service });
    }
  }

  // Capture healthCheckNodePorts.
  if (sp.healthCheckNodePort !== 0) {
    w.rule('filter', 'KUBE-NODEPORTS',
      ['-m', 'comment', '--comment', quoted(`${name} health check node port`), '-m', 'tcp', '-p', 'tcp', '--dport', String(sp.healthCheckNodePort), '-j', 'ACCEPT'],
      { role: 'health-check-accept', service });
  }

  // Internal traffic handling.
  if (hasInternalEndpoints) {
    const args = ['-m', 'comment', '--comment', quoted(`${name} cluster IP`), '-m', proto, '-p', proto, '-d', sp.clusterIP, '--dport', port];
    if (ctx.config.masqueradeAll) {
      w.rule('nat', internalTrafficChain, [...args, '-j', KUBE_MARK_MASQ], { role: 'masquerade-all', service });
    } else if (ctx.detector.implemented) {
      w.rule('nat', internalTrafficChain, [...args, ...ctx.detector.ifNotLocal, '-j', KUBE_MARK_MASQ], { role: 'masquerade-off-cluster', service });
    }
  }

  // External traffic handling.
  if (usesExternalTrafficChain) {
    w.chain('nat', externalTrafficChain);
    if (!sp.externalPolicyLocal) {
      w.rule('nat', externalTrafficChain,
        ['-m', 'comment', '--comment', quoted(`masquerade traffic for ${name} external destinations`), '-j', KUBE_MARK_MASQ],
        { role: 'external-masquerade', service });
    } else {
      if (ctx.detector.implemented) {
        w.rule('nat', externalTrafficChain,
          ['-m', 'comment', '--comment', quoted(`pod traffic for ${name} external destinations`), ...ctx.detector.ifLocal, '-j', clusterPolicyChain],
          { role: 'external-pod-shortcut', service });
      }
      w.rule('nat', externalTrafficChain,
        ['-m', 'comment', '--comment', quoted(`masquerade LOCAL traffic for ${name} external destinations`), '-m', 'addrtype', '--src-type', 'LOCAL', '-j', KUBE_MARK_MASQ],
        { role: 'external-local-masquerade', service });
      w.rule('nat', externalTrafficChain,
        ['-m', 'comment', '--comment', quoted(`route LOCAL traffic for ${name} external destinations`), '-m', 'addrtype', '--src-type', 'LOCAL', '-j', clusterPolicyChain],
        { role: 'external-local-shortcut', service });
    }
    if (hasExternalEndpoints) {
      w.rule('nat', externalTrafficChain, ['-j', externalPolicyChain], { role: 'external-to-policy', service });
    }
  }

  // Firewall chain (loadBalancerSourceRanges).
  if (usesFWChain) {
    w.chain('nat', fwChain);
    const head = ['-m', 'comment', '--comment', quoted(`${name} loadbalancer IP`)];
    let allowFromNode = false;
    for (const cidr of sp.loadBalancerSourceRanges) {
      w.rule('nat', fwChain, [...head, '-s', cidr, '-j', externalTrafficChain], { role: 'firewall-allow', service });
      if (ctx.nodeIP && cidrContains(cidr, ctx.nodeIP)) allowFromNode = true;
    }
    if (allowFromNode) {
      for (const lbip of sp.loadBalancerVIPs) {
        w.rule('nat', fwChain, [...head, '-s', lbip, '-j', externalTrafficChain], { role: 'firewall-allow', service });
      }
    }
    w.rule('nat', fwChain,
      ['-m', 'comment', '--comment', quoted(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)],
      { role: 'firewall-fallthrough', service });
  }

  const clusterChoices = choices(sp, clusterEndpoints);
  const localChoices = choices(sp, localEndpoints);
  if (usesClusterPolicyChain) {
    w.chain('nat', clusterPolicyChain);
    writeServiceToEndpointRules(w, sp, service, clusterPolicyChain, clusterChoices, ctx);
  }
  if (usesLocalPolicyChain) {
    w.chain('nat', localPolicyChain);
    writeServiceToEndpointRules(w, sp, service, localPolicyChain, localChoices, ctx);
  }

  // Per-endpoint chains.
  for (const ep of allReachableEndpoints) {
    const sep = sepChainFor(sp, ep);
    w.chain('nat', sep);
    const comment = ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', name];
    w.rule('nat', sep, [...comment, '-s', ep.ip, '-j', KUBE_MARK_MASQ], { role: 'hairpin-masquerade', service, endpoint: ep.endpoint });
    const affinity = sp.sessionAffinityClientIP ? ['-m', 'recent', '--name', sep, '--set'] : [];
    w.rule('nat', sep, [...comment, ...affinity, '-m', proto, '-p', proto, '-j', 'DNAT', '--to-destination', ep.endpoint],
      { role: 'dnat', service, endpoint: ep.endpoint });
  }

  return {
    service,
    clusterIP: sp.clusterIP,
    port: sp.port,
    nodePort: sp.nodePort,
    externalIPs: sp.externalIPs,
    loadBalancerIPs: sp.loadBalancerVIPs,
    loadBalancerSourceRanges: sp.loadBalancerSourceRanges,
    sessionAffinitySeconds: sp.sessionAffinityClientIP ? sp.stickyMaxAgeSeconds : 0,
    internalTrafficPolicy: sp.internalPolicyLocal ? 'Local' : 'Cluster',
    externalTrafficPolicy: sp.externalPolicyLocal ? 'Local' : 'Cluster',
    hasEndpoints,
    hasInternalEndpoints,
    hasExternalEndpoints,
    chains: {
      svc: usesClusterPolicyChain ? clusterPolicyChain : undefined,
      svl: usesLocalPolicyChain ? localPolicyChain : undefined,
      ext: usesExternalTrafficChain ? externalTrafficChain : undefined,
      fw: usesFWChain ? fwChain : undefined,
    },
    internalChain: hasInternalEndpoints ? internalTrafficChain : undefined,
    externalChain: usesExternalTrafficChain ? externalTrafficChain : undefined,
    clusterEndpoints: clusterChoices,
    localEndpoints: localChoices,
    topologyMode: cat.topologyMode,
  };
}

function writeServiceToEndpointRules(w: RulesWriter, sp: ServicePortInfo, service: ServiceRef, chain: string, eps: EndpointChoice[], ctx: ServiceContext): void {
  const commentFor = (ep: EndpointChoice) => (ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', quoted(`${sp.nameString} -> ${ep.endpoint}`)]);
  if (sp.sessionAffinityClientIP) {
    for (const ep of eps) {
      w.rule('nat', chain,
        [...commentFor(ep), '-m', 'recent', '--name', ep.sepChain, '--rcheck', '--seconds', String(sp.stickyMaxAgeSeconds), '--reap', '-j', ep.sepChain],
        { role: 'affinity-check', service, endpoint: ep.endpoint });
    }
  }
  for (const ep of eps) {
    const stat = ep.probability !== undefined ? ['-m', 'statistic', '--mode', 'random', '--probability', ep.probability] : [];
    w.rule('nat', chain, [...commentFor(ep), ...stat, '-j', ep.sepChain],
      { role: 'endpoint-select', service, endpoint: ep.endpoint, probability: ep.probability, share: ep.share });
  }
}
