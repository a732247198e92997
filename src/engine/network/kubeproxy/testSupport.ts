// Helpers for tests that compare against upstream expectations: object builders shaped like
// proxier_test.go's makeTestService/makeTestEndpointSlice, and a port of its sortIPTablesRules
// (upstream tests compare iptables-restore text after that normalisation, because Go map order
// makes the raw order vary).
import type { Node, Service, ServiceSpec } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';

export function makeService(namespace: string, name: string, spec: ServiceSpec, lbIPs: string[] = []): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { namespace, name },
    spec,
    status: { loadBalancer: { ingress: lbIPs.map((ip) => ({ ip })) } },
  };
}

export function makeSlice(namespace: string, service: string, suffix: number, addressType: 'IPv4' | 'IPv6', endpoints: Endpoint[], ports: EndpointPort[]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { namespace, name: `${service}-${suffix}`, labels: { 'kubernetes.io/service-name': service } },
    addressType,
    endpoints,
    ports,
  };
}

export function makeNode(name: string, addresses: string[], labels: Record<string, string> = {}, podCIDRs: string[] = []): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: podCIDRs.length ? { podCIDR: podCIDRs[0], podCIDRs } : {},
    status: { addresses: addresses.map((address) => ({ type: 'InternalIP', address })) },
  };
}

interface DumpChain { name: string; rules: string[] }
interface DumpTable { name: string; chains: DumpChain[] }

function commentValue(rule: string): string | undefined {
  const m = / --comment ("([^"]*)"|(\S+))/.exec(rule);
  return m ? (m[2] ?? m[3]) : undefined;
}

function serviceNameOfComment(rule: string): string | undefined {
  const c = commentValue(rule);
  if (c === undefined) return undefined;
  const i = c.search(/[ :]/);
  return i === -1 ? c : c.slice(0, i);
}

function stableSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (less(a.item, b.item) ? -1 : less(b.item, a.item) ? 1 : a.index - b.index))
    .map((x) => x.item);
}

function byService(a: string, b: string): boolean {
  const na = serviceNameOfComment(a);
  const nb = serviceNameOfComment(b);
  if (na === undefined || nb === undefined) return false;
  return na < nb;
}

/** Port of proxier_test.go sortIPTablesRules (tables, chains and KUBE-SERVICES/NODEPORTS rules). */
export function sortIPTablesRules(ruleData: string): string {
  const tables: DumpTable[] = [];
  let current: DumpTable | undefined;
  for (const line of ruleData.split('\n')) {
    if (line.startsWith('*')) tables.push((current = { name: line.slice(1), chains: [] }));
    else if (line.startsWith(':') && current) current.chains.push({ name: line.slice(1).split(' ')[0], rules: [] });
    else if (line.startsWith('-A ') && current) {
      const chain = line.split(' ')[1];
      current.chains.find((c) => c.name === chain)?.rules.push(line);
    }
  }
  tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rank = (n: string) => (n === 'KUBE-NODEPORTS' ? 0 : n === 'KUBE-SERVICES' ? 1 : n.startsWith('KUBE-') ? 2 : 3);
  let out = '';
  for (const t of tables) {
    t.chains.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const c of t.chains) {
      if (c.name === 'KUBE-NODEPORTS') c.rules = stableSort(c.rules, byService);
      if (c.name === 'KUBE-SERVICES' && t.name === 'filter') c.rules = stableSort(c.rules, byService);
      if (c.name === 'KUBE-SERVICES' && t.name === 'nat') {
        const isLast = (r: string) => (commentValue(r) ?? '').includes('must be the last rule');
        c.rules = stableSort(c.rules, (a, b) => (isLast(a) ? false : isLast(b) ? true : byService(a, b)));
      }
    }
    out += `*${t.name}\n`;
    for (const c of t.chains) out += `:${c.name} - [0:0]\n`;
    for (const c of t.chains) for (const r of c.rules) out += r + '\n';
    out += 'COMMIT\n';
  }
  return out;
}

/** Strips the tab indentation of a Go raw-string expectation (lithammer/dedent) and the first newline. */
export function dedent(text: string): string {
  return text.replace(/^\n/, '').split('\n').map((l) => l.replace(/^\t+/, '')).join('\n');
}
