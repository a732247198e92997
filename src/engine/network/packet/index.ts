// Packet tracing: the hops a connection's first packet and its reply take through the
// simulated cluster, each naming the namespace, device and the rule or route that moved it.
export { tracePath } from './tracePath';
export { traceLeg, type LegResult } from './leg';
export { parseIptablesSave, walkHook, type SavedRule, type SavedTables, type NfPacket, type NfResult } from './netfilter';
export { lookupRoute } from './routing';
export { conntrackLine, type ConntrackEntry } from './conntrack';
export type * from './types';
