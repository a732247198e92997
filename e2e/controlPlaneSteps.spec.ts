// The Control plane view tells the default scene's `kubectl apply` of the nginx Deployment as
// numbered causal steps beside the graph; the step the timeline is in is highlighted, in the list
// and on the graph (its link to kube-apiserver), in both themes and in Chinese.
import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';
import { ControlPlaneStepsPage } from './pages/controlPlaneStepsPage';

const CHAIN = ['request', 'persist', 'create', 'create', 'bind', 'start', 'ready', 'slice', 'proxy', 'status', 'status'];

test('numbers the steps of the nginx Deployment and highlights the one the timeline is in', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  const steps = new ControlPlaneStepsPage(page);
  await steps.openAtEnd(app);

  await expect(steps.root).toHaveText(/Deployment\/default\/web/);
  await expect(steps.steps).toHaveCount(CHAIN.length);
  expect(await steps.actions()).toEqual(CHAIN);
  await expect(steps.step(1)).toContainText('kubectl sends Deployment web to kube-apiserver');
  await expect(steps.step(2)).toContainText('/registry/deployments/default/web');
  await expect(steps.step(3)).toContainText('deployment-controller sees the Deployment and creates ReplicaSet web-');
  await expect(steps.step(4)).toContainText('replicaset-controller sees the ReplicaSet and creates 3 Pods');
  await expect(steps.step(4)).toContainText('in kube-controller-manager');
  await expect(steps.step(5)).toContainText('default-scheduler sees 3 unscheduled Pods');
  await expect(steps.step(9)).toContainText('kube-proxy/node-1');
  await expect(steps.notes).toContainText(/simplification/);

  // Move the timeline into the scheduler's step: it becomes the current one, and its link lights up.
  const bind = Number(await steps.step(5).getAttribute('data-first'));
  await steps.seek(bind);
  await expect.poll(() => app.cursor()).toBe(bind);
  await expect(steps.current).toHaveCount(1);
  await expect(steps.current).toHaveAttribute('data-step', '5');
  await expect(steps.edge('link:cp:kube-scheduler')).toHaveClass(/is-highlighted/);
  await expect(steps.edge('link:cp:kubectl')).not.toHaveClass(/is-highlighted/);
  // Earlier steps are done; later ones are either not told yet or shown as still to come.
  await expect(steps.step(4)).toHaveClass(/is-done/);
  for (const later of await steps.panel.locator('[data-testid="causal-step"]').all()) {
    if (Number(await later.getAttribute('data-step')) > 5) await expect(later).toHaveClass(/is-pending/);
  }
  await page.waitForTimeout(400); // let the layout and fitView settle
  await app.shot(testInfo, 'controlplane-steps-light.png');

  // One event further on is the scheduler's Event ("Scheduled"): still the same step.
  await page.getByTestId('step-forward').click();
  await expect(steps.current).toHaveAttribute('data-step', '5');

  await page.getByTestId('toggle-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300);
  await app.shot(testInfo, 'controlplane-steps-dark.png');

  await page.getByTestId('language').selectOption('zh');
  await expect(steps.step(4)).toContainText('replicaset-controller 看到 ReplicaSet，创建了 3 个 Pod');
  await page.waitForTimeout(300);
  await app.shot(testInfo, 'controlplane-steps-zh.png');
  await page.getByTestId('language').selectOption('en');

  expect(app.errors).toEqual([]);
});

test('the request and its storage are current together when the timeline is at kubectl\'s write', async ({ page }) => {
  const app = new AppPage(page);
  const steps = new ControlPlaneStepsPage(page);
  await steps.openAtEnd(app);
  const request = Number(await steps.step(1).getAttribute('data-first'));
  await steps.seek(request - 1);
  // Before kubectl's request nothing of this story has happened.
  await expect(steps.current).toHaveCount(0);
  await steps.seek(request);
  await expect(steps.current).toHaveCount(2);
  await expect(steps.edge('link:cp:kubectl')).toHaveClass(/is-highlighted/);
  await expect(steps.edge('etcd')).toHaveClass(/is-highlighted/);
  expect(app.errors).toEqual([]);
});

test('clicking a step moves the timeline to its first event', async ({ page }) => {
  const app = new AppPage(page);
  const steps = new ControlPlaneStepsPage(page);
  await steps.openAtEnd(app);
  await expect(steps.steps.first()).toBeVisible();
  expect(await steps.seekable()).toBe(true);
  const first = Number(await steps.step(4).getAttribute('data-first'));
  await steps.step(4).getByRole('button').click();
  await expect.poll(() => app.cursor()).toBe(first);
  await expect(steps.current).toHaveAttribute('data-step', '4');
  expect(app.errors).toEqual([]);
});
