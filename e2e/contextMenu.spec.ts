// The canvas context menu: right-click (or Shift+F10 / the ContextMenu key on the selected object)
// offers the same engine actions as the inspector, plus Inspect, Scale… and the packet tracer.
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { AppPage } from './pages/appPage';
import { ContextMenuPage } from './pages/contextMenuPage';
import { RulesPage } from './pages/rulesPage';

const SHOTS = '/tmp/helper-menus';

async function webPod(app: AppPage, node?: string): Promise<string> {
  const placements = await app.podPlacements();
  const found = placements.find(([n, p]) => p.startsWith('default/web-') && (node === undefined ? n !== '' : n === node));
  expect(found, 'a scheduled web pod').toBeDefined();
  return found![1];
}

async function setup(page: Page) {
  const app = new AppPage(page);
  const menu = new ContextMenuPage(page);
  await app.open();
  await app.toEnd();
  return { app, menu };
}

test.describe('context menu on graph objects', () => {
  test('kill container from a web pod restarts it (RESTARTS 0 -> 1)', async ({ page }) => {
    const { app, menu } = await setup(page);
    const pod = await webPod(app);
    const name = pod.split('/')[1];

    await menu.openOn(app.pod(pod));
    await expect(menu.menu).toHaveAttribute('role', 'menu');
    await expect(menu.menu).toContainText(`Pod ${pod}`);
    expect(await menu.items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['menu-inspect', 'menu-kill', 'menu-fail-probe', 'menu-pass-probe', 'menu-trace', 'menu-delete']);
    await menu.choose('inspect');
    expect(await app.selected()).toBe(`Pod/${pod}`);
    await expect(app.inspector).toContainText('restartCount: 0');
    // The inspector's buttons come from the same list as the menu.
    await expect(page.getByTestId('object-actions').locator('button')).toHaveText(['Kill nginx', 'Fail readiness probe', 'Pass readiness probe', 'Delete']);

    await menu.openOn(app.pod(pod));
    await menu.choose('kill');
    await expect(menu.toast).toHaveText(`✓pod/${name}: killed container nginx`);
    await expect(menu.toast).toHaveClass(/\bok\b/);
    await expect
      .poll(async () => {
        await app.toEnd();
        return app.inspector.textContent();
      })
      .toContain('restartCount: 1');
  });

  test('cordon from a node box marks it SchedulingDisabled, and the menu then offers uncordon', async ({ page }) => {
    const { app, menu } = await setup(page);
    const node = app.node('node-1');
    await expect(node).not.toContainText('SchedulingDisabled');
    await menu.openOn(node.locator('.node-name'));
    expect(await menu.items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['menu-inspect', 'menu-cordon', 'menu-drain', 'menu-stop-kubelet']);
    await menu.choose('cordon');
    await expect(menu.toast).toContainText('node/node-1 cordoned');
    await app.toEnd();
    await expect(node).toContainText('SchedulingDisabled');

    await menu.openOn(node.locator('.node-name'));
    await expect(menu.item('cordon')).toHaveCount(0);
    await menu.choose('uncordon');
    await expect(menu.toast).toContainText('node/node-1 uncordoned');
    await app.toEnd();
    await expect(node).not.toContainText('SchedulingDisabled');
  });

  test('an action the engine refuses shows its error instead of failing silently', async ({ page }) => {
    const { app, menu } = await setup(page);
    await app.showView('workloads');
    // The default Deployment has one revision: kubectl says there is nothing to undo to.
    await menu.openOn(app.graphNode('Deployment/default/web'));
    await menu.choose('undo');
    await expect(menu.toast).toHaveClass(/\berror\b/);
    await expect(menu.toast).toHaveAttribute('role', 'alert');
    await expect(menu.toast).toContainText('error: no rollout history found for deployment "web"');
  });

  test('keyboard: Shift+F10 and the ContextMenu key open the menu on the selected pod; arrows, Enter and Escape work', async ({ page }) => {
    const { app, menu } = await setup(page);
    const pod = await webPod(app);
    await app.pod(pod).click();
    expect(await app.selected()).toBe(`Pod/${pod}`);
    const cursor = await app.cursor();

    await menu.openWithKey('Shift+F10');
    expect(await menu.focusedItem()).toBe('inspect');
    await page.keyboard.press('ArrowDown');
    expect(await menu.focusedItem()).toBe('kill');
    await page.keyboard.press('End');
    expect(await menu.focusedItem()).toBe('delete');
    await page.keyboard.press('ArrowDown');
    expect(await menu.focusedItem()).toBe('inspect');
    await page.keyboard.press('ArrowUp');
    expect(await menu.focusedItem()).toBe('delete');
    await page.keyboard.press('Home');
    expect(await menu.focusedItem()).toBe('inspect');
    // Home/End/Space inside the menu do not reach the timeline's shortcuts.
    expect(await app.cursor()).toBe(cursor);
    await page.keyboard.press('Escape');
    await expect(menu.menu).toBeHidden();

    await menu.openWithKey('ContextMenu');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await menu.focusedItem()).toBe('fail-probe');
    await page.keyboard.press('Enter');
    await expect(menu.menu).toBeHidden();
    await expect(menu.toast).toContainText('readiness probe of nginx now fails');
  });

  test('closes on a click outside and on a wheel over the canvas', async ({ page }) => {
    const { app, menu } = await setup(page);
    const pod = await webPod(app);
    await menu.openOn(app.pod(pod));
    await page.getByTestId('toggle-bottom').hover();
    await page.mouse.down();
    await page.mouse.up();
    await expect(menu.menu).toBeHidden();
    await menu.openOn(app.pod(pod));
    await app.canvas.hover({ position: { x: 100, y: 100 } });
    await page.mouse.wheel(0, 120);
    await expect(menu.menu).toBeHidden();
  });

  test('stays inside the viewport when opened at the bottom-right corner', async ({ page }) => {
    const { app, menu } = await setup(page);
    const pod = await webPod(app);
    const viewport = page.viewportSize()!;
    // A right-click at the corner (the pod chip itself is elsewhere, so dispatch the event on it).
    await app.pod(pod).evaluate((el, { x, y }) => el.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2, clientX: x, clientY: y })), { x: viewport.width - 3, y: viewport.height - 3 });
    await expect(menu.menu).toBeVisible();
    const box = await menu.box();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  });

  test('Scale… on the Deployment graph node asks for a number and scales to it', async ({ page }) => {
    const { app, menu } = await setup(page);
    await app.showView('workloads');
    const deployment = app.graphNode('Deployment/default/web');
    await menu.openOn(deployment);
    await expect(menu.item('scale-up')).toHaveText('Scale to 4');
    await menu.item('scale').click();
    await expect(menu.menu).toHaveAttribute('role', 'dialog');
    await expect(menu.scaleInput).toBeFocused();
    await expect(menu.scaleInput).toHaveValue('3');
    await menu.scaleInput.fill('5000');
    await menu.scaleInput.press('Enter');
    await expect(menu.menu.getByRole('alert')).toContainText('0 to 1000');
    await menu.scaleInput.fill('5');
    await menu.scaleInput.press('Enter');
    await expect(menu.menu).toBeHidden();
    await expect(menu.toast).toContainText('deployment.apps/web scaled');
    await expect
      .poll(async () => {
        await app.toEnd();
        return (await app.podPlacements()).filter(([n, p]) => n !== '' && p.startsWith('default/web-')).length;
      })
      .toBe(5);
  });

  test('"Trace a packet from here" opens the Rules view tracing from that pod', async ({ page }) => {
    const { app, menu } = await setup(page);
    const rules = new RulesPage(page);
    const pod = await webPod(app);
    await menu.openOn(app.pod(pod));
    await menu.choose('trace');
    await expect(app.canvas).toHaveAttribute('data-view', 'rules');
    await expect(rules.from).toHaveValue(pod);
    await expect(rules.hops).toBeVisible();
    await expect(rules.hopsInChain('KUBE-SVC-').first()).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/trace-from-menu.png` });
  });

  test('screenshots of the menu in light and dark themes, and in Chinese', async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    const { app, menu } = await setup(page);
    const pod = await webPod(app, 'node-1');
    const shoot = async (name: string) => {
      await page.screenshot({ path: `${SHOTS}/${name}` });
    };
    await menu.openOn(app.pod(pod));
    await menu.item('kill').hover();
    await shoot('menu-pod-light.png');
    await page.keyboard.press('Escape');

    await page.getByTestId('toggle-theme').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await menu.openOn(app.pod(pod));
    await menu.item('kill').hover();
    await shoot('menu-pod-dark.png');
    await menu.choose('fail-probe');
    await expect(menu.toast).toBeVisible();
    await shoot('toast-dark.png');

    await menu.openOn(app.node('node-2').locator('.node-name'));
    await shoot('menu-node-dark.png');
    await page.keyboard.press('Escape');

    await app.showView('workloads');
    await menu.openOn(app.graphNode('Deployment/default/web'));
    await menu.item('scale').click();
    await menu.scaleInput.fill('-2');
    await menu.scaleInput.press('Enter');
    await shoot('menu-scale-dark.png');
    await page.keyboard.press('Escape');

    await page.getByTestId('toggle-theme').click();
    await page.getByTestId('language').selectOption('zh');
    await app.showView('cluster');
    await menu.openOn(app.pod(pod));
    await shoot('menu-pod-light-zh.png');
    expect(app.errors).toEqual([]);
  });
});
