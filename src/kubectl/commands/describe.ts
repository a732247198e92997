// kubectl describe (kubectl/pkg/cmd/describe/describe.go): objects by name, by name prefix
// when no object has that exact name, or all matching a selector; several descriptions are
// separated by a blank line pair; events are shown unless --show-events=false.
import type { KubeObject } from '../../engine';
import type { KindInfo } from '../../engine/api/kinds';
import { flagBool, flagString, type FlagSpec, type ParsedArgs } from '../args';
import { KubectlError, listKind, type KubectlContext, type Output } from '../context';
import { describeEndpoints, describeEndpointSlice, describeService } from '../describe/network';
import { eventsFor } from '../describe/events';
import { describeConfigMap, describeGeneric, describeNamespace } from '../describe/generic';
import { describeNode } from '../describe/node';
import { describePod } from '../describe/pod';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeStatefulSet } from '../describe/workloads';
import { labelFilter, notFoundText, parseResourceArgs } from '../resources';
import { namespaceOf, SELECTOR_FLAGS } from './common';

export const DESCRIBE_FLAGS: FlagSpec[] = [...SELECTOR_FLAGS, { name: 'show-events', type: 'bool' }, { name: 'filename', short: 'f', type: 'strings' }];

export function describeObject(ctx: KubectlContext, obj: KubeObject, showEvents = true): string {
  const now = ctx.snapshot.time;
  const events = showEvents ? eventsFor(ctx, obj) : null;
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj, events, now);
    case 'Deployment':
      return describeDeployment(ctx, obj, events, now);
    case 'ReplicaSet':
      return describeReplicaSet(ctx, obj, events, now);
    case 'DaemonSet':
      return describeDaemonSet(ctx, obj, events, now);
    case 'StatefulSet':
      return describeStatefulSet(ctx, obj, events, now);
    case 'Service':
      return describeService(ctx, obj, events, now);
    case 'Endpoints':
      return describeEndpoints(obj, events, now);
    case 'EndpointSlice':
      return describeEndpointSlice(obj, events, now);
    case 'Node':
      return describeNode(ctx, obj, events, now);
    case 'ConfigMap':
      return describeConfigMap(obj, events, now);
    case 'Namespace': {
      const inNs = (k: string) => listKind(ctx, k).filter((o) => o.metadata.namespace === obj.metadata.name);
      return describeNamespace(obj, inNs('ResourceQuota'), inNs('LimitRange'));
    }
    default:
      return describeGeneric(obj, events, now);
  }
}

function candidates(ctx: KubectlContext, info: KindInfo, namespace: string, allNamespaces: boolean): KubeObject[] {
  return listKind(ctx, info.kind).filter((o) => !info.namespaced || allNamespaces || (o.metadata.namespace ?? '') === namespace);
}

export function describeCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  if (!args.positional.length) {
    throw new KubectlError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const namespace = namespaceOf(args, ctx);
  const allNamespaces = flagBool(args, 'all-namespaces');
  const showEvents = flagBool(args, 'show-events', true);
  const requests = parseResourceArgs(args.positional);
  const byLabel = labelFilter(flagString(args, 'selector'));
  const found: KubeObject[] = [];
  const errors: string[] = [];
  for (const req of requests) {
    const all = candidates(ctx, req.info, namespace, allNamespaces);
    if (!req.names.length) {
      found.push(...all.filter(byLabel));
      continue;
    }
    for (const name of req.names) {
      const exact = all.find((o) => o.metadata.name === name);
      if (exact) {
        found.push(exact);
        continue;
      }
      // describe.go: without an exact match, describe every object whose name starts with the argument.
      const prefixed = all.filter((o) => (o.metadata.name ?? '').startsWith(name));
      if (prefixed.length) found.push(...prefixed);
      else errors.push(notFoundText(req.info, name));
    }
  }
  if (!found.length && !errors.length) {
    const scoped = requests.some((r) => !r.info.namespaced) || allNamespaces;
    out.err(scoped ? 'No resources found' : `No resources found in ${namespace} namespace.`);
    return;
  }
  out.out(found.map((o) => describeObject(ctx, o, showEvents)).join('\n\n'));
  for (const e of errors) out.fail(e);
}
