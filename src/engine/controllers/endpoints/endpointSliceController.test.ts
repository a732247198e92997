import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { applyPlan } from '../testing/applyPlan';
import { makeNode, makeObject, makePod } from '../testing/builders';
import { endpointSliceController } from './endpointSliceController';
import { podToEndpoint } from './podEndpoint';

function makeService(spec: Record<string, unknown> = {}, labels?: Record<string, string>): KubeObject {
  return makeObject('v1', 'Service', {
    name: 'web',
    uid: 'svc-uid',
    labels,
    spec: { selector: { app: 'web' }, clusterIP: '10.96.0.10', ipFamilies: ['IPv4'], ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec },
  });
}

function webPod(i: number, opts: Parameters<typeof makePod>[0] = {}): KubeObject {
  return makePod({ name: `web-${String(i).padStart(3, '0')}`, uid: `pod-${i}`, labels: { app: 'web' }, nodeName: 'node-1', podIP: `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}`, ready: true, ...opts });
}

const slicesOf = (objects: KubeObject[]): any[] => objects.filter((o) => o.kind === 'EndpointSlice');

function sync(objects: KubeObject[]) {
  const plan = endpointSliceController.reconcile('default/web', fakeContext(objects));
  applyPlan(objects, plan);
  return plan;
}

describe('endpointslice controller', () => {
  // reconciler_test.go TestReconcile1Pod (IPv4 service).
  it('creates one slice with the pod endpoint, labels, owner and ports', () => {
    const objects = [makeService({}, { tier: 'front' }), makeNode({ name: 'node-1', zone: 'zone-a' }), webPod(1)];
    sync(objects);
    const [slice] = slicesOf(objects);
    expect(slice.metadata.generateName).toBe('web-');
    expect(slice.metadata.labels).toEqual({
      tier: 'front',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'svc-uid', controller: true, blockOwnerDeletion: true }]);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints).toEqual([
      {
        addresses: ['10.244.0.2'],
        conditions: { ready: true, serving: true, terminating: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: 'web-001', uid: 'pod-1' },
        nodeName: 'node-1',
        zone: 'zone-a',
      },
    ]);
    // A second sync with nothing changed writes nothing.
    expect(sync(objects).writes).toEqual([]);
  });

  // utils_test.go TestPodToEndpoint: ready/serving/terminating combinations.
  it.each([
    ['ready pod', true, false, false, { ready: true, serving: true, terminating: false }],
    ['unready pod', false, false, false, { ready: false, serving: false, terminating: false }],
    ['unready pod, publishNotReadyAddresses', false, false, true, { ready: true, serving: false, terminating: false }],
    ['terminating ready pod', true, true, false, { ready: false, serving: true, terminating: true }],
    ['terminating unready pod', false, true, false, { ready: false, serving: false, terminating: true }],
    ['terminating pod, publishNotReadyAddresses', true, true, true, { ready: true, serving: true, terminating: true }],
  ])('%s', (_name, ready, terminating, publish, expected) => {
    const pod = webPod(1, { ready, deleted: terminating ? 5 : undefined });
    const ep = podToEndpoint(pod, makeNode(), makeService({ publishNotReadyAddresses: publish }), 'IPv4');
    expect(ep.conditions).toEqual(expected);
  });

  // reconciler_test.go TestReconcileManyPods: 250 pods -> slices of 100, 100, 50.
  it('splits 250 endpoints into slices of at most 100', () => {
    const objects = [makeService(), makeNode({ name: 'node-1' }), ...Array.from({ length: 250 }, (_, i) => webPod(i))];
    sync(objects);
    expect(slicesOf(objects).map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
  });

  it('puts pods whose named targetPort resolves to different numbers into different slices', () => {
    const svc = makeService({ ports: [{ name: 'http', port: 80, targetPort: 'web', protocol: 'TCP' }] });
    const a = webPod(1, { ports: [{ name: 'web', containerPort: 8080 }] });
    const b = webPod(2, { ports: [{ name: 'web', containerPort: 9090 }] });
    const objects = [svc, makeNode({ name: 'node-1' }), a, b];
    sync(objects);
    const ports = slicesOf(objects).map((s) => [s.ports[0].port, s.endpoints.map((e: { targetRef: { name: string } }) => e.targetRef.name)]);
    expect(ports).toEqual(
      expect.arrayContaining([
        [8080, ['web-001']],
        [9090, ['web-002']],
      ]),
    );
  });

  it('leaves out pods that have no IP yet or have finished', () => {
    const objects = [makeService(), makeNode({ name: 'node-1' }), webPod(1), makePod({ name: 'pending', labels: { app: 'web' } }), webPod(3, { phase: 'Succeeded' })];
    sync(objects);
    expect(slicesOf(objects)[0].endpoints.map((e: { targetRef: { name: string } }) => e.targetRef.name)).toEqual(['web-001']);
  });

  it('does nothing for a Service without a selector', () => {
    const svc = makeService({ selector: undefined });
    const userSlice = makeObject('discovery.k8s.io/v1', 'EndpointSlice', { name: 'web-manual', labels: { 'kubernetes.io/service-name': 'web' } });
    expect(endpointSliceController.reconcile('default/web', fakeContext([svc, userSlice])).writes).toEqual([]);
  });

  // reconciler.go: a Service with no endpoints keeps one placeholder slice.
  it('keeps an empty placeholder slice for a Service with no ready pods at all', () => {
    const objects = [makeService()];
    sync(objects);
    expect(slicesOf(objects)).toHaveLength(1);
    expect(slicesOf(objects)[0]).toMatchObject({ endpoints: [], ports: [] });
    expect(sync(objects).writes).toEqual([]);
  });

  it('reuses the placeholder slice (an update, not delete + create) when the first pod appears', () => {
    const objects = [makeService(), makeNode({ name: 'node-1' })];
    sync(objects);
    const placeholder = slicesOf(objects)[0].metadata.name;
    objects.push(webPod(1));
    const plan = sync(objects);
    expect(plan.writes.map((w) => w.op)).toEqual(['update']);
    expect(slicesOf(objects)[0].metadata.name).toBe(placeholder);
  });

  // reconciler_test.go TestReconcileEndpointSlicesSomePreexisting: new endpoints go to the
  // unchanged slice that ends up closest to full instead of a new slice.
  it('adds a few new endpoints to the fullest unchanged slice that can take them all', () => {
    const objects = [makeService(), makeNode({ name: 'node-1' }), ...Array.from({ length: 150 }, (_, i) => webPod(i))];
    sync(objects); // 100 + 50
    objects.push(webPod(200), webPod(201));
    const plan = sync(objects);
    expect(plan.writes.map((w) => w.op)).toEqual(['update']);
    expect(slicesOf(objects).map((s) => s.endpoints.length).sort()).toEqual([100, 52]);
  });

  it('removes an endpoint when its pod goes and deletes slices left empty', () => {
    const objects = [makeService(), makeNode({ name: 'node-1' }), ...Array.from({ length: 101 }, (_, i) => webPod(i))];
    sync(objects);
    const lone = objects.findIndex((o) => o.metadata.name === 'web-100');
    objects.splice(lone, 1);
    const plan = sync(objects);
    expect(plan.writes.map((w) => w.op)).toEqual(['delete']);
  });

  it('labels slices of a headless Service', () => {
    const objects = [makeService({ clusterIP: 'None' }), makeNode({ name: 'node-1' }), webPod(1)];
    sync(objects);
    expect(slicesOf(objects)[0].metadata.labels['service.kubernetes.io/headless']).toBe('');
  });
});
