// Expected values: the path-matching table of the Kubernetes Ingress docs
// (concepts/services-networking/ingress "Examples" table), ingress-nginx's treatment of
// ImplementationSpecific as an nginx string prefix, its e2e tests test/e2e/ingress/pathtype_exact.go
// ("should choose exact location for /exact") and pathtype_prefix.go, and class handling in
// internal/ingress/controller/store.
import { describe, expect, it } from 'vitest';
import type { Secret, Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import { classDecision, hostMatches, matchPath, routeIngress, type PathType } from '.';

describe('matchPath: the Ingress docs table', () => {
  it.each([
    ['Prefix', '/', '(all paths)', '/anything', true],
    ['Exact', '/foo', '/foo', '/foo', true],
    ['Exact', '/foo', '/bar', '/bar', false],
    ['Exact', '/foo', '/foo/', '/foo/', false],
    ['Exact', '/foo/', '/foo', '/foo', false],
    ['Prefix', '/foo', '/foo, /foo/', '/foo', true],
    ['Prefix', '/foo', '/foo, /foo/', '/foo/', true],
    ['Prefix', '/foo/', '/foo, /foo/', '/foo', true],
    ['Prefix', '/foo/', '/foo, /foo/', '/foo/', true],
    ['Prefix', '/aaa/bb', '/aaa/bbb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/', '/aaa/bbb/', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', '/aaa/bbb/ccc', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', '/aaa/bbbxyz', false],
    ['ImplementationSpecific', '/foo', 'nginx string prefix', '/foobar', true],
    ['ImplementationSpecific', '/foo', 'nginx string prefix', '/bar', false],
  ] as const)('%s %s (docs: %s) vs %s -> %s', (type, path, _docs, request, want) => {
    expect(matchPath(type as PathType, path, request) !== null).toBe(want);
  });
});

describe('hostMatches', () => {
  it.each([
    ['foo.bar.com', 'foo.bar.com', true],
    ['*.foo.com', 'bar.foo.com', true],
    ['*.foo.com', 'baz.bar.foo.com', false],
    ['*.foo.com', 'foo.com', false],
    ['Foo.Bar.com', 'foo.bar.COM', true],
  ])('%s vs %s -> %s', (rule, host, want) => expect(hostMatches(rule, host)).toBe(want));
});

const svc = (name: string, ports: { name?: string; port: number }[], ns = 'default'): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { namespace: ns, name }, spec: { ports: ports.map((p) => ({ ...p, protocol: 'TCP' })) } });
const nginxClass = (name = 'nginx', isDefault = false): IngressClass => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
  metadata: { name, annotations: isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {} },
  spec: { controller: 'k8s.io/ingress-nginx' },
});
const backend = (name: string, port: number | string) => ({ service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } });
function ing(name: string, rules: Ingress['spec'], extra: Partial<Ingress['metadata']> = {}): Ingress {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { namespace: 'default', name, ...extra }, spec: { ingressClassName: 'nginx', ...rules } };
}
const services = [svc('api', [{ port: 80 }]), svc('web', [{ name: 'http', port: 80 }]), svc('exact', [{ port: 80 }]), svc('fallback', [{ port: 80 }])];
const classes = [nginxClass()];

