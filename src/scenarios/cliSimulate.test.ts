// Scenario: the `kubeglass simulate` command on real manifests. Expectations follow
// kubectl's printers (pkg/printers/internalversion/printers.go: printPod, printReplicaSet,
// printDeployment column sets) and the Deployment/ReplicaSet naming of
// pkg/controller/deployment/util (pod-template-hash = rand.SafeEncodeString of the FNV hash,
// alphabet bcdfghjklmnpqrstvwxz2456789) and the pods' generateName suffix of 5 such chars.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/main';

const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';
const CORPUS_DEPLOYMENT = fileURLToPath(new URL('../../../shared/corpus/k8s-website-examples/application/deployment.yaml', import.meta.url));
const WEB = fileURLToPath(new URL('./fixtures/web-deployment.yaml', import.meta.url));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kubeglass simulate on the k8s.io "application/deployment.yaml" example', () => {
  it('prints pods, ReplicaSet and Deployment as kubectl get pods,rs,deploy -A would', async () => {
    const r = await run(['simulate', CORPUS_DEPLOYMENT, '--until', '60s']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    const hash = new RegExp(`^default\\s+replicaset\\.apps/nginx-deployment-(${SAFE}{1,10})\\s+2\\s+2\\s+2\\s+\\d+s$`).exec(lines.find((l) => l.includes('replicaset.apps/'))!)?.[1];
    expect(hash).toBeDefined();
    expect(r.out).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);
    const pods = lines.filter((l) => l.includes(' pod/'));
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p).toMatch(new RegExp(`^default\\s+pod/nginx-deployment-${hash}-${SAFE}{5}\\s+1/1\\s+Running\\s+0\\s+\\d+s$`));
    expect(r.out).toMatch(/^NAMESPACE\s+NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$/m);
    expect(r.out).toMatch(/^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m);
    expect(r.out).toMatch(/^default\s+deployment\.apps\/nginx-deployment\s+2\/2\s+2\s+2\s+\d+s$/m);
  });
});

describe('kubeglass simulate --actions: rolling update and rollback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeglass-scenario-'));
  const actions = join(dir, 'actions.yaml');
  writeFileSync(actions, '- {at: 30s, action: set-image, target: deployment/web, container: nginx, image: "nginx:1.28"}\n- {at: 2m, action: rollout-undo, target: deployment/web}\n');

  it('ends on the first template at revision 3, with the second ReplicaSet scaled to 0', async () => {
    const r = await run(['simulate', WEB, '--actions', actions, '--json', '--until', '4m']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    type Obj = { kind: string; metadata: { name: string; annotations?: Record<string, string> }; spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } };
    const objects: Obj[] = report.objects;
    const deploy = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'web')!;
    expect(deploy.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(deploy.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    const rs = objects
      .filter((o) => o.kind === 'ReplicaSet' && o.metadata.name.startsWith('web-'))
      .map((o) => [o.spec.template.spec.containers[0].image, o.metadata.annotations?.['deployment.kubernetes.io/revision'], o.spec.replicas])
      .sort();
    expect(rs).toEqual([
      ['nginx:1.27', '3', 3],
      ['nginx:1.28', '2', 0],
    ]);
    // The watch stream carries the kubectl writes at the action times.
    const writes = (report.watch as { t: number; component: string; kind: string; reason: string }[]).filter((w) => w.component === 'kubectl' && w.kind === 'Deployment' && w.t > 0 && w.reason !== 'Create').map((w) => [w.t, w.reason]);
    expect(writes).toEqual([
      [30_000, 'SetImage'],
      [120_000, 'rollout-undo'],
    ]);
  });
});
