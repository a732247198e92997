// Endpoint conditions follow discovery.k8s.io/v1 EndpointConditions (staging/src/k8s.io/api/
// discovery/v1/types.go): nil ready = ready, nil serving = ready, terminating pods keep serving
// until their readiness probe fails (endpointslice controller, podEndpointChanged / EndpointsForPod).
import { describe, expect, it } from 'vitest';
import { buildServicesGraph, endpointCondition, serviceDnsName, servicePortText } from './servicesGraph';
import { makeEndpointSlice, makeIngress, makePod, makeService, snapshotOf } from './testing/objects';

function webScene() {
  const svc = makeService('web', { clusterIP: '10.96.12.34', ports: [{ name: 'http', port: 80, targetPort: 'web' }] });
  const a = makePod('web-a', { labels: { app: 'web' }, ip: '10.244.1.2' });
  const b = makePod('web-b', { labels: { app: 'web' }, ip: '10.244.2.2', state: 'running' });
  const c = makePod('web-c', { labels: { app: 'web' }, ip: '10.244.1.3', state: 'terminating' });
  const slice = makeEndpointSlice('web-x7k2p', svc, [
    { pod: a },
    { pod: b, ready: false },
    { pod: c, ready: false, serving: true, terminating: true },
  ], [{ name: 'http', port: 8080 }]);
  const ing = makeIngress('web', [{ host: 'shop.example.com', path: '/', service: 'web', port: 'http' }]);
  return snapshotOf([svc, a, b, c, slice, ing]);
}

describe('buildServicesGraph', () => {
  it('chains Ingress -> Service -> EndpointSlice -> Pods', () => {
    const g = buildServicesGraph(webScene());
    expect(g.edges.map((e) => `${e.kind}: ${e.source} -> ${e.target}`)).toEqual([
      'routes: Ingress/default/web -> Service/default/web',
      'endpointslice: Service/default/web -> EndpointSlice/default/web-x7k2p',
      'endpoint: EndpointSlice/default/web-x7k2p -> Pod/default/web-a',
      'endpoint: EndpointSlice/default/web-x7k2p -> Pod/default/web-b',
      'endpoint: EndpointSlice/default/web-x7k2p -> Pod/default/web-c',
    ]);
  });

  it('marks a not-ready endpoint edge not ready and a terminating one as still serving', () => {
    const g = buildServicesGraph(webScene());
    const to = (pod: string) => g.edges.find((e) => e.target === `Pod/default/${pod}`)!;
    expect(to('web-a')).toMatchObject({ status: 'ok', statusText: 'ready', label: '10.244.1.2:8080' });
    expect(to('web-b')).toMatchObject({ status: 'warning', statusText: 'ready=false' });
    expect(to('web-c')).toMatchObject({ status: 'progress', statusText: 'terminating, serving=true' });
  });

  it('shows the DNS name, ClusterIP, ports and the named targetPort', () => {
    const g = buildServicesGraph(webScene());
    const svc = g.nodes.find((n) => n.id === 'Service/default/web')!;
    expect(svc.lines).toEqual(['web.default.svc.cluster.local', 'ClusterIP 10.96.12.34', '80/TCP (http)']);
    expect(svc).toMatchObject({ status: 'ok', statusText: '1/3 endpoints ready' });
    expect(g.edges.find((e) => e.kind === 'endpointslice')!.label).toBe('http: 80/TCP → web');
    expect(g.edges.find((e) => e.kind === 'routes')!.label).toBe('shop.example.com/ → :http');
  });

  it('reads nil conditions as the API defines them', () => {
    expect(endpointCondition(undefined)).toEqual({ status: 'ok', text: 'ready' });
    expect(endpointCondition({ ready: false, terminating: true })).toEqual({ status: 'inactive', text: 'terminating, serving=false' });
  });

  it('uses the cluster domain for the DNS name and defaults targetPort to port', () => {
    const svc = makeService('db', { ns: 'shop' });
    expect(serviceDnsName(svc, 'corp.local')).toBe('db.shop.svc.corp.local');
    expect(servicePortText({ port: 5432 })).toBe('5432/TCP → 5432');
  });

  it('says a selector Service has no EndpointSlice yet instead of inventing endpoints', () => {
    const g = buildServicesGraph(snapshotOf([makeService('lonely')]));
    expect(g.nodes).toHaveLength(1);
    expect(g.nodes[0]).toMatchObject({ status: 'warning', statusText: 'no EndpointSlice yet' });
  });

  it('shows a headless Service as ClusterIP None and endpoints without a pod by address', () => {
    const svc = makeService('kubernetes', { clusterIP: 'None', selector: {} });
    const slice = { ...makeEndpointSlice('kubernetes', svc, [], [{ name: 'https', port: 6443 }]), endpoints: [{ addresses: ['192.168.56.10'], conditions: { ready: true } }] };
    const g = buildServicesGraph(snapshotOf([svc, slice]));
    expect(g.nodes.find((n) => n.kind === 'Service')!.lines).toContain('ClusterIP None (headless)');
    expect(g.nodes.find((n) => n.id === 'Endpoint/default/192.168.56.10')).toMatchObject({ label: '192.168.56.10', status: 'ok' });
  });
});
