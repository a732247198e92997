// Scenario: a StatefulSet (the "StatefulSet Basics" tutorial's web/nginx) with a claim template
// and a default StorageClass. Upstream:
// - pkg/controller/statefulset/stateful_set_control.go: OrderedReady creates ordinal n+1 only
//   once ordinal n is Running and Ready.
// - stateful_set_utils.go getPersistentVolumeClaimName: `<template>-<set>-<ordinal>`;
//   stateful_pod_control.go events "create Pod web-0 in StatefulSet web successful" and
//   "create Claim www-web-0 Pod web-0 in StatefulSet web success".
// - plugin/pkg/admission/storage/storageclass/setdefault: the default class fills storageClassName.
// - pkg/controller/volume/persistentvolume/pv_controller.go: Immediate claims are provisioned at
//   once; WaitForFirstConsumer claims wait ("waiting for first consumer to be created before
//   binding") until the scheduler's VolumeBinding PreBind (plugins/volumebinding/binder.go
//   BindPodVolumes) sets volume.kubernetes.io/selected-node, and the pod is bound to the node
//   only after its claims are bound.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import type { KubeObject } from '../engine/api/types';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const WFFC = readFileSync(new URL('./fixtures/web-statefulset.yaml', import.meta.url), 'utf8');
const IMMEDIATE = WFFC.replace('volumeBindingMode: WaitForFirstConsumer', 'volumeBindingMode: Immediate');

function run(text: string) {
  const sim = Simulation.load(text, { seed: 1 });
  sim.run({ until: 60_000 });
  return sim;
}
const isReady = (p: KubeObject) => (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
const podEvents = (sim: Simulation, name: string) => sim.events().filter((e) => e.kind === 'Pod' && e.namespace === 'default' && e.name === name);

describe('StatefulSet ordered start and claims (Immediate StorageClass)', () => {
  const sim = run(IMMEDIATE);

  it('creates web-1 only after web-0 is Running and Ready', () => {
    const web0Ready = podEvents(sim, 'web-0').find((e) => e.object.status?.phase === 'Running' && isReady(e.object))!;
    const web1Created = podEvents(sim, 'web-1').find((e) => e.type === 'ADDED')!;
    expect(web0Ready).toBeDefined();
    expect(web1Created).toBeDefined();
    expect(web1Created.t).toBeGreaterThanOrEqual(web0Ready.t);
    expect(web1Created.index).toBeGreaterThan(web0Ready.index);
  });

  it('names each claim <template>-<set>-<ordinal> and binds it to a provisioned volume of the default class', () => {
    const claims = (sim.snapshot().objects.PersistentVolumeClaim ?? []).filter((c) => c.metadata.namespace === 'default');
    expect(claims.map((c) => c.metadata.name).sort()).toEqual(['www-web-0', 'www-web-1']);
    for (const c of claims) {
      expect(c.spec.storageClassName).toBe('standard');
      expect(c.status.phase).toBe('Bound');
      // The external provisioner names volumes pvc-<claim uid>.
      expect(c.spec.volumeName).toBe(`pvc-${c.metadata.uid}`);
    }
  });

  it('records the controller events with upstream wording, claim before pod', () => {
    const messages = (sim.snapshot().objects.Event ?? [])
      .filter((e) => involved(e)?.kind === 'StatefulSet' && e.reason === 'SuccessfulCreate')
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((e) => e.message);
    expect(messages).toEqual([
      'create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'create Pod web-0 in StatefulSet web successful',
      'create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'create Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('ends with both pods Running and Ready and readyReplicas 2', () => {
    const sts = sim.snapshot().objects.StatefulSet!.find((s) => s.metadata.name === 'web')!;
    expect(sts.status).toMatchObject({ replicas: 2, readyReplicas: 2 });
  });
});

describe('StatefulSet claims with a WaitForFirstConsumer StorageClass', () => {
  const sim = run(WFFC);
  const claim = (name: string) => sim.snapshot().objects.PersistentVolumeClaim!.find((c) => c.metadata.name === name)!;

  it('keeps the ordered start', () => {
    const web0Ready = podEvents(sim, 'web-0').find((e) => isReady(e.object));
    const web1Created = podEvents(sim, 'web-1').find((e) => e.type === 'ADDED');
    expect(web0Ready && web1Created && web1Created.index > web0Ready.index).toBe(true);
  });

  // Regression (was an engine bug, fixed): src/engine/scheduler/component.ts binds the pod without VolumeBinding's PreBind,
  // so the claim never gets volume.kubernetes.io/selected-node and the binder (pvBinder.ts) never
  // provisions it: www-web-0 stays Pending for ever.
  it('provisions each claim on the node its pod was scheduled to (selected-node), then binds it', () => {
    const pod = sim.snapshot().objects.Pod!.find((p) => p.metadata.name === 'web-0')!;
    const c = claim('www-web-0');
    expect(c.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(pod.spec.nodeName);
    expect(c.status.phase).toBe('Bound');
  });

  // Regression (was an engine bug, fixed): the kubelet starts web-0's containers although its claim is unbound; upstream's
  // volume manager (pkg/kubelet/volumemanager WaitForAttachAndMount) keeps the pod in
  // ContainerCreating until the volume mounts, and the scheduler binds the pod only after
  // PreBind has bound its claims.
  it('does not run a pod before its claim is bound', () => {
    const running = podEvents(sim, 'web-0').find((e) => e.object.status?.phase === 'Running')!;
    const bound = sim.events().find((e) => e.kind === 'PersistentVolumeClaim' && e.name === 'www-web-0' && e.object.status?.phase === 'Bound');
    expect(running).toBeDefined();
    expect(bound).toBeDefined();
    expect(bound!.index).toBeLessThan(running.index);
  });
});
