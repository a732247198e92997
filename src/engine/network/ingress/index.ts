// ingress-nginx as a router: which Ingresses it serves (IngressClass), and which rule and
// backend a URL reaches (host and path matching, default backend, TLS redirect).
export { classDecision, servedIngresses, defaultIngressClass, INGRESS_NGINX_CONTROLLER, DEFAULT_CLASS_ANNOTATION, LEGACY_CLASS_ANNOTATION } from './classes';
export type { ControllerOptions, ClassDecision } from './classes';
export { matchPath, prefixMatches, hostMatches } from './paths';
export type { PathType, PathMatch } from './paths';
export { routeIngress } from './route';
export type { IngressRoute, IngressError, IngressBackendRef, RouteOptions } from './route';
