// Scenarios from kubernetes test/e2e/network/netpol/network_policy.go (namespaces x,y,z with pods
// a,b,c labelled pod=<name>, namespaces labelled ns=<name>; containers serve 80 and 81 as
// serve-80-tcp / serve-81-tcp) and the examples of the Kubernetes docs "Network Policies" page.
import { describe, expect, it } from 'vitest';
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import { evaluateNetworkPolicy, effectivePolicyTypes } from './evaluate';
import { formatTruthTable, netpolMatrix } from './matrix';

const NS = ['x', 'y', 'z'];
const PODS = ['a', 'b', 'c'];

function makePod(ns: string, name: string, ip: string): Pod {
  return {
    metadata: { namespace: ns, name, labels: { pod: name } },
    spec: {
      containers: [80, 81].flatMap((p) => [{
        name: `cont-${p}-tcp`,
        ports: [{ containerPort: p, name: `serve-${p}-tcp`, protocol: 'TCP' as const }],
      }]),
    },
    status: { podIP: ip },
  };
}

const pods: Pod[] = NS.flatMap((ns, i) => PODS.map((p, j) => makePod(ns, p, `10.244.${i}.${j + 10}`)));
const namespaces: Namespace[] = NS.map((n) => ({ metadata: { name: n, labels: { ns: n } } }));

const policy = (ns: string, name: string, spec: NetworkPolicySpec): NetworkPolicy => ({ metadata: { namespace: ns, name }, spec });

function table(policies: NetworkPolicy[], port = 80) {
  return netpolMatrix({ pods, policies, namespaces, port });
}

/** The set of allowed "from->to" pairs, for compact expectations. */
function allowedPairs(policies: NetworkPolicy[], port = 80): Set<string> {
  const { matrix } = table(policies, port);
  const out = new Set<string>();
  for (const [from, row] of Object.entries(matrix)) for (const [to, ok] of Object.entries(row)) if (ok) out.add(`${from}->${to}`);
  return out;
}

const all = pods.map((p) => `${p.metadata!.namespace}/${p.metadata!.name}`);

