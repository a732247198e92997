// Every simplification note the UI can show must have a Chinese entry, and every entry must still
// translate a note the engine or a view says: the notes are collected from the engine's exports
// and from each graph view built on a real run of the default scene (plus the few inputs that make
// the dynamic notes appear), so a note added or reworded without a translation fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import { Simulation, type Snapshot } from '../engine';
import { SIMPLIFICATIONS as WORKLOAD_NOTES } from '../engine/controllers/workloads';
import { clusterControllerNotes } from '../engine/controllers/cluster';
import { KUBELET_SIMPLIFICATIONS } from '../engine/kubelet/simplifications';
import { SCHEDULER_SIMPLIFICATIONS } from '../engine/scheduler/simplifications';
import { PLUGIN_ERROR_NOTE, PREFILTER_ORDER_NOTE } from '../engine/scheduler/schedule-one';
import { COMPACTED_RECORD_NOTE } from '../engine/scheduler/component';
import { APPLY_SIMPLIFICATION } from '../engine/actions/apply';
import { buildClusterNetwork } from '../engine/network/clusterNetwork';
import { buildProxyRules, LARGE_CLUSTER_ENDPOINTS_THRESHOLD } from '../engine/network/kubeproxy';
import { makeService as proxyService, makeSlice } from '../engine/network/kubeproxy/testSupport';
import { fakeProxierConfig, testNode } from '../engine/network/kubeproxy/upstreamFixtures';
import { netpolMatrix, policyEnforcementNote } from '../engine/network/netpol';
import { DEFAULT_SCENE } from '../scenes/defaultScene';
import { buildControlPlaneGraph } from '../viewmodel/controlPlaneGraph';
import { buildNetworkGraph, nodeNetworksFromSnapshot } from '../viewmodel/networkGraph';
import { buildPoliciesGraph } from '../viewmodel/policiesGraph';
import { buildRulesGraph } from '../viewmodel/rulesGraph';
import { simplificationsFor } from '../viewmodel/simplifications';
import { makeNode, makePod, snapshotOf } from '../viewmodel/testing/objects';
import { NOTE_LANGUAGES, noteEntries, translateNote } from './notes';

const CNIS = ['flannel', 'calico', 'bridge'] as const;
const notes = new Set<string>();

function policyNotes(snapshot: Snapshot, port: number) {
  const matrix = netpolMatrix({
    pods: (snapshot.objects.Pod ?? []) as unknown as Pod[],
    policies: [],
    namespaces: (snapshot.objects.Namespace ?? []) as unknown as Namespace[],
    port,
  });
  for (const show of ['all', 'denied'] as const) buildPoliciesGraph(snapshot, { matrix, enforced: false, port, show }).notes.forEach((n) => notes.add(n));
}

