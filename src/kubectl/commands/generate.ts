// Commands that build objects from flags: kubectl run (a Pod labelled run=<name>, run.go),
// kubectl expose (a Service selecting the object's pods, expose.go + generate/versioned
// service.go), kubectl create deployment|namespace|configmap (create_deployment.go,
// create_namespace.go, create_configmap.go).
import type { KubeObject } from '../../engine';
import { flagBool, flagList, flagString, type FlagSpec, type ParsedArgs } from '../args';
import { findObject, KubectlError, perform, type KubectlContext, type Output } from '../context';
import { resourceName } from '../format';
import { parseResourceArgs } from '../resources';
import { createFromFiles } from './apply';
import { FILENAME_FLAG, namespaceOf, OUTPUT_FLAG } from './common';

export const RUN_FLAGS: FlagSpec[] = [
  { name: 'image', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'env', type: 'array' },
  { name: 'restart', type: 'string' },
  { name: 'command', type: 'bool' },
  { name: 'expose', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'dry-run', type: 'string' },
  OUTPUT_FLAG,
];
export const EXPOSE_FLAGS: FlagSpec[] = [
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'dry-run', type: 'string' },
  OUTPUT_FLAG,
];
export const CREATE_FLAGS: FlagSpec[] = [
  FILENAME_FLAG,
  { name: 'image', type: 'strings' },
  { name: 'replicas', short: 'r', type: 'int' },
  { name: 'port', type: 'int' },
  { name: 'from-literal', type: 'array' },
  { name: 'dry-run', type: 'string' },
  OUTPUT_FLAG,
];

function parseLabelsFlag(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of text.split(',')) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new KubectlError(`error: invalid label spec: ${kv}`);
    out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

function created(ctx: KubectlContext, out: Output, obj: KubeObject, verb = 'created'): void {
  const ns = obj.metadata.namespace ?? '';
  if (findObject(ctx, obj.kind, ns, obj.metadata.name ?? '')) {
    const r = resourceName(obj.kind, obj.apiVersion, '').slice(0, -1);
    const plural = r.includes('.') ? `${r.split('.')[0]}s.${r.split('.').slice(1).join('.')}` : `${r}s`;
    throw new KubectlError(`Error from server (AlreadyExists): ${plural} "${obj.metadata.name}" already exists`);
  }
  const res = perform(ctx, out, { type: 'apply', objects: [obj] });
  if (!res.ok && ctx.act) throw new KubectlError(res.message);
  out.line(`${resourceName(obj.kind, obj.apiVersion, obj.metadata.name ?? '')} ${verb}`);
}

export function runCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const [name] = args.positional;
  if (!name) throw new KubectlError('error: NAME is required for run\nSee \'kubectl run -h\' for help and examples');
  const image = flagString(args, 'image');
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  const namespace = namespaceOf(args, ctx);
  const labels = flagString(args, 'labels') ? parseLabelsFlag(flagString(args, 'labels')!) : { run: name };
  const port = flagString(args, 'port');
  const extra = args.dashArgs ?? args.positional.slice(1);
  const container: Record<string, unknown> = { name, image };
  if (extra.length) container[flagBool(args, 'command') ? 'command' : 'args'] = extra;
  if (port) container.ports = [{ containerPort: Number(port) }];
  const env = flagList(args, 'env').map((kv) => ({ name: kv.slice(0, kv.indexOf('=')), value: kv.slice(kv.indexOf('=') + 1) }));
  if (env.length) container.env = env;
  if (flagString(args, 'image-pull-policy')) container.imagePullPolicy = flagString(args, 'image-pull-policy');
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: flagString(args, 'restart') ?? 'Always' },
  };
  if (flagBool(args, 'expose')) {
    if (!port) throw new KubectlError('error: --port must be set when exposing a service');
    created(ctx, out, service(name, namespace, labels, labels, [{ port: Number(port), targetPort: Number(port), protocol: 'TCP' }], undefined));
  }
  created(ctx, out, pod);
  if (flagBool(args, 'stdin') || flagBool(args, 'tty')) {
    out.err('Kubeglass does not attach to containers: the pod was created; use `kubectl logs` or `kubectl exec` to look inside.');
  }
}

function service(name: string, namespace: string, labels: Record<string, string> | undefined, selector: Record<string, string>, ports: { name?: string; port: number; targetPort: number | string; protocol: string }[], type: string | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(labels && Object.keys(labels).length ? { labels } : {}) },
    spec: { ports, selector, ...(type ? { type } : {}) },
  };
}

