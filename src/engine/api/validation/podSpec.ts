// PodSpec validation for Pods and pod templates (pkg/apis/core/validation/validation.go:
// ValidatePodSpec, validateContainers, validateInitContainers, validateContainerPorts,
// ValidateResourceRequirements, validateVolumes, ValidateVolumeMounts, validateRestartPolicy,
// validateDNSPolicy). A subset: the checks people hit when writing manifests by hand.
import { canonicalQuantity, parseQuantity, type ParsedQuantity } from '../quantity';
import { type FieldError, duplicate, forbidden, invalid, notFound, notSupported, required } from './fieldError';
import { isDNS1123Label, isQualifiedName, isValidPortName, isValidPortNum } from './names';
import { validateLabels } from './meta';

type Obj = Record<string, any>;

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function validateDNSLabel(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((msg) => invalid(path, value, msg));
}

function validatePorts(ports: Obj[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(`${p}.name`, port.name, m)));
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(`${p}.containerPort`, ''));
    else errs.push(...isValidPortNum(port.containerPort).map((m) => invalid(`${p}.containerPort`, port.containerPort, m)));
    if (port.hostPort) errs.push(...isValidPortNum(port.hostPort).map((m) => invalid(`${p}.hostPort`, port.hostPort, m)));
    if (!port.protocol) errs.push(required(`${p}.protocol`, ''));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length) return errs;
  if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
    return [invalid(path, name, 'must be a standard resource for containers')];
  }
  return [];
}

const cmp = (a: ParsedQuantity, b: ParsedQuantity): number => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};
/** Quantity.String(): the canonical text the messages print. */
const qText = (q: unknown): string => canonicalQuantity(String(q)) ?? String(q);

/** ValidateResourceRequirements: valid names, non-negative quantities, requests <= limits. */
export function validateResources(res: Obj | undefined, path: string): FieldError[] {
  if (!res) return [];
  const errs: FieldError[] = [];
  const limits: Obj = res.limits ?? {};
  const requests: Obj = res.requests ?? {};
  for (const [name, q] of Object.entries(limits)) {
    const p = `${path}.limits[${name}]`;
    errs.push(...validateResourceName(name, p));
    const parsed = parseQuantity(q as string);
    if (parsed && parsed.num < 0n) errs.push(invalid(p, qText(q), 'must be greater than or equal to 0'));
  }
  for (const [name, q] of Object.entries(requests)) {
    const p = `${path}.requests[${name}]`;
    errs.push(...validateResourceName(name, p));
    const parsed = parseQuantity(q as string);
    if (!parsed) continue;
    if (parsed.num < 0n) errs.push(invalid(p, qText(q), 'must be greater than or equal to 0'));
    const limit = limits[name] !== undefined ? parseQuantity(limits[name]) : null;
    if (limit && cmp(parsed, limit) > 0) {
      errs.push(invalid(`${path}.requests`, qText(q), `must be less than or equal to ${name} limit of ${qText(limits[name])}`));
    }
  }
  return errs;
}

