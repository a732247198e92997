// The Network view: the CNI (flannel, via the bridge plugin) gives every pod that is not on the
// host network one veth pair: the pod's eth0 in its netns, a vethXXXXXXXX port on cni0.
import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';
import { ConsolePage } from './pages/consolePage';

test('the Network view draws one veth pair per running pod-network pod', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  const kubectl = new ConsolePage(page);
  await app.open();
  await app.toEnd();
  await kubectl.show();
  // Which pods should have a veth: read independently of the graph, through kubectl.
  const table = await kubectl.run('get pods -A -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name,NODE:.spec.nodeName,HOSTNET:.spec.hostNetwork,PHASE:.status.phase');
  const rows = table
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/));
  expect(rows.length).toBeGreaterThan(5);
  const podNetwork = rows.filter(([, , node, hostNet, phase]) => node !== '<none>' && hostNet !== 'true' && phase === 'Running').map(([ns, name, node]) => ({ pod: `${ns}/${name}`, node }));
  // The default scene's 3 web pods are among them (kube-flannel and the static pods use the host network).
  expect(podNetwork.filter((p) => p.pod.startsWith('default/web-'))).toHaveLength(3);

  await app.showView('network');
  // Host ends: bridge-plugin names, "veth" + 8 hex (plugins/pkg/ip/link_linux.go RandomVethName).
  const hostVeths = page.locator('[data-testid="graph-node"][data-ref^="net:"][data-ref*=":host:veth"]');
  await expect(hostVeths.first()).toBeAttached();
  const refs = await hostVeths.evaluateAll((els) => els.map((e) => e.getAttribute('data-ref') ?? ''));
  for (const ref of refs) expect(ref).toMatch(/^net:[^:]+:host:veth[0-9a-f]{8}$/);
  expect(refs).toHaveLength(podNetwork.length);
  // Per node, as many host veths as pods there.
  for (const node of new Set(podNetwork.map((p) => p.node))) {
    expect(refs.filter((r) => r.startsWith(`net:${node}:`)), node).toHaveLength(podNetwork.filter((p) => p.node === node).length);
  }
  // Pod ends: each such pod's eth0 is a graph node; hostNetwork pods have none.
  for (const { pod } of podNetwork) await expect(app.graphNode(`Pod/${pod}`)).toBeAttached();
  const hostNetPods = rows.filter(([, , , hostNet]) => hostNet === 'true').map(([ns, name]) => `Pod/${ns}/${name}`);
  expect(hostNetPods.length).toBeGreaterThan(0);
  for (const ref of hostNetPods) await expect(app.graphNode(ref)).toHaveCount(0);
  await expect(page.getByTestId('graph-edge-label').filter({ hasText: /^veth pair$/ })).toHaveCount(podNetwork.length);
  await app.shot(testInfo, 'network.png');
});
