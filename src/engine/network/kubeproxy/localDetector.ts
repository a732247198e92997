// The local-traffic detector: which iptables args mean "from a pod on this node / cluster" and
// "not from one" (pkg/proxy/util/localdetector.go, chosen in cmd/kube-proxy/app/server_linux.go
// getLocalDetectors).
import type { Node } from 'kubernetes-types/core/v1';
import type { KubeProxyConfig } from './config';
import { canonicalCIDR, ipFamilyOf, type IPFamily } from './ip';

export interface LocalDetector {
  /** false for the no-op detector: kube-proxy then writes no local/non-local rules. */
  implemented: boolean;
  ifLocal: string[];
  ifNotLocal: string[];
  /** Human-readable description for the UI. */
  describe: string;
}

const noop: LocalDetector = { implemented: false, ifLocal: [], ifNotLocal: [], describe: 'none (no local-traffic detector)' };

function byCIDR(cidr: string): LocalDetector {
  return { implemented: true, ifLocal: ['-s', cidr], ifNotLocal: ['!', '-s', cidr], describe: `source in ${cidr}` };
}

function cidrForFamily(list: string[], family: IPFamily): string | undefined {
  for (const c of list) {
    const canon = canonicalCIDR(c);
    if (canon && ipFamilyOf(canon.split('/')[0]) === family) return canon;
  }
  return undefined;
}

export function localDetectorFor(config: KubeProxyConfig, node: Node, family: IPFamily): LocalDetector {
  switch (config.detectLocalMode ?? 'ClusterCIDR') {
    case 'ClusterCIDR': {
      const list = (config.clusterCIDR ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const cidr = cidrForFamily(list, family);
      return cidr ? byCIDR(cidr) : noop;
    }
    case 'NodeCIDR': {
      const list = node.spec?.podCIDRs ?? (node.spec?.podCIDR ? [node.spec.podCIDR] : []);
      const cidr = cidrForFamily(list, family);
      return cidr ? byCIDR(cidr) : noop;
    }
    case 'BridgeInterface': {
      const iface = config.bridgeInterface;
      if (!iface) return noop;
      return { implemented: true, ifLocal: ['-i', iface], ifNotLocal: ['!', '-i', iface], describe: `input interface ${iface}` };
    }
    case 'InterfaceNamePrefix': {
      const prefix = config.interfaceNamePrefix;
      if (!prefix) return noop;
      return {
        implemented: true,
        ifLocal: ['-i', `${prefix}+`],
        ifNotLocal: ['!', '-i', `${prefix}+`],
        describe: `input interface ${prefix}+`,
      };
    }
  }
}