function validateProbeFields(probe: Obj | undefined, path: string): FieldError[] {
  if (!probe) return [];
  const errs: FieldError[] = [];
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((h) => probe[h]);
  if (handlers.length === 0) errs.push(required(path, 'must specify a handler type'));
  else if (handlers.length > 1) errs.push(forbidden(`${path}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    if (typeof probe[f] === 'number' && probe[f] < 0) errs.push(invalid(`${path}.${f}`, probe[f], 'must be greater than or equal to 0'));
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  const portPath = `${path}.${probe.httpGet ? 'httpGet' : 'tcpSocket'}.port`;
  if (typeof port === 'number') errs.push(...isValidPortNum(port).map((m) => invalid(portPath, port, m)));
  else if (typeof port === 'string') errs.push(...isValidPortName(port).map((m) => invalid(portPath, port, m)));
  return errs;
}

function validateContainer(c: Obj, path: string, names: Set<string>, volumes: Set<string>, isInit: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`, ''));
  else errs.push(...validateDNSLabel(c.name, `${path}.name`));
  if (c.name !== undefined) {
    if (names.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    else names.add(c.name);
  }
  if (!c.image) errs.push(required(`${path}.image`, ''));
  else if (c.image !== c.image.trim()) errs.push(invalid(`${path}.image`, c.image, 'must not have leading or trailing whitespace'));
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  errs.push(...validatePorts(c.ports, `${path}.ports`));
  (c.env ?? []).forEach((e: Obj, i: number) => {
    if (!e?.name) errs.push(required(`${path}.env[${i}].name`, ''));
  });
  (c.volumeMounts ?? []).forEach((m: Obj, i: number) => {
    const p = `${path}.volumeMounts[${i}]`;
    if (!m.name) errs.push(required(`${p}.name`, ''));
    else if (!volumes.has(m.name)) errs.push(notFound(`${p}.name`, m.name));
    if (!m.mountPath) errs.push(required(`${p}.mountPath`, ''));
  });
  errs.push(...validateResources(c.resources, `${path}.resources`));
  const sidecar = isInit && c.restartPolicy === 'Always';
  if (c.restartPolicy !== undefined) {
    if (!isInit) errs.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
    else if (c.restartPolicy !== 'Always') errs.push(notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (!c[probe]) continue;
    if (isInit && !sidecar) errs.push(forbidden(`${path}.${probe}`, 'may not be set for init containers without restartPolicy=Always'));
    else errs.push(...validateProbeFields(c[probe], `${path}.${probe}`));
  }
  if (c.livenessProbe && c.livenessProbe.successThreshold !== undefined && c.livenessProbe.successThreshold !== 1) {
    errs.push(invalid(`${path}.livenessProbe.successThreshold`, c.livenessProbe.successThreshold, 'must be 1'));
  }
  return errs;
}

export function validateRestartPolicy(policy: unknown, path: string): FieldError[] {
  if (policy === undefined || policy === '') return [required(path, '')];
  return RESTART_POLICIES.includes(policy as string) ? [] : [notSupported(path, policy, RESTART_POLICIES)];
}

/** ValidatePodSpec (the parts modelled). `path` is where the spec sits, e.g. `spec.template.spec`. */
export function validatePodSpec(spec: Obj | undefined, path: string): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const volumes = new Set<string>();
  (s.volumes ?? []).forEach((v: Obj, i: number) => {
    const p = `${path}.volumes[${i}]`;
    if (!v.name) errs.push(required(`${p}.name`, ''));
    else {
      errs.push(...validateDNSLabel(v.name, `${p}.name`));
      if (volumes.has(v.name)) errs.push(duplicate(`${p}.name`, v.name));
      volumes.add(v.name);
    }
  });
  const names = new Set<string>();
  (s.initContainers ?? []).forEach((c: Obj, i: number) => errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, names, volumes, true)));
  const containers: Obj[] = s.containers ?? [];
  if (containers.length === 0) errs.push(required(`${path}.containers`, ''));
  containers.forEach((c, i) => errs.push(...validateContainer(c, `${path}.containers[${i}]`, names, volumes, false)));
  errs.push(...validateRestartPolicy(s.restartPolicy, `${path}.restartPolicy`));
  if (s.dnsPolicy !== undefined && !DNS_POLICIES.includes(s.dnsPolicy)) errs.push(notSupported(`${path}.dnsPolicy`, s.dnsPolicy, DNS_POLICIES));
  if (s.dnsPolicy === 'None' && !s.dnsConfig) errs.push(required(`${path}.dnsConfig`, "must provide `dnsConfig` when `dnsPolicy` is None"));
  if (typeof s.terminationGracePeriodSeconds === 'number' && s.terminationGracePeriodSeconds < 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, s.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  if (s.activeDeadlineSeconds !== undefined && !(s.activeDeadlineSeconds > 0)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  if (s.hostname) errs.push(...validateDNSLabel(s.hostname, `${path}.hostname`));
  if (s.subdomain) errs.push(...validateDNSLabel(s.subdomain, `${path}.subdomain`));
  return errs;
}