describe('evaluateNetworkPolicy', () => {
  it('defaults policyTypes to Ingress, adding Egress only when egress rules exist', () => {
    expect(effectivePolicyTypes({ podSelector: {} })).toEqual(['Ingress']);
    expect(effectivePolicyTypes({ podSelector: {}, egress: [{}] })).toEqual(['Ingress', 'Egress']);
    expect(effectivePolicyTypes({ podSelector: {}, policyTypes: ['Egress'] })).toEqual(['Egress']);
  });

  it('allows everything when no policy exists (non-isolated pods)', () => {
    expect(allowedPairs([]).size).toBe(81);
  });

  // "should support a 'default-deny-ingress' policy"
  it('default-deny-ingress in x blocks every connection into x and nothing else', () => {
    const ok = allowedPairs([policy('x', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] })]);
    for (const from of all) for (const to of all) expect(ok.has(`${from}->${to}`)).toBe(!to.startsWith('x/'));
    const v = evaluateNetworkPolicy({ src: { pod: 'y/a' }, dst: { pod: 'x/a' }, port: 80, policies: [policy('x', 'deny-ingress', { podSelector: {} })], pods, namespaces });
    expect(v.ingress).toMatchObject({ isolated: true, allowed: false, selectingPolicies: ['x/deny-ingress'], allowedBy: null });
    expect(v.egress.isolated).toBe(false);
  });

  // "should enforce policy to allow traffic from pods within server namespace based on PodSelector"
  it('podSelector alone only matches pods in the policy namespace', () => {
    const p = policy('x', 'x-a-allows-x-b', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] });
    const ok = allowedPairs([p]);
    const intoXa = all.filter((from) => ok.has(`${from}->x/a`));
    expect(intoXa).toEqual(['x/b']);
    const v = evaluateNetworkPolicy({ src: { pod: 'x/b' }, dst: { pod: 'x/a' }, port: 80, policies: [p], pods, namespaces });
    expect(v.ingress.allowedBy).toEqual({ policy: 'x/x-a-allows-x-b', rule: 0, peer: 0, port: null });
  });

  // "should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector"
  it('namespaceSelector alone matches every pod of the selected namespaces', () => {
    const p = policy('x', 'allow-ns-y', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'In', values: ['y'] }] } }] }] });
    const ok = allowedPairs([p]);
    expect(all.filter((from) => ok.has(`${from}->x/a`))).toEqual(['y/a', 'y/b', 'y/c']);
  });

  // Docs "Behavior of to and from selectors": one element with both selectors is AND; two elements OR.
  it('ANDs podSelector and namespaceSelector within one peer and ORs across peers', () => {
    const and = policy('x', 'and', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'b' } } }] }] });
    expect(all.filter((f) => allowedPairs([and]).has(`${f}->x/a`))).toEqual(['y/b']);
    const or = policy('x', 'or', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }, { podSelector: { matchLabels: { pod: 'b' } } }] }] });
    expect(all.filter((f) => allowedPairs([or]).has(`${f}->x/a`))).toEqual(['x/b', 'y/a', 'y/b', 'y/c']);
    const v = evaluateNetworkPolicy({ src: { pod: 'x/b' }, dst: { pod: 'x/a' }, port: 80, policies: [or], pods, namespaces });
    expect(v.ingress.allowedBy).toMatchObject({ peer: 1 });
  });

  it('unions the allow-lists of all policies that select a pod', () => {
    const p1 = policy('x', 'from-xb', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] });
    const p2 = policy('x', 'from-yc', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'c' } } }] }] });
    expect(all.filter((f) => allowedPairs([p1, p2]).has(`${f}->x/a`))).toEqual(['x/b', 'y/c']);
  });

  // "should allow ingress access on one named port"
  it('resolves a named port on the destination pod', () => {
    const p = policy('x', 'allow-81', { podSelector: {}, ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] });
    const on = (port: number) => evaluateNetworkPolicy({ src: { pod: 'y/a' }, dst: { pod: 'x/a' }, port, policies: [p], pods, namespaces });
    expect(on(81).allowed).toBe(true);
    expect(on(81).ingress.allowedBy).toEqual({ policy: 'x/allow-81', rule: 0, peer: null, port: 0 });
    expect(on(80).allowed).toBe(false);
  });

  // "should support allow-all policy" on a port range: endPort (network_policy.go "NetworkPolicy with EndPort")
  it('matches a port range with endPort and respects the protocol', () => {
    const p = policy('x', 'range', { podSelector: {}, ingress: [{ ports: [{ protocol: 'TCP', port: 80, endPort: 81 }] }] });
    const on = (port: number, protocol: 'TCP' | 'UDP' = 'TCP') =>
      evaluateNetworkPolicy({ src: { pod: 'y/a' }, dst: { pod: 'x/b' }, port, protocol, policies: [p], pods, namespaces }).allowed;
    expect([on(80), on(81), on(82), on(80, 'UDP')]).toEqual([true, true, false, false]);
  });

  // Docs example test-network-policy: ipBlock 172.17.0.0/16 except 172.17.1.0/24
  it('applies ipBlock with except to the source address', () => {
    const p = policy('x', 'ipblock', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } }] }] });
    const from = (ip: string) => evaluateNetworkPolicy({ src: { ip }, dst: { pod: 'x/a' }, port: 80, policies: [p], pods, namespaces });
    expect(from('172.17.0.5').allowed).toBe(true);
    expect(from('172.17.1.5').allowed).toBe(false);
    expect(from('8.8.8.8').allowed).toBe(false);
    expect(from('172.17.0.5').egress.reason).toMatch(/not a pod network endpoint/);
  });

  // "should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector"
  it('isolates egress only when Egress is in policyTypes, and then needs both sides to allow', () => {
    const egress = policy('x', 'x-a-egress-to-y-b', {
      podSelector: { matchLabels: { pod: 'a' } },
      egress: [{ to: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'b' } } }] }],
      policyTypes: ['Egress'],
    });
    const ok = allowedPairs([egress]);
    expect(all.filter((to) => ok.has(`x/a->${to}`))).toEqual(['y/b']);
    expect(ok.has('x/b->x/a')).toBe(true); // ingress of x/a is not isolated
    const denyIngressY = policy('y', 'deny', { podSelector: {} });
    const v = evaluateNetworkPolicy({ src: { pod: 'x/a' }, dst: { pod: 'y/b' }, port: 80, policies: [egress, denyIngressY], pods, namespaces });
    expect([v.egress.allowed, v.ingress.allowed, v.allowed]).toEqual([true, false, false]);
  });

  it('an empty ingress rule allows everything to the selected pods', () => {
    const p = policy('x', 'allow-all', { podSelector: {}, ingress: [{}] });
    const v = evaluateNetworkPolicy({ src: { pod: 'z/c' }, dst: { pod: 'x/c' }, port: 80, policies: [p], pods, namespaces });
    expect(v.ingress).toMatchObject({ isolated: true, allowed: true, allowedBy: { rule: 0, peer: null, port: null } });
  });

  it('prints the e2e truth table with "." for connected and "X" for blocked', () => {
    const out = formatTruthTable(table([policy('x', 'deny', { podSelector: { matchLabels: { pod: 'a' } } })]));
    const lines = out.split('\n');
    expect(lines[0]).toBe(['-', ...all].join('\t'));
    expect(lines[1]).toBe(['x/a', 'X', '.', '.', '.', '.', '.', '.', '.', '.'].join('\t'));
    expect(lines[2].split('\t')[1]).toBe('X');
  });

  it('matches namespaces by the kubernetes.io/metadata.name label the API server sets', () => {
    const p = policy('x', 'by-name', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'z' } } }] }] });
    expect(all.filter((f) => allowedPairs([p]).has(`${f}->x/b`))).toEqual(['z/a', 'z/b', 'z/c']);
  });
});
