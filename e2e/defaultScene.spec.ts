import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';

test('first open plays the default scene from its first event', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const start = await app.cursor();
  expect(start).toBeLessThan(5);
  // Playback runs by itself: the cursor advances without anyone pressing play.
  await expect.poll(() => app.cursor(), { timeout: 10_000 }).toBeGreaterThan(start);
  await expect(page.getByTestId('play')).toBeVisible();
});

test('first open shows the default scene: three nodes with their system pods', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  await app.toEnd();

  expect(await app.nodeNames()).toEqual(['control-plane', 'node-1', 'node-2']);
  for (const name of ['control-plane', 'node-1', 'node-2']) await expect(app.node(name)).toBeVisible();

  const byNode = await app.podsByNode();
  // kubeadm's control plane runs as static pods on the control-plane node.
  expect(byNode['control-plane']).toEqual(expect.arrayContaining(['kube-system/etcd-control-plane', 'kube-system/kube-apiserver-control-plane']));
  await expect(app.pod('kube-system/etcd-control-plane')).toBeVisible();
  // The nginx Deployment's three pods all found a worker.
  const webPods = Object.entries(byNode).flatMap(([node, pods]) => pods.filter((p) => p.startsWith('default/web-')).map(() => node));
  expect(webPods).toHaveLength(3);
  expect(webPods).not.toContain('');
  expect(webPods).not.toContain('control-plane');
  for (const [, pod] of (await app.podPlacements()).filter(([, p]) => p.startsWith('default/web-'))) await expect(app.pod(pod)).toBeVisible();

  await app.shot(testInfo, 'cluster.png');
  expect(app.errors).toEqual([]);
});
