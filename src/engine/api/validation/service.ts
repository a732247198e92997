// Service validation (pkg/apis/core/validation/validation.go ValidateService,
// validateServicePort, ValidateServiceUpdate, validateUpgradeDowngradeClusterIPs). NodePort
// range and in-use checks belong to the allocator (src/engine/apiserver/allocators.ts).
import { isIp } from '../../network/ip';
import { type FieldError, duplicate, forbidden, invalid, notSupported, required } from './fieldError';
import { validateLabels } from './meta';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names';

type Obj = Record<string, any>;

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

const isHeadless = (spec: Obj): boolean => spec.clusterIP === 'None';

/** The clusterIPs the registry normalises from clusterIP before validation. */
function clusterIPs(spec: Obj): string[] {
  if (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length) return spec.clusterIPs;
  return spec.clusterIP ? [spec.clusterIP] : [];
}

/**
 * json.Marshal of an internal core.ServicePort (no json tags: Go field names, every field), the
 * value a duplicate port+protocol error prints since v1.34.
 */
function internalServicePortKey(port: number, protocol: string): Obj {
  return { Name: '', Protocol: protocol, AppProtocol: null, Port: port, TargetPort: 0, NodePort: 0 };
}

function validatePort(sp: Obj, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(`${path}.name`, ''));
  else if (sp.name) {
    errs.push(...isDNS1123Label(sp.name).map((m) => invalid(`${path}.name`, sp.name, m)));
    if (names.has(sp.name)) errs.push(duplicate(`${path}.name`, sp.name));
    else names.add(sp.name);
  }
  errs.push(...isValidPortNum(sp.port).map((m) => invalid(`${path}.port`, sp.port ?? 0, m)));
  if (!sp.protocol) errs.push(required(`${path}.protocol`, ''));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(`${path}.protocol`, sp.protocol, PROTOCOLS));
  const tp = sp.targetPort;
  if (typeof tp === 'number') errs.push(...isValidPortNum(tp).map((m) => invalid(`${path}.targetPort`, tp, m)));
  else if (typeof tp === 'string') errs.push(...isValidPortName(tp).map((m) => invalid(`${path}.targetPort`, tp, m)));
  return errs;
}

export function validateServiceSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const ports: Obj[] = s.ports ?? [];
  const ips = clusterIPs(s);
  const type = s.type;
  if (!SERVICE_TYPES.includes(type)) errs.push(type ? notSupported('spec.type', type, SERVICE_TYPES) : required('spec.type', ''));

  if (type === 'ExternalName') {
    if (ips.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (!s.externalName) errs.push(required('spec.externalName', ''));
  } else {
    ips.forEach((ip, i) => {
      if (ip !== 'None' && !isIp(ip)) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
      if (ip === 'None' && i > 0) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, "may only be set to 'None' as the first entry"));
    });
    if (ports.length === 0 && !isHeadless(s)) errs.push(required('spec.ports', ''));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validatePort(p, ports.length > 1, names, `spec.ports[${i}]`)));

  if (type === 'NodePort' && isHeadless(s)) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  if (type === 'LoadBalancer' && isHeadless(s)) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  if (type === 'ClusterIP' || type === 'ExternalName') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, `may not be used when \`type\` is '${type}'`));
    });
  }
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}]`, internalServicePortKey(p.port, p.protocol)));
    seen.add(key);
  });
  if (s.sessionAffinity === undefined || s.sessionAffinity === '') errs.push(required('spec.sessionAffinity', ''));
  else if (!AFFINITIES.includes(s.sessionAffinity)) errs.push(notSupported('spec.sessionAffinity', s.sessionAffinity, AFFINITIES));
  if (type !== 'ExternalName') errs.push(...validateLabels(s.selector, 'spec.selector'));

  // apiservice.ExternallyAccessible: node ports, load balancers, or ClusterIP with externalIPs.
  const external = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && (s.externalIPs ?? []).length > 0);
  if (s.externalTrafficPolicy) {
    if (!external) errs.push(invalid('spec.externalTrafficPolicy', s.externalTrafficPolicy, 'may only be set for externally-accessible services'));
    else if (!TRAFFIC_POLICIES.includes(s.externalTrafficPolicy)) errs.push(notSupported('spec.externalTrafficPolicy', s.externalTrafficPolicy, TRAFFIC_POLICIES));
  } else if (external) errs.push(required('spec.externalTrafficPolicy', ''));
  if (s.internalTrafficPolicy !== undefined && !TRAFFIC_POLICIES.includes(s.internalTrafficPolicy)) {
    errs.push(notSupported('spec.internalTrafficPolicy', s.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (s.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', 'may only be used when `type` is \'LoadBalancer\''));
  }
  if (s.healthCheckNodePort && !(type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local')) {
    errs.push(invalid('spec.healthCheckNodePort', s.healthCheckNodePort, 'may only be set when `type` is \'LoadBalancer\' and `externalTrafficPolicy` is \'Local\''));
  }
  return errs;
}

/** ValidateServiceUpdate: the allocated clusterIPs cannot change (unless to/from ExternalName). */
export function validateServiceUpdate(spec: Obj | undefined, old: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const o = old ?? {};
  if (s.type === 'ExternalName' || o.type === 'ExternalName') return [];
  if (isHeadless(s) && isHeadless(o)) return [];
  const now = clusterIPs(s);
  const before = clusterIPs(o);
  const errs: FieldError[] = [];
  if (now.length === before.length) {
    before.forEach((ip, i) => {
      if (ip !== now[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, now, 'may not change once set'));
    });
  } else if (before.length > now.length) {
    if (now.length === 0) errs.push(invalid('spec.clusterIPs[0]', now, 'primary clusterIP can not be unset'));
    else if (now[0] !== before[0]) errs.push(invalid('spec.clusterIPs[0]', now, 'may not change once set'));
  } else if (before.length > 0 && now[0] !== before[0]) {
    errs.push(invalid('spec.clusterIPs[0]', now, 'may not change once set'));
  }
  return errs;
}
