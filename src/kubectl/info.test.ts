// kubectl version / api-resources / cluster-info (kubectl/pkg/cmd/version, apiresources, clusterinfo).
import { describe, expect, it } from 'vitest';
import { KINDS } from '../engine';
import { runKubectl } from './index';
import { ctxOf, webApp } from './testing/builders';

const run = (line: string) => runKubectl(line, ctxOf(webApp(), 0));

describe('kubectl version, api-resources, cluster-info', () => {
  it('prints client, kustomize and server versions', () => {
    expect(run('version').stdout).toMatch(/^Client Version: v1\.34\.\d+\nKustomize Version: v5\.\d+\.\d+\nServer Version: v1\.34\.\d+\n$/);
    expect(run('version --client').stdout).not.toContain('Server Version');
  });

  it('lists served resources in NAME SHORTNAMES APIVERSION NAMESPACED KIND columns, core group first', () => {
    const lines = run('api-resources').stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(lines[1]).toMatch(/^bindings\s+v1\s+true\s+Binding$/);
    expect(lines.find((l) => l.startsWith('deployments '))).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/);
    // events is served twice (core and events.k8s.io), every other resource once.
    expect(lines.length - 1).toBe(new Set(KINDS.map((k) => `${k.group}/${k.plural}`)).size);
    expect(run('api-resources --namespaced=false -o name').stdout.split('\n')).toContain('nodes');
  });

  it('prints where the control plane and CoreDNS run', () => {
    const objects = webApp();
    const dns = objects.find((o) => o.metadata.name === 'kube-dns')!;
    dns.metadata.labels = { 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' };
    const out = runKubectl('cluster-info', ctxOf(objects, 0)).stdout;
    expect(out).toBe(
      'Kubernetes control plane is running at https://192.168.10.10:6443\n' +
        'CoreDNS is running at https://192.168.10.10:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});
