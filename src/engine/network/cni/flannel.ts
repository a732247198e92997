// flannel's VXLAN backend (flannel-io/flannel pkg/backend/vxlan/vxlan.go, device.go,
// vxlan_network.go): device flannel.<VNI> with MTU = NIC MTU - 50 and address <lease network>/32;
// for every remote lease one route "<subnet> via <subnet network> dev flannel.1 onlink", one
// permanent ARP entry (remote network address -> remote VTEP MAC) and one FDB entry (VTEP MAC ->
// remote public IP). Masquerade/forward rules: pkg/trafficmngr/iptables/iptables.go.
// /run/flannel/subnet.env: pkg/subnet WriteSubnetFile.
import { nthAddress, networkAddress, normalizeCidr, parseCidr } from '../ip';
import { bridgeDataplane } from './bridge';
import { HOST_NIC, otherNodes } from './host';
import { derivedMac } from './names';
import { fdb, neighbour, route } from './render';
import type { IptablesSave, NetNamespace, NodeNetInfo, NodeNetworkInput, PodNetInfo } from './types';

/** Linux's default VXLAN UDP port, used because flannel leaves Port at 0. */
export const FLANNEL_VXLAN_PORT = 8472;
/** trafficmngr.KubeProxyMark: kube-proxy's masquerade mark, left alone to avoid double NAT. */
const KUBE_PROXY_MARK = '0x4000/0x4000';

export function vtepMac(node: NodeNetInfo, vni: number): string {
  return derivedMac(`${node.name}/flannel.${vni}`);
}

export function flannelSubnetEnv(clusterCidr: string, node: NodeNetInfo, mtu: number): string {
  const prefix = parseCidr(node.podCidr).prefix;
  return [
    `FLANNEL_NETWORK=${normalizeCidr(clusterCidr)}`,
    `FLANNEL_SUBNET=${nthAddress(node.podCidr, 1)}/${prefix}`,
    `FLANNEL_MTU=${mtu}`,
    'FLANNEL_IPMASQ=true',
    '',
  ].join('\n');
}

/** flanneld --ip-masq rules (random-fully assumed supported, as on current kernels). */
export function flannelIptables(clusterCidr: string, podCidr: string): IptablesSave {
  const cluster = normalizeCidr(clusterCidr);
  const pod = normalizeCidr(podCidr);
  const masq = '-m comment --comment "flanneld masq"';
  const fwd = '-m comment --comment "flanneld forward"';
  return {
    nat: [
      ':FLANNEL-POSTRTG - [0:0]',
      `-A POSTROUTING ${masq} -j FLANNEL-POSTRTG`,
      `-A FLANNEL-POSTRTG -m mark --mark ${KUBE_PROXY_MARK} ${masq} -j RETURN`,
      `-A FLANNEL-POSTRTG -s ${pod} -d ${cluster} ${masq} -j RETURN`,
      `-A FLANNEL-POSTRTG -s ${cluster} -d ${pod} ${masq} -j RETURN`,
      `-A FLANNEL-POSTRTG ! -s ${cluster} -d ${pod} ${masq} -j RETURN`,
      `-A FLANNEL-POSTRTG -s ${cluster} ! -d 224.0.0.0/4 ${masq} -j MASQUERADE --random-fully`,
      `-A FLANNEL-POSTRTG ! -s ${cluster} -d ${cluster} ${masq} -j MASQUERADE --random-fully`,
    ],
    filter: [
      ':FLANNEL-FWD - [0:0]',
      `-A FORWARD ${fwd} -j FLANNEL-FWD`,
      `-A FLANNEL-FWD -s ${cluster} ${fwd} -j ACCEPT`,
      `-A FLANNEL-FWD -d ${cluster} ${fwd} -j ACCEPT`,
    ],
  };
}

export function buildFlannel(input: NodeNetworkInput, host: NetNamespace, pods: PodNetInfo[]): NetNamespace[] {
  const { cni, node } = input;
  const vni = cni.vni ?? 1;
  const dev = `flannel.${vni}`;
  const mtu = (cni.hostMtu ?? 1500) - 50;
  host.interfaces.push({
    name: dev, type: 'vxlan', addresses: [`${networkAddress(node.podCidr)}/32`], mtu, master: null, peer: null,
    mac: vtepMac(node, vni),
    vxlan: { id: vni, local: node.internalIp, dev: HOST_NIC, dstport: FLANNEL_VXLAN_PORT, nolearning: true },
  });
  for (const other of otherNodes(node, input.nodes)) {
    const remoteNet = networkAddress(other.podCidr);
    const mac = vtepMac(other, vni);
    host.routes.push(route({ dst: normalizeCidr(other.podCidr), via: remoteNet, dev, onlink: true }));
    host.neighbours.push(neighbour(remoteNet, dev, mac, 'PERMANENT'));
    host.fdb.push(fdb({ mac, dev, dst: other.internalIp, flags: ['self', 'permanent'] }));
  }
  const br = bridgeDataplane(node, pods, { mtu, hairpin: true, podRoutes: [normalizeCidr(cni.clusterCidr)] });
  host.interfaces.push(...br.hostInterfaces);
  host.routes.push(...br.hostRoutes);
  host.fdb.push(...br.hostFdb);
  return br.podNamespaces;
}
