// Connection tracking as the trace needs it: one entry per node a connection passed through,
// with the NAT done there, printed the way `conntrack -L` prints an entry (conntrack-tools
// src/conntrack.c / libnetfilter_conntrack's default output: protocol padded to 8, number,
// timeout, TCP state, original tuple, [UNREPLIED], reply tuple, mark, use). The timeouts are the
// kernel defaults for a first packet (nf_conntrack_tcp_timeout_syn_sent 120, udp 30).
import type { PacketHeader, Protocol } from './types';

export interface Endpoint {
  ip: string;
  port: number;
}

export interface ConntrackEntry {
  node: string;
  /** The original direction as the node first saw it. */
  orig: PacketHeader;
  /** Destination rewrite (DNAT by kube-proxy or a hostPort). */
  dnat?: { from: Endpoint; to: Endpoint };
  /** Source rewrite (MASQUERADE / SNAT). */
  snat?: { from: Endpoint; to: Endpoint };
}

const PROTO_NUMBER: Record<Protocol, number> = { TCP: 6, UDP: 17, SCTP: 132 };

/** The tuple the kernel expects replies to carry. */
export function replyTuple(e: ConntrackEntry): PacketHeader {
  const dst = e.dnat?.to ?? { ip: e.orig.dst, port: e.orig.dport };
  const src = e.snat?.to ?? { ip: e.orig.src, port: e.orig.sport };
  return { src: dst.ip, dst: src.ip, sport: dst.port, dport: src.port, proto: e.orig.proto };
}

/**
 * The entry as `conntrack -L` shows it: after the first packet (SYN_SENT, [UNREPLIED]), or once
 * the reply has been seen (`replied`: SYN_RECV for TCP, timeout 60; no [UNREPLIED] flag).
 */
export function conntrackLine(e: ConntrackEntry, replied = false): string {
  const o = e.orig;
  const r = replyTuple(e);
  const name = o.proto.toLowerCase();
  const state = o.proto === 'TCP' ? (replied ? ' SYN_RECV' : ' SYN_SENT') : o.proto === 'SCTP' ? (replied ? ' COOKIE_ECHOED' : ' COOKIE_WAIT') : '';
  const timeout = o.proto === 'UDP' ? 30 : o.proto === 'TCP' && replied ? 60 : o.proto === 'SCTP' ? 3 : 120;
  const head = `${name.padEnd(8)} ${PROTO_NUMBER[o.proto]} ${timeout}${state}`;
  const tuple = (t: PacketHeader) => `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
  return `${head} ${tuple(o)}${replied ? '' : ' [UNREPLIED]'} ${tuple(r)} mark=0 use=1`;
}
