// CNI data plane: host-local IPAM and the per-node network (flannel VXLAN, plain bridge, calico).
export {
  HostLocalAllocator,
  canonicalizeRange,
  rangeSetString,
  type AllocateResult,
  type HostLocalRange,
  type HostLocalRangeConfig,
  type HostLocalReservation,
  type HostLocalState,
  type IpConfig,
} from './hostLocal';
export { buildNodeNetwork, toNetworkJson, type NodeNetworkJson } from './nodeNetwork';
export { flannelIptables, flannelSubnetEnv, vtepMac, FLANNEL_VXLAN_PORT } from './flannel';
export { CALICO_GATEWAY } from './calico';
export { BRIDGE_NAME } from './bridge';
export { bridgeVethName, calicoVethName, derivedMac, CALICO_HOST_VETH_MAC } from './names';
export { sha1Hex } from './sha1';
export type * from './types';
