// Scenario: a pod's readiness probe starts failing (fail-probe). Upstream:
// - pkg/kubelet/prober/worker.go: the result flips to failure only after failureThreshold (3)
//   consecutive failures, one per periodSeconds (10s); each failure records a Warning
//   "Unhealthy" event "Readiness probe failed: ...". pkg/kubelet/status/generate.go: Ready=False,
//   reason ContainersNotReady, "containers with unready status: [nginx]".
// - pkg/controller/endpointslice (staging/src/k8s.io/endpointslice/utils.go podToEndpoint): the
//   endpoint stays in the slice with conditions ready=false, serving=false, terminating=false;
//   the Endpoints controller moves the address to notReadyAddresses.
// - pkg/proxy/iptables/proxier.go: only ready endpoints get KUBE-SEP chains in the service's
//   KUBE-SVC chain, with `-m statistic --probability 1/(n-i)` on all but the last, printed
//   with %0.10f in the restore payload (iptables-save would show 0.33333333349).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import { buildClusterNetwork } from '../engine/network/clusterNetwork';
import { renderRestore } from '../engine/network/kubeproxy';
import type { KubeObject } from '../engine/api/types';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const MANIFEST = readFileSync(new URL('./fixtures/web-service.yaml', import.meta.url), 'utf8');
const FAIL_AT = 30_000;

// Pick the victim from a first run (the same seed gives the same names), then fail its probe.
const probeRun = Simulation.load(MANIFEST, { seed: 1 });
probeRun.run({ until: 20_000 });
const victim = probeRun.snapshot().objects.Pod!.filter((p) => p.metadata.namespace === 'default')[0];
const sim = Simulation.load(MANIFEST, { seed: 1, actions: [{ at: FAIL_AT, action: { type: 'fail-probe', pod: { kind: 'Pod', namespace: 'default', name: victim.metadata.name! }, probe: 'readiness' } }] });
sim.run({ until: FAIL_AT - 1, settle: false });
const before = sim.snapshot().objects;
sim.run({ until: 75_000, settle: false });
const after = sim.snapshot().objects;

function svcRules(objects: Record<string, KubeObject[]>, node: string): string[] {
  const net = buildClusterNetwork({ objects, config: sim.config, kubeProxy: sim.engineConfigs.kubeProxy });
  const entry = net.nodes.find((n) => n.name === node)!;
  const chain = renderRestore(entry.proxy[entry.primaryFamily]!).split('\n').find((l) => l.includes('"default/web:http cluster IP"') && l.startsWith('-A KUBE-SERVICES'))!.split(' -j ')[1];
  return renderRestore(entry.proxy[entry.primaryFamily]!).split('\n').filter((l) => l.startsWith(`-A ${chain} `) && l.includes(' -> '));
}
type SliceEndpoint = { addresses: string[]; conditions: unknown };
const slice = (objects: Record<string, KubeObject[]>) => objects.EndpointSlice!.find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!.endpoints as SliceEndpoint[];
const victimIp = () => after.Pod!.find((p) => p.metadata.name === victim.metadata.name)!.status.podIP as string;

describe('readiness failure drops the pod from the Service', () => {
  it('turns the pod NotReady at the third consecutive failure, 10s apart', () => {
    const unhealthy = sim.events().filter((e) => e.kind === 'Event' && involved(e.object)?.name === victim.metadata.name && e.object.reason === 'Unhealthy');
    const failures = unhealthy.map((e) => e.t);
    expect(unhealthy[0].object.type).toBe('Warning');
    expect(unhealthy[0].object.message).toMatch(/^Readiness probe failed: /);
    const notReady = sim.events().find((e) => e.kind === 'Pod' && e.name === victim.metadata.name && e.t >= FAIL_AT && e.object.status.conditions.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'False'))!;
    expect(failures.slice(0, 3).map((t) => t - failures[0])).toEqual([0, 10_000, 20_000]);
    expect(notReady.t).toBe(failures[2]);
    const cond = notReady.object.status.conditions.find((c: { type: string }) => c.type === 'Ready');
    expect(cond).toMatchObject({ reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' });
    expect(notReady.object.status.phase).toBe('Running');
  });

  it('keeps the endpoint in the EndpointSlice with ready=false, serving=false, terminating=false', () => {
    const ep = slice(after).find((e) => e.addresses[0] === victimIp());
    expect(ep?.conditions).toEqual({ ready: false, serving: false, terminating: false });
    const others = slice(after).filter((e) => e.addresses[0] !== victimIp());
    expect(others.map((e) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: true, serving: true, terminating: false },
    ]);
  });

  it('moves the address to notReadyAddresses in the Endpoints object', () => {
    const subset = (after.Endpoints!.find((e) => e.metadata.name === 'web')!.subsets as { addresses: unknown[]; notReadyAddresses: { ip: string }[] }[])[0];
    expect(subset.notReadyAddresses.map((a) => a.ip)).toEqual([victimIp()]);
    expect(subset.addresses).toHaveLength(2);
  });

  it('removes the endpoint from kube-proxy rules: 1/3, 1/2, last becomes 1/2, last', () => {
    const rulesBefore = svcRules(before, 'node-1');
    expect(rulesBefore).toHaveLength(3);
    expect(rulesBefore[0]).toContain('--probability 0.3333333333');
    expect(rulesBefore[1]).toContain('--probability 0.5000000000');
    expect(rulesBefore[2]).not.toContain('--probability');
    expect(rulesBefore.some((l) => l.includes(`-> ${victimIp()}:80`))).toBe(true);
    const rulesAfter = svcRules(after, 'node-1');
    expect(rulesAfter).toHaveLength(2);
    expect(rulesAfter[0]).toContain('--probability 0.5000000000');
    expect(rulesAfter[1]).not.toContain('--probability');
    expect(rulesAfter.some((l) => l.includes(`-> ${victimIp()}:80`))).toBe(false);
  });
});