describe('routeIngress', () => {
  const shop = ing('shop', {
    rules: [{ host: 'shop.example.com', http: { paths: [
      { path: '/', pathType: 'Prefix', backend: backend('web', 'http') },
      { path: '/api', pathType: 'Prefix', backend: backend('api', 80) },
      { path: '/api/health', pathType: 'Exact', backend: backend('exact', 80) },
    ] } }],
  });

  it('picks the longest matching prefix', () => {
    const r = routeIngress('http://shop.example.com/api/v1', [shop], services, { classes });
    expect(r).toMatchObject({ ingress: 'default/shop', rule: { path: '/api', pathType: 'Prefix', location: '/api/' }, backend: { service: 'api', port: 80 } });
  });

  it('prefers an Exact path over a Prefix of the same request', () => {
    expect(routeIngress('http://shop.example.com/api/health', [shop], services, { classes })).toMatchObject({ rule: { path: '/api/health', pathType: 'Exact' } });
  });

  it('resolves a named backend port against the Service', () => {
    const r = routeIngress('http://shop.example.com/', [shop], services, { classes });
    expect(r).toMatchObject({ backend: { service: 'web', port: 'http', servicePort: { port: 80 } } });
  });

  it('answers 404 from the default backend for an unknown host, or the Ingress defaultBackend when set', () => {
    expect(routeIngress('http://nope.example.com/', [shop], services, { classes })).toMatchObject({ status: 404 });
    const withDefault = ing('catch', { defaultBackend: backend('fallback', 80) });
    expect(routeIngress('http://nope.example.com/', [shop, withDefault], services, { classes })).toMatchObject({ defaultBackend: true, backend: { service: 'fallback' } });
  });

  it('answers 503 when the backend Service does not exist', () => {
    const broken = ing('broken', { rules: [{ host: 'x.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('missing', 80) }] } }] });
    expect(routeIngress('http://x.example.com/', [broken], services, { classes })).toMatchObject({ status: 503 });
  });

  it('redirects http to https (308) for a TLS host, and uses the fake certificate without the Secret', () => {
    const tls = ing('tls', { tls: [{ hosts: ['secure.example.com'], secretName: 'secure-tls' }], rules: [{ host: 'secure.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('web', 80) }] } }] });
    expect(routeIngress('http://secure.example.com/a', [tls], services, { classes })).toMatchObject({ redirect: { status: 308, location: 'https://secure.example.com/a' } });
    const https = routeIngress('https://secure.example.com/a', [tls], services, { classes });
    expect(https).toMatchObject({ tls: { certificate: 'Kubernetes Ingress Controller Fake Certificate' } });
    const secret: Secret = { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { namespace: 'default', name: 'secure-tls' } };
    expect(routeIngress('https://secure.example.com/a', [tls], services, { classes, secrets: [secret] })).toMatchObject({ tls: { secret: 'default/secure-tls' } });
  });

  it('keeps a host/path for the oldest Ingress when two define it', () => {
    const older = ing('older', { rules: [{ host: 'dup.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('api', 80) }] } }] }, { creationTimestamp: '2026-01-01T00:00:00Z' });
    const newer = ing('newer', { rules: [{ host: 'dup.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('web', 80) }] } }] }, { creationTimestamp: '2026-01-02T00:00:00Z' });
    expect(routeIngress('http://dup.example.com/', [newer, older], services, { classes })).toMatchObject({ ingress: 'default/older' });
  });
});

describe('IngressClass selection', () => {
  it('serves spec.ingressClassName of a class owned by k8s.io/ingress-nginx', () => {
    expect(classDecision(ing('a', {}), [nginxClass()]).served).toBe(true);
  });

  it('ignores a class owned by another controller', () => {
    const other: IngressClass = { ...nginxClass('traefik'), spec: { controller: 'traefik.io/ingress-controller' } };
    const d = classDecision({ ...ing('a', {}), spec: { ingressClassName: 'traefik' } }, [other]);
    expect(d.served).toBe(false);
    expect(d.reason).toMatch(/traefik\.io/);
  });

  it('uses the default class for an Ingress without one, and ignores it when there is none', () => {
    const noClass: Ingress = { ...ing('a', {}), spec: {} };
    expect(classDecision(noClass, [nginxClass('nginx', true)]).served).toBe(true);
    expect(classDecision(noClass, [nginxClass('nginx', false)]).served).toBe(false);
    expect(classDecision(noClass, [], { watchWithoutClass: true }).served).toBe(true);
  });

  it('honours the deprecated kubernetes.io/ingress.class annotation', () => {
    const annotated: Ingress = { ...ing('a', {}, { annotations: { 'kubernetes.io/ingress.class': 'nginx' } }), spec: {} };
    expect(classDecision(annotated, []).served).toBe(true);
    const other: Ingress = { ...ing('b', {}, { annotations: { 'kubernetes.io/ingress.class': 'gce' } }), spec: {} };
    expect(classDecision(other, []).served).toBe(false);
  });
});
