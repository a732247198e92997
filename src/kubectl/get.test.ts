// `kubectl get` against a hand-built snapshot (exact layouts) — column sets from
// pkg/printers/internalversion/printers.go, spacing from the printers' tabwriter, flow from
// kubectl/pkg/cmd/get/get.go.
import { describe, expect, it } from 'vitest';
import { runKubectl } from './index';
import { ctxOf, makePod, webApp } from './testing/builders';

const FIVE_MIN = 5 * 60 * 1000;
const run = (line: string, objects = webApp(), time = FIVE_MIN) => runKubectl(line, ctxOf(objects, time));

describe('kubectl get', () => {
  it('prints pods with READY, STATUS, RESTARTS and AGE columns', () => {
    expect(run('get pods').stdout).toBe(
      [
        'NAME                  READY   STATUS              RESTARTS   AGE',
        'web-7d4b9c8f5-a1b2c   1/1     Running             0          5m',
        'web-7d4b9c8f5-d3e4f   1/1     Running             0          5m',
        'web-7d4b9c8f5-g5h6i   0/1     ContainerCreating   0          5m',
        '',
      ].join('\n'),
    );
  });

  it('adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    const lines = run('get pods -o wide').stdout.split('\n');
    expect(lines[0]).toBe('NAME                  READY   STATUS              RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES');
    expect(lines[3]).toBe('web-7d4b9c8f5-g5h6i   0/1     ContainerCreating   0          5m    <none>       node-1   <none>           <none>');
  });

  it('prints one table per kind with kind/ prefixes and a blank line between, when several types are asked for', () => {
    expect(run('get deploy,svc').stdout).toBe(
      [
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/3     3            2           5m',
        '',
        'NAME          TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE',
        'service/web   ClusterIP   10.96.12.34   <none>        80/TCP    5m',
        '',
      ].join('\n'),
    );
  });

  it('expands all to the "all" category in discovery order (pods, services, deployments, replicasets)', () => {
    const names = run('get all').stdout.split('\n').filter((l) => l && !l.startsWith('NAME')).map((l) => l.split(' ')[0]);
    expect(names).toEqual(['pod/web-7d4b9c8f5-a1b2c', 'pod/web-7d4b9c8f5-d3e4f', 'pod/web-7d4b9c8f5-g5h6i', 'service/web', 'deployment.apps/web', 'replicaset.apps/web-7d4b9c8f5']);
  });

  it('adds a NAMESPACE column with -A, only for namespaced kinds', () => {
    const out = run('get svc -A').stdout;
    expect(out.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+TYPE/);
    expect(out).toContain('kube-system   kube-dns');
    expect(run('get nodes -A').stdout.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
  });

  it('filters with -l and shows LABELS with --show-labels', () => {
    const objects = [...webApp(), makePod('other', { labels: { app: 'other' } })];
    const out = run('get pods -l app!=web --show-labels', objects).stdout;
    expect(out).toBe('NAME    READY   STATUS              RESTARTS   AGE   LABELS\nother   0/1     ContainerCreating   0          5m    app=other\n');
  });

  it('says "No resources found in <ns> namespace." on stderr when nothing matches', () => {
    const r = run('get pods -n empty');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in empty namespace.\n');
    expect(r.exitCode).toBe(0);
    expect(run('get pods -A -l app=nope').stderr).toBe('No resources found\n');
  });

  it('prints found objects and then NotFound errors for missing names, exiting 1', () => {
    const r = run('get svc web nope');
    expect(r.stdout).toMatch(/^web +ClusterIP +10.96.12.34/m);
    expect(r.stderr).toBe('Error from server (NotFound): services "nope" not found\n');
    expect(r.exitCode).toBe(1);
    expect(run('get deploy nope').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('prints -o name as kind.group/name', () => {
    expect(run('get deploy,svc -o name').stdout).toBe('deployment.apps/web\nservice/web\n');
  });

  it('prints one object as itself and several as a List with -o json', () => {
    const one = JSON.parse(run('get svc web -o json').stdout);
    expect(Object.keys(one).slice(0, 3)).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(run('get svc web -o json').stdout.split('\n')[1]).toBe('    "apiVersion": "v1",');
    const list = JSON.parse(run('get pods -o json').stdout);
    expect(list.kind).toBe('List');
    expect(list.items).toHaveLength(3);
    expect(list.metadata).toEqual({ resourceVersion: '' });
  });

  it('prints YAML with sorted keys and unindented sequences, as sigs.k8s.io/yaml does', () => {
    const y = run('get svc web -o yaml').stdout;
    expect(y.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n')).toBe(true);
    expect(y).toContain('\n  clusterIPs:\n  - 10.96.12.34\n');
    expect(y).toContain('\n  ports:\n  - name: http\n    port: 80\n');
  });

  it('evaluates -o jsonpath over the object or the List', () => {
    expect(run("get svc web -o jsonpath='{.spec.clusterIP}'").stdout).toBe('10.96.12.34');
    expect(run("get pods -o jsonpath='{.items[*].status.podIP}'").stdout).toBe('10.244.1.2 10.244.2.2');
    expect(run(`get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}'`).stdout).toBe(
      'web-7d4b9c8f5-a1b2c\tnode-1\nweb-7d4b9c8f5-d3e4f\tnode-2\nweb-7d4b9c8f5-g5h6i\tnode-1\n',
    );
  });

  it('prints custom columns, <none> for missing values', () => {
    expect(run('get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP').stdout).toBe(
      'NAME                  IP\nweb-7d4b9c8f5-a1b2c   10.244.1.2\nweb-7d4b9c8f5-d3e4f   10.244.2.2\nweb-7d4b9c8f5-g5h6i   <none>\n',
    );
  });

  it('rejects an unknown output format with the allowed list', () => {
    expect(run('get pods -o xml').stderr).toMatch(/^error: unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,.*,wide,yaml\n$/);
  });

  it('marks nodes SchedulingDisabled and prints roles', () => {
    const out = run('get nodes').stdout.split('\n');
    expect(out[0]).toBe('NAME            STATUS   ROLES           AGE   VERSION');
    expect(out[1]).toBe('control-plane   Ready    control-plane   5m    v1.34.2');
    expect(out[2]).toBe('node-1          Ready    <none>          5m    v1.34.2');
  });
});

describe('kubectl get -w', () => {
  it('prints the table, then a row per later event on matching objects, aligned with the table', () => {
    const objects = webApp();
    const ctx = ctxOf(objects, FIVE_MIN);
    const r = runKubectl('get pods', { ...ctx, snapshot: { ...ctx.snapshot, eventIndex: 4 } });
    expect(r.watch).toBeUndefined();
    const w = runKubectl('get pods -w', { ...ctx, snapshot: { ...ctx.snapshot, eventIndex: 4 } });
    expect(w.stdout).toBe(r.stdout);
    const pod = objects.find((o) => o.metadata.name === 'web-7d4b9c8f5-g5h6i')!;
    const ready = makePod('web-7d4b9c8f5-g5h6i', { phase: 'Running', node: 'node-1', ip: '10.244.1.3' });
    const svc = objects.find((o) => o.kind === 'Service')!;
    const ev = (index: number, type: 'ADDED' | 'MODIFIED' | 'DELETED', o: typeof pod, t: number) => ({ index, t, type, kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '', resourceVersion: String(index), component: 'kubelet', reason: '', object: o });
    const events = [0, 1, 2, 3, 4].map((i) => ev(i, 'ADDED', svc, 0));
    events.push(ev(5, 'MODIFIED', svc, FIVE_MIN), ev(6, 'MODIFIED', { ...ready, metadata: { ...ready.metadata, creationTimestamp: pod.metadata.creationTimestamp } }, FIVE_MIN + 2000));
    expect(w.watch!.next(events)).toBe('web-7d4b9c8f5-g5h6i   1/1     Running             0          5m2s\n');
    expect(w.watch!.next(events)).toBe('');
  });

  it('refuses to watch several types at once, as kubectl does', () => {
    expect(run('get pods,svc -w').stderr).toBe('error: watch is only supported on individual resources and resource collections, but 2 resources were found\n');
  });
});
