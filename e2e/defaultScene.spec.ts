import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';

test('first open shows the default scene: three nodes with their system pods', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const app = new AppPage(page);
  await app.open();

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

  await page.screenshot({ path: testInfo.outputPath('default-scene.png') });
  expect(errors).toEqual([]);
});
