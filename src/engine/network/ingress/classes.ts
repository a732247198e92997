// Which Ingresses an ingress-nginx controller serves (kubernetes/ingress-nginx
// internal/ingress/controller/store/store.go and pkg/apis/ingress class handling):
// - spec.ingressClassName names an IngressClass whose spec.controller is the controller's
//   --controller-class (default "k8s.io/ingress-nginx");
// - the deprecated kubernetes.io/ingress.class annotation names the --ingress-class (default "nginx");
// - an Ingress with neither is served only with --watch-ingress-without-class (default false).
//   (The DefaultIngressClass admission plugin fills spec.ingressClassName at creation from the
//   IngressClass annotated ingressclass.kubernetes.io/is-default-class: "true"; we apply the same
//   default here, since the simulation has no such admission plugin.)
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';

export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export interface ControllerOptions {
  /** --controller-class; default "k8s.io/ingress-nginx". */
  controllerClass?: string;
  /** --ingress-class; default "nginx". */
  ingressClass?: string;
  /** --watch-ingress-without-class; default false. */
  watchWithoutClass?: boolean;
}

export interface ClassDecision {
  served: boolean;
  /** The class name the Ingress ends up with, if any. */
  className?: string;
  reason: string;
}

const key = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace ?? 'default'}/${o.metadata?.name ?? ''}`;

/** The IngressClass the DefaultIngressClass admission plugin would pick (exactly one default; newest if several). */
export function defaultIngressClass(classes: IngressClass[]): IngressClass | undefined {
  const defaults = classes.filter((c) => c.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  // Upstream picks the most recently created default when there are several.
  return [...defaults].sort((a, b) => (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''))[0];
}

export function classDecision(ing: Ingress, classes: IngressClass[], opts: ControllerOptions = {}): ClassDecision {
  const controller = opts.controllerClass ?? INGRESS_NGINX_CONTROLLER;
  const legacyName = opts.ingressClass ?? 'nginx';
  const annotation = ing.metadata?.annotations?.[LEGACY_CLASS_ANNOTATION];
  let name = ing.spec?.ingressClassName;
  let how = 'spec.ingressClassName';
  if (!name && annotation) {
    if (annotation === legacyName) return { served: true, className: annotation, reason: `${key(ing)}: annotation ${LEGACY_CLASS_ANNOTATION}=${annotation} names this controller's --ingress-class` };
    return { served: false, className: annotation, reason: `${key(ing)}: annotation ${LEGACY_CLASS_ANNOTATION}=${annotation} is not "${legacyName}"` };
  }
  if (!name) {
    const def = defaultIngressClass(classes);
    if (def) {
      name = def.metadata?.name;
      how = `the default IngressClass (${DEFAULT_CLASS_ANNOTATION})`;
    } else if (opts.watchWithoutClass) {
      return { served: true, reason: `${key(ing)} has no class; served because of --watch-ingress-without-class` };
    } else {
      return { served: false, reason: `${key(ing)} has no ingressClassName and there is no default IngressClass: ingress-nginx ignores it` };
    }
  }
  const cls = classes.find((c) => c.metadata?.name === name);
  if (!cls) {
    // Without the IngressClass object the controller cannot confirm it owns the class.
    return { served: false, className: name, reason: `${key(ing)}: IngressClass "${name}" (from ${how}) does not exist` };
  }
  if (cls.spec?.controller !== controller) {
    return { served: false, className: name, reason: `${key(ing)}: IngressClass "${name}" belongs to controller ${cls.spec?.controller ?? '<none>'}, not ${controller}` };
  }
  return { served: true, className: name, reason: `${key(ing)}: IngressClass "${name}" (from ${how}) has controller ${controller}` };
}

export function servedIngresses(ingresses: Ingress[], classes: IngressClass[], opts: ControllerOptions = {}): { served: Ingress[]; ignored: ClassDecision[] } {
  const served: Ingress[] = [];
  const ignored: ClassDecision[] = [];
  for (const ing of ingresses) {
    const d = classDecision(ing, classes, opts);
    if (d.served) served.push(ing);
    else ignored.push(d);
  }
  return { served, ignored };
}
