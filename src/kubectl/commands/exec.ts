// kubectl exec POD -- COMMAND (kubectl/pkg/cmd/exec/exec.go). Kubeglass runs no processes, so
// only commands whose answer the simulation knows are answered: `nslookup NAME` (the pod's
// resolv.conf search walk against the cluster DNS records, printed as bind9's nslookup or
// busybox's), `cat /etc/resolv.conf`, `cat /etc/hosts` (kubelet's managed hosts file) and
// `hostname`. Anything else gets a clear "not simulated" line.
import type { KubeObject } from '../../engine';
import { lookupImage } from '../../engine/images';
import { buildDnsRecords, lookupWithSearch, resolvConf } from '../../engine/network/dns';
import { flagString, type FlagSpec, type ParsedArgs } from '../args';
import { findObject, KubectlError, listKind, type KubectlContext, type Output } from '../context';
import { namespaceOf } from './common';

export const EXEC_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
];

/** The node's own resolv.conf that kubelet --resolv-conf points at (Kubeglass assumes the LAN gateway resolves). */
export const NODE_RESOLV_CONF = 'nameserver 192.168.10.1\n';

export function podResolvConf(ctx: KubectlContext, pod: KubeObject) {
  const dns = findObject(ctx, 'Service', 'kube-system', 'kube-dns');
  return resolvConf(pod as any, dns?.spec?.clusterIP ? [dns.spec.clusterIP] : null, ctx.config.clusterDomain, NODE_RESOLV_CONF);
}

function nslookup(ctx: KubectlContext, pod: KubeObject, image: string, argv: string[], out: Output): void {
  const name = argv.find((a, i) => i > 0 && !a.startsWith('-'));
  if (!name) throw new KubectlError('error: Kubeglass simulates `nslookup NAME` only (interactive nslookup is not simulated)\ncommand terminated with exit code 1');
  const conf = podResolvConf(ctx, pod);
  const server = conf.nameservers[0] ?? '127.0.0.1';
  const db = buildDnsRecords(listKind(ctx, 'Service') as any, listKind(ctx, 'EndpointSlice') as any, listKind(ctx, 'Pod') as any, ctx.config.clusterDomain);
  const busybox = /(^|\/)busybox(:|@|$)/.test(image);
  out.out(`Server:\t\t${server}\nAddress:\t${server}${busybox ? ':53' : '#53'}\n\n`);
  const result = lookupWithSearch(name, conf.text, db, 'A');
  const final = result.final;
  if (final && final.answer.rcode === 'FORWARDED') {
    out.line(`** server can't find ${name}: not simulated (names outside ${ctx.config.clusterDomain} are forwarded to an upstream resolver Kubeglass does not model)`);
    out.err('command terminated with exit code 1');
    out.exitCode = 1;
    return;
  }
  if (!final) {
    out.line(`** server can't find ${name}: NXDOMAIN`);
    out.line('');
    out.err('command terminated with exit code 1');
    out.exitCode = 1;
    return;
  }
  for (const rec of final.answer.answer) {
    const owner = rec.name.replace(/\.$/, '');
    if (rec.type === 'CNAME') out.line(`${owner}\tcanonical name = ${rec.data}`);
    else if (rec.type === 'A' || rec.type === 'AAAA') out.out(`Name:\t${owner}\nAddress: ${rec.data}\n`);
  }
  out.line('');
}

function hostsFile(pod: KubeObject): string {
  // kubelet_pods.go managedHostsFileContent.
  const ip = pod.status?.podIP;
  const lines = ['# Kubernetes-managed hosts file.', '127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', 'fe00::0\tip6-localnet', 'fe00::0\tip6-mcastprefix', 'fe00::1\tip6-allnodes', 'fe00::2\tip6-allrouters'];
  if (ip) {
    const hostname = pod.spec?.hostname ?? pod.metadata.name;
    lines.push(pod.spec?.subdomain ? `${ip}\t${hostname}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.cluster.local\t${hostname}` : `${ip}\t${hostname}`);
  }
  for (const ha of pod.spec?.hostAliases ?? []) lines.push(`\n# Entries added by HostAliases.\n${ha.ip}\t${(ha.hostnames ?? []).join('\t')}`);
  return `${lines.join('\n')}\n`;
}

export function execCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  const [podArg, ...legacy] = args.positional;
  if (!podArg) throw new KubectlError("error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples");
  if (!args.dashArgs) {
    if (legacy.length) throw new KubectlError(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`);
    throw new KubectlError("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples");
  }
  const argv = args.dashArgs;
  if (!argv.length) throw new KubectlError("error: you must specify at least one command for the container");
  const namespace = namespaceOf(args, ctx);
  const podName = podArg.replace(/^(pods?|po)\//, '');
  const pod = findObject(ctx, 'Pod', namespace, podName);
  if (!pod) throw new KubectlError(`Error from server (NotFound): pods "${podName}" not found`);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const containers = pod.spec?.containers ?? [];
  const cname = flagString(args, 'container') ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]?.name;
  const container = containers.find((c: any) => c.name === cname);
  if (!container) throw new KubectlError(`error: container ${cname} not found in pod ${podName}`);
  if (!flagString(args, 'container') && containers.length > 1) out.err(`Defaulted container "${cname}" out of: ${containers.map((c: any) => c.name).join(', ')}`);
  const status = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === cname);
  if (!status?.state?.running) throw new KubectlError(`error: unable to upgrade connection: container not found ("${cname}")`);

  // A shell wrapper (`sh -c "nslookup web"`) runs its one command.
  let cmd = argv;
  if (['sh', 'bash', '/bin/sh', '/bin/bash'].includes(cmd[0]) && cmd[1] === '-c' && cmd[2]) cmd = cmd[2].trim().split(/\s+/);
  const prog = cmd[0].replace(/^.*\//, '');
  const profile = lookupImage(container.image);
  const builtins = new Set(['cat', 'hostname', 'echo', 'sh', 'env', 'printenv']);
  if (profile?.programs && !profile.programs.includes(prog) && !builtins.has(prog) && prog !== 'nslookup' && prog !== 'curl' && prog !== 'wget') {
    out.fail(`error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd[0]}": executable file not found in $PATH: unknown`);
    return;
  }
  if (prog === 'nslookup') {
    if (profile?.programs && !profile.programs.includes('nslookup')) {
      out.fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown\ncommand terminated with exit code 126`, 126);
      return;
    }
    nslookup(ctx, pod, container.image, cmd, out);
    return;
  }
  if (prog === 'cat' && cmd[1] === '/etc/resolv.conf') return out.out(podResolvConf(ctx, pod).text);
  if (prog === 'cat' && cmd[1] === '/etc/hosts') return out.out(hostsFile(pod));
  if (prog === 'hostname') return out.line(pod.spec?.hostname ?? pod.metadata.name ?? '');
  if (prog === 'echo') return out.line(cmd.slice(1).join(' '));
  out.fail(`Kubeglass: \`${cmd.join(' ')}\` is not simulated yet in this build (exec answers nslookup, cat /etc/resolv.conf, cat /etc/hosts, hostname)\ncommand terminated with exit code 1`);
}
