// Network benchmark cases (issue 5): one full kube-proxy sync (buildProxyRules +
// renderRestore, iptables mode, as the proxier's syncProxyRules builds and writes everything)
// for N Services x 10 endpoints; and packet traces (tracePath) on the settled default scene.
import { Simulation } from '../src/engine';
import { Rng } from '../src/engine/core/rng';
import { buildClusterNetwork } from '../src/engine/network/clusterNetwork';
import { buildProxyRules, renderRestore } from '../src/engine/network/kubeproxy';
import { makeService, makeSlice } from '../src/engine/network/kubeproxy/testSupport';
import { fakeProxierConfig, testNode } from '../src/engine/network/kubeproxy/upstreamFixtures';
import { tracePath } from '../src/engine/network/packet';
import { DEFAULT_SCENE } from '../src/scenes/defaultScene';
import { gc, median, now, quantile, round, type BenchResult } from './measure';

function proxyInput(services: number, endpoints: number) {
  const svcs = [];
  const slices = [];
  for (let i = 0; i < services; i++) {
    svcs.push(makeService('ns', `svc${i}`, { clusterIP: `172.30.${i >> 8}.${i & 255}`, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }));
    const eps = Array.from({ length: endpoints }, (_, j) => ({ addresses: [`10.${i >> 8}.${i & 255}.${j + 1}`], conditions: { ready: true } }));
    slices.push(makeSlice('ns', `svc${i}`, 1, 'IPv4', eps, [{ name: 'http', port: 8080, protocol: 'TCP' }]));
  }
  return { node: testNode, services: svcs, endpointSlices: slices, config: fakeProxierConfig, family: 'IPv4' as const };
}

/** Median ms of a full sync (build + render), with the build/render split of the median run. */
export function proxySync(services: number, endpoints: number, runs: number, budgetMs: number): BenchResult {
  const input = proxyInput(services, endpoints);
  const samples: { build: number; render: number }[] = [];
  let lines = 0;
  let bytes = 0;
  const start = now();
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = now();
    const rules = buildProxyRules(input);
    const t1 = now();
    const text = renderRestore(rules);
    const t2 = now();
    samples.push({ build: t1 - t0, render: t2 - t1 });
    bytes = text.length;
    lines = text.split('\n').length;
    if (now() - start > budgetMs) break;
  }
  const totals = samples.map((s) => s.build + s.render);
  const mid = samples[totals.indexOf(quantile(totals, 0.5))];
  return {
    name: `network.kube-proxy-sync-${services}x${endpoints}`,
    n: samples.length,
    syncMs: round(median(totals), 1),
    minMs: round(Math.min(...totals), 1),
    buildMs: round(mid.build, 1),
    renderMs: round(mid.render, 1),
    restoreLines: lines,
    restoreKiB: round(bytes / 1024),
  };
}

/** tracePath on the settled default scene: pod -> Service by name, pod -> Service ClusterIP, pod -> pod. */
export function* packetTraces(runs: number): Generator<BenchResult> {
  const sim = Simulation.load(DEFAULT_SCENE);
  sim.run();
  const objects = sim.snapshot().objects;
  const buildTimes: number[] = [];
  let net = buildClusterNetwork({ objects, config: sim.config, kubeProxy: sim.engineConfigs.kubeProxy });
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    net = buildClusterNetwork({ objects, config: sim.config, kubeProxy: sim.engineConfigs.kubeProxy });
    buildTimes.push(now() - t0);
  }
  yield { name: 'network.build-cluster-network-default', n: buildTimes.length, medianMs: round(median(buildTimes), 2), nodes: net.nodes.length, pods: net.objects.pods.length };

  const webPods = (objects.Pod ?? []).filter((p) => p.metadata.namespace === 'default');
  const svc = (objects.Service ?? []).find((s) => s.metadata.namespace === 'default' && s.metadata.name === 'web');
  const from = `default/${webPods[0]?.metadata.name}`;
  const other = webPods[webPods.length - 1];
  const requests = [
    { label: 'pod-to-service-dns', req: { from, to: 'web.default.svc:80' } },
    { label: 'pod-to-clusterip', req: { from, to: `${svc?.spec?.clusterIP}:80` } },
    { label: 'pod-to-pod', req: { from, to: `${other?.status?.podIP}:80` } },
  ];
  for (const { label, req } of requests) {
    const times: number[] = [];
    let hops = 0;
    let delivered: string | undefined | null;
    for (let i = 0; i < runs; i++) {
      const t0 = now();
      const trace = tracePath(req, net, new Rng(i + 1));
      times.push(now() - t0);
      hops = trace.hops.length;
      delivered = trace.deliveredTo;
    }
    yield {
      name: `network.trace-${label}`,
      n: runs,
      from: req.from,
      to: req.to,
      medianMs: round(median(times), 3),
      p95Ms: round(quantile(times, 0.95), 3),
      firstMs: round(times[0], 2),
      hops,
      deliveredTo: delivered ?? 'none',
    };
  }
}

export function* networkCases(budgetMs: number, only?: (name: string) => boolean): Generator<BenchResult> {
  if (!only || only('network.kube-proxy-sync-1000x10')) yield proxySync(1_000, 10, 7, budgetMs);
  if (!only || only('network.kube-proxy-sync-10000x10')) yield proxySync(10_000, 10, 3, budgetMs);
  if (!only || only('network.trace')) yield* packetTraces(50);
}
