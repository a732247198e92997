// kubectl version, api-resources, api-versions, cluster-info (kubectl/pkg/cmd/version,
// apiresources/apiresources.go, clusterinfo/clusterinfo.go).
import { KINDS } from '../../engine';
import { KUBERNETES_VERSION } from '../../engine/bootstrap/systemObjects';
import { flagBool, flagString, type FlagSpec, type ParsedArgs } from '../args';
import { findObject, KubectlError, listKind, type KubectlContext, type Output } from '../context';
import { formatTable } from '../table';

/** kustomize bundled with kubectl v1.34. */
export const KUSTOMIZE_VERSION = 'v5.7.1';

export const VERSION_FLAGS: FlagSpec[] = [{ name: 'client', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }];
export const API_RESOURCES_FLAGS: FlagSpec[] = [
  { name: 'namespaced', type: 'bool' },
  { name: 'api-group', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
];

export function versionCommand(args: ParsedArgs, _ctx: KubectlContext, out: Output): void {
  const client = flagBool(args, 'client');
  const fmt = flagString(args, 'output');
  if (fmt === 'json' || fmt === 'yaml') {
    const info = (v: string) => {
      const [major, minor] = v.slice(1).split('.');
      return { major, minor, gitVersion: v, gitCommit: '', gitTreeState: 'clean', buildDate: '', goVersion: 'go1.24.9', compiler: 'gc', platform: 'linux/amd64' };
    };
    const data = { clientVersion: info(KUBERNETES_VERSION), kustomizeVersion: KUSTOMIZE_VERSION, ...(client ? {} : { serverVersion: info(KUBERNETES_VERSION) }) };
    out.out(fmt === 'json' ? `${JSON.stringify(data, null, 2)}\n` : Object.entries(data).map(([k, v]) => (typeof v === 'string' ? `${k}: ${v}` : `${k}:\n${Object.entries(v).map(([a, b]) => `  ${a}: ${JSON.stringify(b)}`).join('\n')}`)).join('\n') + '\n');
    return;
  }
  out.line(`Client Version: ${KUBERNETES_VERSION}`);
  out.line(`Kustomize Version: ${KUSTOMIZE_VERSION}`);
  if (!client) out.line(`Server Version: ${KUBERNETES_VERSION}`);
}

/** Served resources, one per (group, plural), preferred version, sorted by group as api-resources does. */
export function servedResources() {
  const seen = new Set<string>();
  const list = KINDS.filter((k) => {
    const key = `${k.group}/${k.plural}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...list].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
}

export function apiResourcesCommand(args: ParsedArgs, _ctx: KubectlContext, out: Output): void {
  let list = servedResources();
  if (args.flags.has('namespaced')) list = list.filter((k) => k.namespaced === flagBool(args, 'namespaced'));
  const group = flagString(args, 'api-group');
  if (group !== undefined) list = list.filter((k) => k.group === group);
  const sortBy = flagString(args, 'sort-by');
  if (sortBy === 'name') list.sort((a, b) => (a.plural < b.plural ? -1 : 1));
  else if (sortBy === 'kind') list.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  else if (sortBy) throw new KubectlError(`error: --sort-by accepts only name or kind`);
  const fmt = flagString(args, 'output');
  if (fmt === 'name') {
    for (const k of list) out.line(k.group ? `${k.plural}.${k.group}` : k.plural);
    return;
  }
  if (fmt && fmt !== 'wide') throw new KubectlError(`error: --output ${fmt} is not available`);
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  const rows = list.map((k) => [k.plural, (k.shortNames ?? []).join(','), k.group ? `${k.group}/${k.versions[0]}` : k.versions[0], String(k.namespaced), k.kind]);
  const text = flagBool(args, 'no-headers') ? formatTable(rows[0], rows.slice(1)) : formatTable(header, rows);
  out.line(text);
}

export function apiVersionsCommand(_args: ParsedArgs, _ctx: KubectlContext, out: Output): void {
  const versions = new Set<string>();
  for (const k of KINDS) for (const v of k.versions) versions.add(k.group ? `${k.group}/${v}` : v);
  for (const v of [...versions].sort()) out.line(v);
}

export function clusterInfoCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  if (args.positional[0] === 'dump') throw new KubectlError('error: cluster-info dump is not available in Kubeglass; use kubectl get -A -o yaml');
  const ep = findObject(ctx, 'Endpoints', 'default', 'kubernetes');
  const subset = (ep?.subsets as { addresses?: { ip: string }[]; ports?: { port: number }[] }[] | undefined)?.[0];
  const cpNode = listKind(ctx, 'Node').find((n) => Object.keys(n.metadata.labels ?? {}).includes('node-role.kubernetes.io/control-plane'));
  const ip = subset?.addresses?.[0]?.ip ?? cpNode?.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '127.0.0.1';
  const port = subset?.ports?.[0]?.port ?? 6443;
  const host = `https://${ip}:${port}`;
  out.line(`Kubernetes control plane is running at ${host}`);
  // clusterinfo.go: kube-system services labelled kubernetes.io/cluster-service=true, named by kubernetes.io/name.
  for (const svc of listKind(ctx, 'Service')) {
    if (svc.metadata.namespace !== 'kube-system' || svc.metadata.labels?.['kubernetes.io/cluster-service'] !== 'true') continue;
    const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name;
    const p = (svc.spec?.ports ?? [])[0] as { name?: string; port: number } | undefined;
    const link = `${svc.metadata.name}${p ? `:${p.name || p.port}` : ''}`;
    out.line(`${name} is running at ${host}/api/v1/namespaces/kube-system/services/${link}/proxy`);
  }
  out.line('');
  out.line("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
}
