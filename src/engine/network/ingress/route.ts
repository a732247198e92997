// routeIngress: which Ingress rule and backend ingress-nginx picks for a URL. All served
// Ingresses are merged into nginx servers by host (ingress-nginx sorts Ingresses by
// creationTimestamp, then namespace/name, and the first one to define a host/path keeps it);
// the request goes to the server of its Host (exact name first, then a wildcard, else the
// catch-all "_" server of rules without a host), then to the best location of that server.
// A server's unmatched paths go to the default backend: the spec.defaultBackend of an Ingress
// (the oldest that has one), else the controller's own default backend, which answers 404.
// TLS: ingress-nginx redirects http to https (308) for hosts listed under spec.tls
// (ssl-redirect defaults to true) and serves the Secret's certificate, or its built-in
// "Kubernetes Ingress Controller Fake Certificate" when the Secret is missing.
import type { Secret, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import { servedIngresses, type ControllerOptions } from './classes';
import { hostMatches, matchPath, type PathMatch, type PathType } from './paths';

export interface IngressBackendRef {
  namespace: string;
  service: string;
  /** As written in the Ingress: a number or a port name. */
  port: number | string;
  /** The Service port it resolves to, when the Service exists. */
  servicePort?: ServicePort;
}

export interface IngressRoute {
  /** "ns/name" of the Ingress whose rule matched. */
  ingress: string;
  rule: { host: string; path: string; pathType: PathType; location: string } | null;
  backend: IngressBackendRef;
  /** True when the request fell through to an Ingress's spec.defaultBackend. */
  defaultBackend: boolean;
  tls?: { secret: string; certificate: string };
  /** http request to a TLS host: ingress-nginx answers 308 with this Location. */
  redirect?: { status: 308; location: string };
  notes: string[];
}

export interface IngressError {
  error: string;
  /** The HTTP status ingress-nginx answers with. */
  status: number;
  ingress?: string;
}

export interface RouteOptions extends ControllerOptions {
  classes?: IngressClass[];
  secrets?: Secret[];
}

const key = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace ?? 'default'}/${o.metadata?.name ?? ''}`;

function byAge(a: Ingress, b: Ingress): number {
  return (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '') || key(a).localeCompare(key(b));
}

function resolveBackend(ing: Ingress, backend: IngressBackend, services: Service[]): IngressBackendRef | IngressError {
  const namespace = ing.metadata?.namespace ?? 'default';
  const svc = backend.service;
  if (!svc) return { error: `${key(ing)}: resource backends are not modelled`, status: 503, ingress: key(ing) };
  const port = svc.port?.number ?? svc.port?.name ?? 0;
  const service = services.find((s) => (s.metadata?.namespace ?? 'default') === namespace && s.metadata?.name === svc.name);
  if (!service) return { error: `Service ${namespace}/${svc.name} not found: ingress-nginx answers 503 Service Temporarily Unavailable`, status: 503, ingress: key(ing) };
  const servicePort = (service.spec?.ports ?? []).find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
  if (!servicePort) return { error: `Service ${namespace}/${svc.name} has no port ${port}: ingress-nginx answers 503 Service Temporarily Unavailable`, status: 503, ingress: key(ing) };
  return { namespace, service: svc.name, port, servicePort };
}

interface Candidate {
  ing: Ingress;
  host: string;
  path: string;
  pathType: PathType;
  backend: IngressBackend;
  match: PathMatch;
}

export function routeIngress(url: string, ingresses: Ingress[], services: Service[], opts: RouteOptions = {}): IngressRoute | IngressError {
  const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)/i.exec(url);
  if (!m) return { error: `not an http(s) URL: ${url}`, status: 400 };
  const scheme = m[1].toLowerCase();
  const host = m[2].toLowerCase();
  const path = m[4] || '/';
  const { served, ignored } = servedIngresses(ingresses, opts.classes ?? [], opts);
  const notes = ignored.map((d) => `ignored: ${d.reason}`);
  const sorted = [...served].sort(byAge);

  // Pick the server: an exact host, else a wildcard host, else the catch-all server.
  const ruleHosts = sorted.flatMap((ing) => (ing.spec?.rules ?? []).map((r) => r.host ?? ''));
  const serverHost = ruleHosts.find((h) => h !== '' && !h.startsWith('*.') && hostMatches(h, host))
    ?? ruleHosts.find((h) => h.startsWith('*.') && hostMatches(h, host))
    ?? '';

  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const ing of sorted) {
    for (const rule of ing.spec?.rules ?? []) {
      if ((rule.host ?? '') !== serverHost) continue;
      for (const p of rule.http?.paths ?? []) {
        const pathType = (p.pathType ?? 'ImplementationSpecific') as PathType;
        const id = `${p.path ?? '/'}\u0000${pathType}`;
        if (seen.has(id)) {
          notes.push(`${key(ing)}: path ${p.path} (${pathType}) on host "${serverHost || '*'}" is already defined by an older Ingress and is ignored`);
          continue;
        }
        seen.add(id);
        const match = matchPath(pathType, p.path ?? '/', path);
        if (match) candidates.push({ ing, host: serverHost, path: p.path ?? '/', pathType, backend: p.backend, match });
      }
    }
  }
  const best = candidates.find((c) => c.match.exact) ?? [...candidates].sort((a, b) => b.match.length - a.match.length)[0];

  const tlsIng = sorted.find((ing) => (ing.spec?.tls ?? []).some((t) => (t.hosts ?? []).some((h) => hostMatches(h, host))));
  const tlsEntry = tlsIng?.spec?.tls?.find((t) => (t.hosts ?? []).some((h) => hostMatches(h, host)));
  let tls: IngressRoute['tls'];
  if (tlsIng && tlsEntry) {
    const ns = tlsIng.metadata?.namespace ?? 'default';
    const secret = (opts.secrets ?? []).find((s) => (s.metadata?.namespace ?? 'default') === ns && s.metadata?.name === tlsEntry.secretName);
    tls = secret
      ? { secret: `${ns}/${tlsEntry.secretName}`, certificate: `from Secret ${ns}/${tlsEntry.secretName}` }
      : { secret: `${ns}/${tlsEntry.secretName ?? ''}`, certificate: 'Kubernetes Ingress Controller Fake Certificate' };
    if (!secret) notes.push(`Secret ${ns}/${tlsEntry.secretName} not found: ingress-nginx serves its self-signed "Kubernetes Ingress Controller Fake Certificate"`);
  }
  const redirect = tls && scheme === 'http' ? { status: 308 as const, location: `https://${host}${path}` } : undefined;

  if (best) {
    const backend = resolveBackend(best.ing, best.backend, services);
    if ('error' in backend) return backend;
    return {
      ingress: key(best.ing),
      rule: { host: best.host, path: best.path, pathType: best.pathType, location: best.match.location },
      backend, defaultBackend: false,
      ...(scheme === 'https' && tls ? { tls } : {}), ...(redirect ? { redirect } : {}), notes,
    };
  }
  const withDefault = sorted.find((ing) => ing.spec?.defaultBackend);
  if (withDefault?.spec?.defaultBackend) {
    const backend = resolveBackend(withDefault, withDefault.spec.defaultBackend, services);
    if ('error' in backend) return backend;
    return { ingress: key(withDefault), rule: null, backend, defaultBackend: true, ...(redirect ? { redirect } : {}), notes };
  }
  return {
    error: `no Ingress rule matches host "${host}" path "${path}"${served.length === 0 ? ' (no Ingress is served by ingress-nginx)' : ''}: ingress-nginx's default backend answers 404 Not Found`,
    status: 404,
  };
}
