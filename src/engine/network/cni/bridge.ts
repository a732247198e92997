// What the bridge plugin (containernetworking/plugins plugins/main/bridge/bridge.go) leaves on a
// node: the cni0 bridge holding the gateway address (isGateway), one veth pair per pod with the
// host end enslaved to cni0 (hairpin per hairpinMode), and in the pod: eth0 with the host-local
// address, a default route via the gateway (isDefaultGateway) plus the IPAM routes.
// Used directly for the `bridge` CNI and as flannel's delegate (flannel-io/cni-plugin
// flannel_linux.go: delegate type bridge, isGateway true, ipMasq = !FLANNEL_IPMASQ, mtu =
// FLANNEL_MTU, ipam routes = [FLANNEL_NETWORK]; kube-flannel.yml adds hairpinMode and isDefaultGateway).
import { formatIp, nthAddress, parseCidr } from '../ip';
import { HOST_NETNS, loopback, podKey, sandboxId } from './host';
import { bridgeVethName, derivedMac } from './names';
import { fdb, route, sortRoutes } from './render';
import type { NetInterface, NetNamespace, NodeNetInfo, PodNetInfo, RouteEntry } from './types';

export const BRIDGE_NAME = 'cni0';

export interface BridgeOptions {
  mtu: number;
  hairpin: boolean;
  /** Extra IPAM routes installed in each pod via the gateway (flannel: the cluster network). */
  podRoutes: string[];
}

export interface BridgeResult {
  hostInterfaces: NetInterface[];
  hostRoutes: RouteEntry[];
  hostFdb: ReturnType<typeof fdb>[];
  podNamespaces: NetNamespace[];
}

/** Sets up cni0 and one veth per pod; pods must already have their host-local IPs. */
export function bridgeDataplane(node: NodeNetInfo, pods: PodNetInfo[], opts: BridgeOptions): BridgeResult {
  const result: BridgeResult = { hostInterfaces: [], hostRoutes: [], hostFdb: [], podNamespaces: [] };
  // The bridge is created by the first CNI ADD; a node without pod-network pods has no cni0.
  if (pods.length === 0) return result;
  const prefix = parseCidr(node.podCidr).prefix;
  const gw = nthAddress(node.podCidr, 1);
  result.hostInterfaces.push({
    name: BRIDGE_NAME, type: 'bridge', addresses: [`${gw}/${prefix}`], mtu: opts.mtu, master: null, peer: null,
    mac: derivedMac(`${node.name}/${BRIDGE_NAME}`),
  });
  result.hostRoutes.push(route({ dst: node.podCidr, dev: BRIDGE_NAME, proto: 'kernel', scope: 'link', src: gw }));
  for (const pod of pods) {
    const ip = formatIp(pod.ip!);
    const veth = bridgeVethName(sandboxId(pod));
    const hostMac = derivedMac(`${sandboxId(pod)}/host`);
    const netns = podKey(pod);
    result.hostInterfaces.push({
      name: veth, type: 'veth', addresses: [], mtu: opts.mtu, master: BRIDGE_NAME, peer: `${netns}:eth0`,
      mac: hostMac, hairpin: opts.hairpin,
    });
    // The bridge keeps each port's own address as a permanent (local) FDB entry.
    result.hostFdb.push(fdb({ mac: hostMac, dev: veth, master: BRIDGE_NAME, flags: ['permanent'] }));
    const podRoutes = [
      route({ dst: 'default', via: gw, dev: 'eth0' }),
      ...opts.podRoutes.map((dst) => route({ dst, via: gw, dev: 'eth0' })),
      route({ dst: node.podCidr, dev: 'eth0', proto: 'kernel', scope: 'link', src: ip }),
    ];
    result.podNamespaces.push({
      name: netns,
      pods: [netns],
      interfaces: [
        loopback(),
        {
          name: 'eth0', type: 'veth', addresses: [`${ip}/${prefix}`], mtu: opts.mtu, master: null,
          peer: `${HOST_NETNS}:${veth}`, mac: derivedMac(`${sandboxId(pod)}/eth0`),
        },
      ],
      routes: sortRoutes(podRoutes),
      neighbours: [],
      fdb: [],
    });
  }
  return result;
}