export function exposeCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  if (!args.positional.length) throw new KubectlError('error: You must provide one or more resources by argument or filename.');
  const [req] = parseResourceArgs(args.positional);
  if (!req.names.length) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const namespace = namespaceOf(args, ctx);
  const obj = findObject(ctx, req.info.kind, req.info.namespaced ? namespace : '', req.names[0]);
  if (!obj) throw new KubectlError(`Error from server (NotFound): ${req.info.group ? `${req.info.plural}.${req.info.group}` : req.info.plural} "${req.names[0]}" not found`);
  const kind = obj.kind;
  if (!['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController'].includes(kind)) {
    throw new KubectlError(`error: cannot expose a ${kind}`);
  }
  let selector: Record<string, string> | undefined;
  if (flagString(args, 'selector')) selector = parseLabelsFlag(flagString(args, 'selector')!);
  else if (kind === 'Pod') selector = obj.metadata.labels;
  else if (kind === 'Service' || kind === 'ReplicationController') selector = obj.spec?.selector;
  else {
    if (obj.spec?.selector?.matchExpressions?.length) throw new KubectlError(`error: couldn't convert expressions - "${JSON.stringify(obj.spec.selector.matchExpressions)}" to map-based selector format`);
    selector = obj.spec?.selector?.matchLabels;
  }
  if (!selector || !Object.keys(selector).length) {
    throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${kind.toLowerCase()} has no labels and cannot be exposed`);
  }
  const podSpec = kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
  let ports: { port: number; protocol: string; name?: string }[];
  const portFlag = flagString(args, 'port');
  if (portFlag) ports = portFlag.split(',').map((p) => ({ port: Number(p), protocol: flagString(args, 'protocol') ?? 'TCP' }));
  else if (kind === 'Service') ports = (obj.spec?.ports ?? []).map((p: any) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  else ports = (podSpec?.containers ?? []).flatMap((c: any) => (c.ports ?? []).map((p: any) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })));
  if (!ports.length) throw new KubectlError(`error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples`);
  const target = flagString(args, 'target-port');
  const svcPorts = ports.map((p, i) => ({
    ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
    port: p.port,
    protocol: p.protocol,
    targetPort: target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port,
  }));
  const labels = flagString(args, 'labels') ? parseLabelsFlag(flagString(args, 'labels')!) : obj.metadata.labels;
  const svc = service(flagString(args, 'name') ?? obj.metadata.name ?? '', namespace, labels, selector, svcPorts, flagString(args, 'type'));
  if (flagString(args, 'external-ip')) svc.spec.externalIPs = [flagString(args, 'external-ip')];
  if (flagString(args, 'cluster-ip')) svc.spec.clusterIP = flagString(args, 'cluster-ip');
  created(ctx, out, svc, 'exposed');
}

/** create_deployment.go buildPodSpec: the container is named after the image (path and tag stripped). */
export function containerNameFor(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split('@')[0].split(':')[0];
  return name.replace(/_/g, '-');
}

export function createCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  if (flagList(args, 'filename').length) {
    createFromFiles(args, ctx, out);
    return;
  }
  const [what, name] = args.positional;
  if (!what) throw new KubectlError('error: must specify one of -f and -k');
  const namespace = namespaceOf(args, ctx);
  switch (what) {
    case 'deployment':
    case 'deploy': {
      if (!name) throw new KubectlError('error: exactly one NAME is required, got 0\nSee \'kubectl create deployment -h\' for help and examples');
      const images = flagList(args, 'image');
      if (!images.length) throw new KubectlError('error: required flag(s) "image" not set');
      const port = flagString(args, 'port');
      const containers = images.map((image) => ({
        name: containerNameFor(image),
        image,
        ...(args.dashArgs?.length ? { command: args.dashArgs } : {}),
        ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
      }));
      const labels = { app: name };
      created(ctx, out, {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace, labels },
        spec: { replicas: Number(flagString(args, 'replicas') ?? 1), selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } },
      });
      return;
    }
    case 'namespace':
    case 'ns':
      if (!name) throw new KubectlError('error: exactly one NAME is required, got 0\nSee \'kubectl create namespace -h\' for help and examples');
      created(ctx, out, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      return;
    case 'configmap':
    case 'cm': {
      if (!name) throw new KubectlError('error: exactly one NAME is required, got 0\nSee \'kubectl create configmap -h\' for help and examples');
      const data: Record<string, string> = {};
      for (const kv of flagList(args, 'from-literal')) {
        const i = kv.indexOf('=');
        if (i <= 0) throw new KubectlError(`error: invalid literal source ${kv}, expected key=value`);
        data[kv.slice(0, i)] = kv.slice(i + 1);
      }
      created(ctx, out, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
      return;
    }
    default:
      throw new KubectlError(`error: unknown command "${what}" for "kubectl create"\n\nKubeglass supports: create -f FILE, create deployment, create namespace, create configmap`);
  }
}
