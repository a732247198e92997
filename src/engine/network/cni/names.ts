// Interface names and MAC addresses. Where upstream is deterministic we compute the same value;
// where upstream is random we derive a stable value from the object's identity, so a replay
// produces the same text. Each random case is listed in NAMING_SIMPLIFICATIONS for the UI.
import { sha1Hex } from './sha1';

/**
 * Calico's host-side veth: "cali" + first 11 hex chars of sha1("<namespace>.<pod>")
 * (libcalico-go lib/backend/k8s/conversion VethNameForWorkload, default FELIX_INTERFACEPREFIX).
 */
export function calicoVethName(namespace: string, pod: string): string {
  return `cali${sha1Hex(`${namespace}.${pod}`).slice(0, 11)}`;
}

/**
 * The bridge plugin's host-side veth: "veth" + 8 hex chars. Upstream (plugins/pkg/ip/link_linux.go
 * RandomVethName) reads 4 bytes from crypto/rand; we take them from sha1(containerID/ifName).
 */
export function bridgeVethName(containerId: string, ifName = 'eth0'): string {
  return `veth${sha1Hex(`${containerId}/${ifName}`).slice(0, 8)}`;
}

/**
 * A locally administered unicast MAC (first octet: bit 1 set, bit 0 clear), as the kernel picks
 * for veths and flannel (pkg/mac NewHardwareAddr) picks for flannel.1 — randomly upstream,
 * derived from `seed` here.
 */
export function derivedMac(seed: string): string {
  const hex = sha1Hex(`mac:${seed}`).slice(0, 12);
  const bytes = hex.match(/../g)!.map((b) => parseInt(b, 16));
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** Felix sets every cali* host interface to this MAC (felix default for the workload's gateway). */
export const CALICO_HOST_VETH_MAC = 'ee:ee:ee:ee:ee:ee';

export const NAMING_SIMPLIFICATIONS = [
  'veth<8 hex> names are random in the bridge plugin (crypto/rand); here they come from sha1(containerID/eth0).',
  'MAC addresses of veths, cni0 and flannel.1 are random in Linux/flannel; here they come from sha1 of the owner.',
];
