import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';

test('first open shows the bootstrapped cluster and plays the user\'s manifests from their first request', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  // The cluster's own bootstrap is already on screen: the three machines registered...
  for (const name of ['control-plane', 'node-1', 'node-2']) await expect(app.node(name)).toBeVisible();
  // ...and the user's Deployment has not made its pods yet: that is what the animation shows.
  const start = await app.cursor();
  const webPodsAtStart = Object.values(await app.podsByNode()).flat().filter((p) => p.startsWith('default/web-'));
  expect(webPodsAtStart).toEqual([]);
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