beforeAll(() => {
  // What the inspector lists, kind by kind, and every controller's notes.
  for (const n of [...WORKLOAD_NOTES, ...Object.values(clusterControllerNotes).flat(), ...KUBELET_SIMPLIFICATIONS, ...SCHEDULER_SIMPLIFICATIONS, APPLY_SIMPLIFICATION]) notes.add(n);
  for (const kind of ['Pod', 'Deployment', 'Job', 'CronJob', 'Service', 'Node', 'PersistentVolumeClaim', 'ResourceQuota', 'ConfigMap']) simplificationsFor(kind).forEach((n) => notes.add(n));

  // The graph views on the default scene, for every CNI and kube-proxy mode.
  const sim = Simulation.load(DEFAULT_SCENE);
  sim.run({ until: 60_000 });
  const snapshot = sim.snapshot();
  buildControlPlaneGraph(snapshot, sim.events(), {}).notes.forEach((n) => notes.add(n));
  for (const kind of CNIS) {
    buildNetworkGraph(nodeNetworksFromSnapshot(snapshot, { kind, clusterCidr: sim.config.podCIDR })).notes.forEach((n) => notes.add(n));
    notes.add(policyEnforcementNote(kind));
  }
  for (const kubeProxyMode of ['iptables', 'ipvs'] as const) {
    const net = buildClusterNetwork({ objects: snapshot.objects, config: { ...sim.config, kubeProxyMode }, time: snapshot.time });
    for (const e of net.nodes) buildRulesGraph(e.proxy[e.primaryFamily]!, {}).notes.forEach((n) => notes.add(n));
  }
  policyNotes(snapshot, 80);

  // Notes that only some inputs produce: a node off the LAN with the bridge CNI, a pod without an
  // IP and one outside its node's podCIDR, and kube-proxy's large-cluster mode.
  const odd = snapshotOf([
    makeNode('node-1', '192.168.56.11', '10.244.1.0/24'),
    makeNode('node-2', '10.0.0.12', '10.244.2.0/24'),
    makePod('starting', { node: 'node-1', state: 'running' }),
    makePod('stray', { node: 'node-1', ip: '10.244.9.5' }),
  ]);
  buildNetworkGraph(nodeNetworksFromSnapshot(odd, { kind: 'bridge', clusterCidr: '10.244.0.0/16' })).notes.forEach((n) => notes.add(n));
  const ports = [{ name: 'p80', port: 80, protocol: 'TCP' as const }];
  const endpoints = Array.from({ length: LARGE_CLUSTER_ENDPOINTS_THRESHOLD + 1 }, (_, i) => ({ addresses: [`10.180.${Math.floor(i / 250)}.${(i % 250) + 1}`] }));
  const large = buildProxyRules({
    node: testNode,
    services: [proxyService('ns1', 'big', { clusterIP: '172.30.0.41', ports })],
    endpointSlices: [makeSlice('ns1', 'big', 1, 'IPv4', endpoints, ports)],
    config: fakeProxierConfig,
    family: 'IPv4',
  });
  buildRulesGraph(large, {}).notes.forEach((n) => notes.add(n));
  // The scheduler's decision-record notes, shown under the decision table.
  for (const n of [PLUGIN_ERROR_NOTE, PREFILTER_ORDER_NOTE, COMPACTED_RECORD_NOTE]) notes.add(n);
});

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('simplification notes in Chinese', () => {
  it('collects the notes of every source, dynamic ones included', () => {
    expect(notes.size).toBeGreaterThan(60);
    expect([...notes]).toEqual(expect.arrayContaining([
      'node-1: node-2 is not on node-1\'s LAN: no route to its pods with the plain bridge CNI.',
      'node-1: default/starting has no IP yet (no sandbox network): not shown.',
      'node-1: default/stray IP 10.244.9.5 is outside node-1\'s podCIDR 10.244.1.0/24.',
      'Verdicts for TCP port 80.',
      expect.stringMatching(/^More than \d+ endpoints/),
    ]));
  });

  it('translates every note', () => {
    const missing = [...notes].filter((n) => !hasChinese(translateNote(n, 'zh')));
    expect(missing).toEqual([]);
  });

  it('has no entry that no note uses any more', () => {
    const used = new Set([...notes].flatMap((n) => noteEntries(n, 'zh') ?? []));
    expect(NOTE_LANGUAGES.zh.filter((k) => !used.has(k))).toEqual([]);
  });

  it('keeps the same {{placeholders}} in each translation', () => {
    const names = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
    const zh = Object.fromEntries(NOTE_LANGUAGES.zh.map((k) => [k, translateNote(k, 'zh')]));
    expect(Object.entries(zh).filter(([k, v]) => names(k).join() !== names(v).join()).map(([k]) => k)).toEqual([]);
  });

  it.each([
    ['node-2: flannel: the LAN gateway is assumed to be the first address of the node\'s /24; dynamic ARP entries for local pods are not shown.', 'node-2：flannel：假定 LAN 网关是节点所在 /24 网段的第一个地址；不显示本地 Pod 的动态 ARP 条目。'],
    ['Verdicts for TCP port 8080.', 'TCP 端口 8080 的判定结果。'],
    ['weave does not implement NetworkPolicy: policies are stored but not enforced, so all traffic flows.', 'weave 不实现 NetworkPolicy：策略会被保存但不会执行，所以所有流量都会放行。'],
  ])('puts the values of a template note into its translation: %s', (en, zh) => {
    expect(translateNote(en, 'zh')).toBe(zh);
    expect(translateNote(en, 'zh-CN')).toBe(zh);
  });

  it('leaves English, and any note without an entry, as the engine wrote it', () => {
    expect(translateNote(APPLY_SIMPLIFICATION, 'en')).toBe(APPLY_SIMPLIFICATION);
    expect(translateNote('node-1: a note nobody has translated yet.', 'zh')).toBe('node-1: a note nobody has translated yet.');
  });
});
