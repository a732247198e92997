// Commands that change the cluster, against a real Simulation: each maps onto engine user
// actions and prints kubectl's one-line result (kubectl/pkg/cmd/{scale,label,annotate,taint,
// drain,delete,apply,create,run,expose,set}). Assertions check both the words and the effect.
import { describe, expect, it } from 'vitest';
import { simScene } from './testing/sim';

describe('kubectl writes against the simulation', () => {
  it('scales a deployment', () => {
    const s = simScene();
    const r = s.kubectl('scale deployment web --replicas=5');
    expect(r.output).toBe('deployment.apps/web scaled\n');
    expect(r.actions).toEqual([{ type: 'scale', target: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 5 }]);
    expect(s.get('Deployment', 'web')?.spec.replicas).toBe(5);
    expect(s.kubectl('scale deploy web').stderr).toBe('error: required flag(s) "replicas" not set\n');
  });

  it('labels, says "not labeled" when nothing changes, and refuses to overwrite without --overwrite', () => {
    const s = simScene();
    expect(s.kubectl('label deploy web tier=frontend').output).toBe('deployment.apps/web labeled\n');
    expect(s.get('Deployment', 'web')?.metadata.labels).toEqual({ app: 'web', tier: 'frontend' });
    expect(s.kubectl('label deploy web tier=frontend').output).toBe('deployment.apps/web not labeled\n');
    expect(s.kubectl('label deploy web tier=backend').stderr).toBe("error: 'tier' already has a value (frontend), and --overwrite is false\n");
    expect(s.kubectl('label deploy web tier=backend --overwrite').output).toBe('deployment.apps/web labeled\n');
    expect(s.kubectl('label deploy web tier-').output).toBe('deployment.apps/web unlabeled\n');
    expect(s.get('Deployment', 'web')?.metadata.labels).toEqual({ app: 'web' });
  });

  it('annotates', () => {
    const s = simScene();
    expect(s.kubectl('annotate svc web team="platform team"').output).toBe('service/web annotated\n');
    expect(s.get('Service', 'web')?.metadata.annotations?.team).toBe('platform team');
  });

  it('cordons and uncordons a node, noting when it already is', () => {
    const s = simScene();
    expect(s.kubectl('cordon node-1').output).toBe('node/node-1 cordoned\n');
    expect(s.get('Node', 'node-1')?.spec.unschedulable).toBe(true);
    expect(s.kubectl('cordon node-1').output).toBe('node/node-1 already cordoned\n');
    expect(s.kubectl('get node node-1').stdout).toMatch(/node-1\s+\S*SchedulingDisabled/);
    expect(s.kubectl('uncordon node-1').output).toBe('node/node-1 uncordoned\n');
    expect(s.kubectl('cordon node-9').stderr).toBe('Error from server (NotFound): nodes "node-9" not found\n');
  });

  it('taints and untaints a node', () => {
    const s = simScene();
    expect(s.kubectl('taint nodes node-1 dedicated=gpu:NoSchedule').output).toBe('node/node-1 tainted\n');
    expect(s.get('Node', 'node-1')?.spec.taints).toContainEqual({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' });
    expect(s.kubectl('taint nodes node-1 dedicated=cpu:NoSchedule').stderr).toBe('error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n');
    expect(s.kubectl('taint nodes node-1 dedicated:NoSchedule-').output).toBe('node/node-1 untainted\n');
    expect(s.kubectl('taint nodes node-1 a=b:Sometimes').stderr).toMatch(/^error: invalid taint effect: Sometimes/);
  });

  it('deletes by name with kubectl\'s `kind "name" deleted` line, and by selector', () => {
    const s = simScene();
    expect(s.kubectl('delete svc web').output).toBe('service "web" deleted\n');
    expect(s.get('Service', 'web')).toBeUndefined();
    expect(s.kubectl('delete svc web').stderr).toBe('Error from server (NotFound): services "web" not found\n');
    expect(s.kubectl('delete deploy').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(s.kubectl('delete cm -l nothing=here').output).toBe('No resources found\n');
    expect(s.kubectl('delete').stderr).toMatch(/^error: You must provide one or more resources by argument or filename\.\nExample resource specifications include:\n {3}'-f rsrc.yaml'/);
  });

  it('applies the editor buffer: created, then unchanged, then configured', () => {
    const s = simScene();
    s.files['extra.yaml'] = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n';
    expect(s.kubectl('apply -f extra.yaml').output).toBe('configmap/settings created\n');
    expect(s.kubectl('apply -f extra.yaml').output).toBe('configmap/settings unchanged\n');
    s.files['extra.yaml'] = s.files['extra.yaml'].replace('"1"', '"2"');
    expect(s.kubectl('apply -f extra.yaml').output).toBe('configmap/settings configured\n');
    expect(s.get('ConfigMap', 'settings')?.data).toEqual({ a: '2' });
    expect(s.kubectl('apply -f nope.yaml').stderr).toBe('error: the path "nope.yaml" does not exist\n');
    expect(s.kubectl('apply').stderr).toBe('error: must specify one of -f and -k\n');
  });

  it('creates a deployment named after the image, and refuses an existing one', () => {
    const s = simScene();
    expect(s.kubectl('create deployment api --image=registry.k8s.io/e2e-test-images/agnhost:2.53 --replicas=2').output).toBe('deployment.apps/api created\n');
    const d = s.get('Deployment', 'api');
    expect(d?.spec.template.spec.containers[0].name).toBe('agnhost');
    expect(d?.spec.selector.matchLabels).toEqual({ app: 'api' });
    expect(s.kubectl('create deployment api --image=nginx').stderr).toBe('Error from server (AlreadyExists): deployments.apps "api" already exists\n');
    expect(s.kubectl('create namespace team-a').output).toBe('namespace/team-a created\n');
  });

  it('runs a pod labelled run=<name>', () => {
    const s = simScene();
    expect(s.kubectl('run dnsutils --image=busybox:1.36 -- sleep 3600').output).toBe('pod/dnsutils created\n');
    const p = s.get('Pod', 'dnsutils');
    expect(p?.metadata.labels).toEqual({ run: 'dnsutils' });
    expect(p?.spec.containers[0]).toMatchObject({ name: 'dnsutils', image: 'busybox:1.36', args: ['sleep', '3600'] });
    expect(s.kubectl('run x').stderr).toBe('error: required flag(s) "image" not set\n');
  });

  it('exposes a deployment as a Service selecting its pods', () => {
    const s = simScene();
    expect(s.kubectl('expose deployment web --name=web-np --port=8080 --target-port=80 --type=NodePort').output).toBe('service/web-np exposed\n');
    const svc = s.get('Service', 'web-np');
    expect(svc?.spec.selector).toEqual({ app: 'web' });
    expect(svc?.spec.ports[0]).toMatchObject({ port: 8080, targetPort: 80, protocol: 'TCP' });
    expect(svc?.spec.type).toBe('NodePort');
    expect(s.kubectl('expose deployment web').stderr).toBe('Error from server (AlreadyExists): services "web" already exists\n');
  });

  it('sets a container image', () => {
    const s = simScene();
    expect(s.kubectl('set image deployment/web nginx=nginx:1.28').output).toBe('deployment.apps/web image updated\n');
    expect(s.get('Deployment', 'web')?.spec.template.spec.containers[0].image).toBe('nginx:1.28');
    expect(s.kubectl('set image deployment/web nginx=nginx:1.28').output).toBe('');
  });

  it('refuses to drain a node with DaemonSet pods unless told to ignore them', () => {
    const s = simScene();
    const onNode = (s.sim.snapshot().objects.Pod ?? []).filter((p) => p.spec?.nodeName === 'node-1');
    const daemon = onNode.filter((p) => p.metadata.ownerReferences?.some((r) => r.kind === 'DaemonSet'));
    const r = s.kubectl('drain node-1');
    expect(r.stdout.split('\n')[0]).toBe('node/node-1 cordoned');
    if (daemon.length) {
      expect(r.stderr).toMatch(/^error: unable to drain node "node-1" due to error: cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): /);
      const ok = s.kubectl('drain node-1 --ignore-daemonsets');
      expect(ok.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: /);
      expect(ok.stdout.trimEnd().split('\n').pop()).toBe('node/node-1 drained');
    } else {
      expect(r.stdout.trimEnd().split('\n').pop()).toBe('node/node-1 drained');
    }
  });
});

describe('kubectl get -f', () => {
  it('gets the objects a file names', () => {
    const s = simScene();
    const out = s.kubectl('get -f manifest.yaml').stdout;
    expect(out).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\ndeployment\.apps\/web\s+/);
    expect(out).toMatch(/\n\nNAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nservice\/web\s+ClusterIP/);
  });
});
