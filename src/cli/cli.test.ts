import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { DEFAULT_SCENE } from '../scenes/defaultScene';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

const dir = mkdtempSync(join(tmpdir(), 'kubeglass-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('kubeglass CLI', () => {
  it('exits 2 with usage on no command or an unknown one', async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });

  it('exits 2 when simulate gets no file or a bad flag value', async () => {
    expect((await run(['simulate'])).code).toBe(2);
    const r = await run(['simulate', file('a.yaml', DEFAULT_SCENE), '--until', 'soon']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--until must be a duration');
  });

  it('simulate prints kubectl-style tables and exits 0 for a scene that loads', async () => {
    const r = await run(['simulate', file('scene.yaml', DEFAULT_SCENE)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^NAMESPACE\s+NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/m);
    expect(r.out).toMatch(/^default\s+service\/web\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s+/m);
    expect(r.out).toMatch(/^node\/control-plane\s+/m);
  });

  it('simulate exits 1 and names file:line:column when a document fails', async () => {
    const bad = file('bad.yaml', `${DEFAULT_SCENE}---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n`);
    const r = await run(['simulate', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: .*no matches for kind "Widget" in version "example.com/v1"`));
  });

  it('simulate --json prints one object with objects, events, watch and diagnostics', async () => {
    const r = await run(['simulate', file('scene2.yaml', DEFAULT_SCENE), '--json', '--seed', '5']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['objects', 'events', 'watch', 'diagnostics']);
    expect(report.watch[0]).toEqual({ t: 0, type: 'ADDED', kind: 'Namespace', namespace: '', name: 'default', component: 'kube-apiserver', reason: 'Bootstrap' });
    expect(report.objects.some((o: { kind: string; metadata: { name: string } }) => o.kind === 'Deployment' && o.metadata.name === 'web')).toBe(true);
  });

  it('is deterministic: the same seed prints the same JSON', async () => {
    const p = file('scene3.yaml', DEFAULT_SCENE);
    const a = await run(['simulate', p, '--json', '--seed', '9']);
    const b = await run(['simulate', p, '--json', '--seed', '9']);
    expect(a.out).toBe(b.out);
  });

  it('reports a bad entry of an --actions file with its index and still runs the rest', async () => {
    const actions = file('actions.yaml', '- {at: 10s, action: scale, target: deployment/web, replicas: 5}\n- {at: 20s, action: teleport, node: node-1}\n');
    const r = await run(['simulate', file('scene4.yaml', DEFAULT_SCENE), '--actions', actions, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('actions[1]: unknown action "teleport"');
    const report = JSON.parse(r.out);
    expect(report.objects.find((o: { kind: string; metadata: { name: string } }) => o.kind === 'Deployment' && o.metadata.name === 'web').spec.replicas).toBe(5);
  });
});
