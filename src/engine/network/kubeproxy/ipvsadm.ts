// renderIpvsadm: the text `ipvsadm -ln` prints (ipvsadm.c list_all / print_title /
// print_service_entry; services and destinations sorted by libipvs ipvs_cmp_services/_dests).
import { compareIP, joinHostPort } from './ip';
import type { IpvsState, VirtualServer } from './ipvs';

const PROTO_NUMBER = { TCP: 6, UDP: 17, SCTP: 132 } as const;

function compareServices(a: VirtualServer, b: VirtualServer): number {
  return PROTO_NUMBER[a.protocol] - PROTO_NUMBER[b.protocol] || compareIP(a.address, b.address) || a.port - b.port;
}

const pad = (s: string | number, width: number) => String(s).padEnd(width, ' ');

export function renderIpvsadm(state: IpvsState, options: { size?: number } = {}): string {
  let out = `IP Virtual Server version 1.2.1 (size=${options.size ?? 4096})\n`;
  out += 'Prot LocalAddress:Port Scheduler Flags\n';
  out += '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
  for (const vs of [...state.virtualServers].sort(compareServices)) {
    out += `${vs.protocol}  ${joinHostPort(vs.address, vs.port)} ${vs.scheduler}`;
    if (vs.persistentTimeout !== undefined) out += ` persistent ${vs.persistentTimeout}`;
    out += '\n';
    const dests = [...vs.realServers].sort((a, b) => compareIP(a.address, b.address) || a.port - b.port);
    for (const rs of dests) {
      out += `  -> ${pad(joinHostPort(rs.address, rs.port), 28)} ${pad(rs.forward, 7)} ${pad(rs.weight, 6)} ${pad(0, 10)} ${pad(0, 10)}\n`;
    }
  }
  return out;
}
