import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { makeObject, makePod } from '../testing/builders';
import { endpointsController } from './endpointsController';

function makeService(spec: Record<string, unknown> = {}): KubeObject {
  return makeObject('v1', 'Service', { name: 'web', uid: 'svc-uid', spec: { selector: { app: 'web' }, clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec } });
}
const pod = (name: string, ip: string, ready: boolean, extra: Parameters<typeof makePod>[0] = {}) =>
  makePod({ name, uid: `uid-${name}`, labels: { app: 'web' }, nodeName: 'node-1', podIP: ip, ready, ...extra });

describe('endpoints controller (legacy Endpoints)', () => {
  // endpoints_controller_test.go TestSyncEndpointsItemsPreserveNoSelector / TestSyncEndpointsProtocolTCP shapes.
  it('lists ready pods in addresses and unready ones in notReadyAddresses, sorted by IP', () => {
    const objects = [makeService(), pod('b', '10.244.0.9', true), pod('a', '10.244.0.10', true), pod('c', '10.244.0.3', false)];
    const plan = endpointsController.reconcile('default/web', fakeContext(objects));
    expect(plan.writes).toHaveLength(1);
    const ep = (plan.writes[0] as { object: KubeObject }).object;
    expect(ep.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    expect(ep.subsets).toEqual([
      {
        addresses: [
          { ip: '10.244.0.9', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' } },
          { ip: '10.244.0.10', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } },
        ],
        notReadyAddresses: [{ ip: '10.244.0.3', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'c', uid: 'uid-c' } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  // TestSyncEndpointsItemsPreexistingLabelsChange / publishNotReadyAddresses.
  it('lists unready pods as ready addresses with publishNotReadyAddresses', () => {
    const plan = endpointsController.reconcile('default/web', fakeContext([makeService({ publishNotReadyAddresses: true }), pod('c', '10.244.0.3', false)]));
    const ep = (plan.writes[0] as { object: KubeObject }).object;
    expect((ep.subsets as any[])[0].addresses[0].ip).toBe('10.244.0.3');
  });

  it('leaves out terminating pods unless publishNotReadyAddresses', () => {
    const plan = endpointsController.reconcile('default/web', fakeContext([makeService(), pod('t', '10.244.0.3', true, { deleted: 1 })]));
    const ep = (plan.writes[0] as { object: KubeObject }).object;
    expect(ep.subsets).toBeUndefined();
  });

  it('deletes the Endpoints when the Service is gone, and ignores selector-less Services', () => {
    const ep = makeObject('v1', 'Endpoints', { name: 'web' });
    expect(endpointsController.reconcile('default/web', fakeContext([ep])).writes[0]).toMatchObject({ op: 'delete', ref: { kind: 'Endpoints', name: 'web' } });
    expect(endpointsController.reconcile('default/web', fakeContext([makeService({ selector: undefined }), ep])).writes).toEqual([]);
  });

  it('truncates to 1000 addresses with the over-capacity annotation', () => {
    const pods = Array.from({ length: 1001 }, (_, i) => pod(`p${i}`, `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}`, true));
    const plan = endpointsController.reconcile('default/web', fakeContext([makeService(), ...pods]));
    const ep = (plan.writes[0] as { object: KubeObject }).object;
    expect(ep.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/over-capacity': 'truncated' });
    expect((ep.subsets as any[])[0].addresses).toHaveLength(1000);
  });
});
