// Verdicts come from the engine's netpolMatrix (shape of the e2e truth table in
// test/e2e/network/netpol/truthtable.go); a deny-all-ingress policy on x/a (the docs'
// "default deny" example) blocks every other pod from reaching it.
import { describe, expect, it } from 'vitest';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import { netpolMatrix, policyEnforcementNote } from '../engine/network/netpol';
import { buildPoliciesGraph } from './policiesGraph';
import { makePod, snapshotOf } from './testing/objects';

const pods = [makePod('a', { ns: 'x', labels: { pod: 'a' }, ip: '10.244.1.10' }), makePod('b', { ns: 'x', labels: { pod: 'b' }, ip: '10.244.1.11' }), makePod('c', { ns: 'y', labels: { pod: 'c' }, ip: '10.244.2.10' })];
const namespaces: Namespace[] = ['x', 'y'].map((n) => ({ metadata: { name: n, labels: { 'kubernetes.io/metadata.name': n } } }));
const denyA: NetworkPolicy = { metadata: { namespace: 'x', name: 'deny-a' }, spec: { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'] } };
const matrix = netpolMatrix({ pods: pods as Pod[], policies: [denyA], namespaces, port: 80 });
const snap = snapshotOf(pods);

describe('buildPoliciesGraph', () => {
  it('groups pods by namespace and draws denied edges into the isolated pod', () => {
    const g = buildPoliciesGraph(snap, { matrix, enforced: true, port: 80 });
    expect(g.nodes.filter((n) => n.group).map((n) => n.id)).toEqual(['ns:x', 'ns:y']);
    expect(g.nodes.filter((n) => n.kind === 'Pod').map((n) => `${n.parent} ${n.id}`)).toEqual(['ns:x Pod/x/a', 'ns:x Pod/x/b', 'ns:y Pod/y/c']);
    const denied = g.edges.filter((e) => e.kind === 'denied').map((e) => e.id);
    expect(denied).toEqual(['policy:x/b->x/a', 'policy:y/c->x/a']);
    expect(g.edges.find((e) => e.id === 'policy:y/c->x/a')).toMatchObject({ status: 'error', labelKey: { key: 'graph.policies.denied' } });
    expect(g.edges.find((e) => e.id === 'policy:x/a->y/c')).toMatchObject({ status: 'ok', kind: 'allowed' });
    expect(g.edges).toHaveLength(6); // 3 x 2 ordered pairs, no self-edges
    expect(g.banner).toBeUndefined();
  });

  it('raises a banner and softens denied edges when the CNI does not enforce policy', () => {
    const g = buildPoliciesGraph(snap, { matrix, enforced: false, cni: 'flannel', enforcementNote: policyEnforcementNote('flannel') });
    expect(g.banner).toMatchObject({ status: 'warning', labelKey: { key: 'graph.policies.notEnforced', values: { cni: 'flannel' } } });
    expect(g.banner!.text).toContain('flannel does not implement NetworkPolicy');
    expect(g.edges.find((e) => e.id === 'policy:x/b->x/a')).toMatchObject({ status: 'warning', label: 'denied by policy, not enforced' });
  });

  it('draws only the focused pod\'s edges and filters by verdict', () => {
    const focused = buildPoliciesGraph(snap, { matrix, enforced: true, focus: 'y/c' });
    expect(focused.edges.map((e) => e.id)).toEqual(['policy:x/a->y/c', 'policy:x/b->y/c', 'policy:y/c->x/a', 'policy:y/c->x/b']);
    const deniedOnly = buildPoliciesGraph(snap, { matrix, enforced: true, show: 'denied' });
    expect(deniedOnly.edges.every((e) => e.kind === 'denied')).toBe(true);
    expect(deniedOnly.edges[0].detail).toMatch(/^denied: /);
  });
});

describe('buildPoliciesGraph with nothing denied', () => {
  it('says so in the notes instead of drawing nothing silently', () => {
    const open = netpolMatrix({ pods: pods as Pod[], policies: [], namespaces, port: 80 });
    const g = buildPoliciesGraph(snap, { matrix: open, enforced: true, show: 'denied' });
    expect(g.edges).toEqual([]);
    expect(g.notes[0]).toMatch(/^No NetworkPolicy denies/);
  });
});
