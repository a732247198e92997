// Calico's routed data plane (projectcalico: cni-plugin dataplane/linux, felix route and interface
// managers, confd/BIRD for remote blocks):
// - pod side: eth0 with a /32, "default via 169.254.1.1 dev eth0" and a link route to 169.254.1.1;
//   nothing answers on 169.254.1.1 — the host's cali* veth has proxy_arp=1 and MAC ee:ee:ee:ee:ee:ee;
// - host side: cali + sha1(ns.pod)[:11], no address, a "/32 dev caliX scope link" route per pod;
// - the node's own block is a blackhole (proto bird) so unknown addresses inside it are dropped;
// - other nodes' blocks: "via <nodeIP> dev tunl0 proto bird onlink" with IPIP, else via eth0.
import { formatIp, networkAddress, normalizeCidr } from '../ip';
import { HOST_NETNS, HOST_NIC, loopback, otherNodes, podKey, sandboxId } from './host';
import { CALICO_HOST_VETH_MAC, calicoVethName, derivedMac } from './names';
import { route, sortRoutes } from './render';
import type { NetNamespace, NodeNetworkInput, PodNetInfo } from './types';

export const CALICO_GATEWAY = '169.254.1.1';

export function buildCalico(input: NodeNetworkInput, host: NetNamespace, pods: PodNetInfo[]): NetNamespace[] {
  const { cni, node } = input;
  const ipip = cni.ipip ?? true;
  const hostMtu = cni.hostMtu ?? 1500;
  // Calico's MTU auto-detection: 20 bytes of IP-in-IP overhead, none when routing natively.
  const mtu = ipip ? hostMtu - 20 : hostMtu;
  const block = normalizeCidr(node.podCidr);
  if (ipip) {
    host.interfaces.push({
      name: 'tunl0', type: 'ipip', addresses: [`${networkAddress(block)}/32`], mtu, master: null, peer: null,
    });
  }
  host.routes.push(route({ type: 'blackhole', dst: block, proto: 'bird' }));
  for (const other of otherNodes(node, input.nodes)) {
    host.routes.push(
      ipip
        ? route({ dst: normalizeCidr(other.podCidr), via: other.internalIp, dev: 'tunl0', proto: 'bird', onlink: true })
        : route({ dst: normalizeCidr(other.podCidr), via: other.internalIp, dev: HOST_NIC, proto: 'bird' }),
    );
  }
  const namespaces: NetNamespace[] = [];
  for (const pod of pods) {
    const ip = formatIp(pod.ip!);
    const veth = calicoVethName(pod.namespace, pod.name);
    const netns = podKey(pod);
    host.interfaces.push({
      name: veth, type: 'veth', addresses: [], mtu, master: null, peer: `${netns}:eth0`,
      mac: CALICO_HOST_VETH_MAC, proxyArp: true,
    });
    host.routes.push(route({ dst: `${ip}/32`, dev: veth, scope: 'link' }));
    namespaces.push({
      name: netns,
      pods: [netns],
      interfaces: [
        loopback(),
        {
          name: 'eth0', type: 'veth', addresses: [`${ip}/32`], mtu, master: null, peer: `${HOST_NETNS}:${veth}`,
          mac: derivedMac(`${sandboxId(pod)}/eth0`),
        },
      ],
      routes: sortRoutes([
        route({ dst: 'default', via: CALICO_GATEWAY, dev: 'eth0' }),
        route({ dst: `${CALICO_GATEWAY}/32`, dev: 'eth0', scope: 'link' }),
      ]),
      neighbours: [],
      fdb: [],
    });
  }
  return namespaces;
}
