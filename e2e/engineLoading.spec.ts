// The engine is a chunk of its own (issue 6): the app shell paints first, says the cluster is
// starting, and the default scene appears when the engine has arrived.
import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';

test('the shell paints while the engine loads, then the default scene replaces the starting line', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  const engine = await app.holdEngine();
  await page.goto('./');
  await expect(app.engineStatus).toHaveText('Starting the cluster…');
  await expect(page.getByTestId('apply')).toBeVisible();
  await expect(page.getByTestId('view-cluster')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  // No test API (and so no cluster state) before the engine has booted the scene.
  expect(await page.evaluate(() => window.__kubeglass)).toBeUndefined();
  await app.shot(testInfo, 'engine-loading.png');

  engine.release();
  await page.waitForFunction(() => Boolean(window.__kubeglass));
  for (const name of ['control-plane', 'node-1', 'node-2']) await expect(app.node(name)).toBeVisible();
  await expect(app.engineStatus).toHaveCount(0);
  expect(await app.nodeNames()).toEqual(['control-plane', 'node-1', 'node-2']);
  expect(app.errors).toEqual([]);
});

test('the starting line is in Chinese when the app is', async ({ page }) => {
  const app = new AppPage(page);
  await page.addInitScript(() => localStorage.setItem('kubeglass.language', 'zh'));
  const engine = await app.holdEngine();
  await page.goto('./');
  await expect(app.engineStatus).toHaveText('正在启动集群…');
  engine.release();
  await expect(app.node('node-1')).toBeVisible();
});

test('a failed engine download says so instead of starting forever', async ({ page }) => {
  const app = new AppPage(page);
  await app.holdEngine({ fail: true });
  await page.goto('./');
  await expect(app.engineStatus).toHaveAttribute('data-status', 'failed');
  await expect(app.engineStatus).toContainText('could not be loaded');
});
