// The kubectl commands Kubeglass runs: name, flags (for parsing, errors and completion) and
// the function that runs it. Real kubectl commands that are not simulated are listed too, so
// they get a clear "not available" rather than "unknown command".
import type { FlagSpec, ParsedArgs } from '../args';
import type { KubectlContext, Output } from '../context';
import { APPLY_FLAGS, applyCommand, DELETE_FLAGS, deleteCommand } from './apply';
import { DESCRIBE_FLAGS, describeCommand } from './describe';
import { EXEC_FLAGS, execCommand } from './exec';
import { CREATE_FLAGS, createCommand, EXPOSE_FLAGS, exposeCommand, RUN_FLAGS, runCommand } from './generate';
import { GET_FLAGS, getCommand } from './get';
import { API_RESOURCES_FLAGS, apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, VERSION_FLAGS, versionCommand } from './info';
import { LOGS_FLAGS, logsCommand } from './logs';
import { CORDON_FLAGS, cordonCommand, DRAIN_FLAGS, drainCommand, TAINT_FLAGS, taintCommand, uncordonCommand } from './nodes';
import { ROLLOUT_FLAGS, ROLLOUT_SUBCOMMANDS, rolloutCommand } from './rollout';
import { LABEL_FLAGS, annotateCommand, labelCommand, SCALE_FLAGS, scaleCommand, SET_IMAGE_FLAGS, setImageCommand } from './workload';
import { KubectlError } from '../context';
import { namespaceOf } from './common';

export interface CommandSpec {
  flags: FlagSpec[];
  run: (args: ParsedArgs, ctx: KubectlContext, out: Output) => void;
  /** Subcommand words, for completion. */
  subcommands?: string[];
  /** Where the first positional is a resource type (for completion). */
  resourceArgs?: boolean;
  summary: string;
}

function setCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const [sub, ...rest] = args.positional;
  if (sub !== 'image') {
    if (!sub) throw new KubectlError("error: You must specify a subcommand: one of image\nSee 'kubectl set -h' for help and examples");
    throw new KubectlError(`error: unknown command "${sub}" for "kubectl set"\n\nKubeglass simulates: set image`);
  }
  setImageCommand({ ...args, positional: rest }, ctx, out);
}

export const COMMANDS: Record<string, CommandSpec> = {
  get: { flags: GET_FLAGS, run: getCommand, resourceArgs: true, summary: 'Display one or many resources' },
  describe: { flags: DESCRIBE_FLAGS, run: describeCommand, resourceArgs: true, summary: 'Show details of a specific resource or group of resources' },
  apply: { flags: APPLY_FLAGS, run: applyCommand, summary: 'Apply a configuration to a resource by file name (the editor buffer)' },
  create: { flags: CREATE_FLAGS, run: createCommand, subcommands: ['configmap', 'deployment', 'namespace'], summary: 'Create a resource from a file or from flags' },
  delete: { flags: DELETE_FLAGS, run: deleteCommand, resourceArgs: true, summary: 'Delete resources by file names, resources and names, or by label selector' },
  scale: { flags: SCALE_FLAGS, run: scaleCommand, resourceArgs: true, summary: 'Set a new size for a deployment, replica set or stateful set' },
  rollout: { flags: ROLLOUT_FLAGS, run: rolloutCommand, subcommands: ROLLOUT_SUBCOMMANDS, summary: 'Manage the rollout of a resource' },
  set: { flags: SET_IMAGE_FLAGS, run: setCommand, subcommands: ['image'], summary: 'Set specific features on objects (image)' },
  label: { flags: LABEL_FLAGS, run: labelCommand, resourceArgs: true, summary: 'Update the labels on a resource' },
  annotate: { flags: LABEL_FLAGS, run: annotateCommand, resourceArgs: true, summary: 'Update the annotations on a resource' },
  taint: { flags: TAINT_FLAGS, run: taintCommand, resourceArgs: true, summary: 'Update the taints on one or more nodes' },
  cordon: { flags: CORDON_FLAGS, run: cordonCommand, summary: 'Mark node as unschedulable' },
  uncordon: { flags: CORDON_FLAGS, run: uncordonCommand, summary: 'Mark node as schedulable' },
  drain: { flags: DRAIN_FLAGS, run: drainCommand, summary: 'Drain node in preparation for maintenance' },
  expose: { flags: EXPOSE_FLAGS, run: exposeCommand, resourceArgs: true, summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service' },
  run: { flags: RUN_FLAGS, run: runCommand, summary: 'Run a particular image on the cluster' },
  logs: { flags: LOGS_FLAGS, run: logsCommand, summary: 'Print the logs for a container in a pod' },
  exec: { flags: EXEC_FLAGS, run: execCommand, summary: 'Execute a command in a container (nslookup, cat /etc/resolv.conf, hostname)' },
  version: { flags: VERSION_FLAGS, run: versionCommand, summary: 'Print the client and server version information' },
  'api-resources': { flags: API_RESOURCES_FLAGS, run: apiResourcesCommand, summary: 'Print the supported API resources on the server' },
  'api-versions': { flags: [], run: apiVersionsCommand, summary: 'Print the supported API versions on the server, in the form of "group/version"' },
  'cluster-info': { flags: [], run: clusterInfoCommand, summary: 'Display cluster information' },
};

/** Commands kubectl has that Kubeglass does not simulate. */
export const NOT_SIMULATED = ['attach', 'auth', 'autoscale', 'certificate', 'completion', 'config', 'cp', 'debug', 'diff', 'edit', 'events', 'explain', 'kustomize', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'top', 'wait'];

export function helpText(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length)) + 3;
  return [
    'kubectl controls the simulated Kubernetes cluster.',
    '',
    'Commands Kubeglass simulates:',
    ...names.map((n) => `  ${n.padEnd(width)}${COMMANDS[n].summary}`),
    '',
    'On a node: ssh NODE ip addr | ip route | ip neigh | bridge fdb | iptables-save | ipvsadm -ln',
    '',
    'Usage:',
    '  kubectl [flags] [options]',
  ].join('\n');
}

export { namespaceOf };
