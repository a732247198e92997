import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';

test.describe('object actions from the inspector', () => {
  test('stopping a worker kubelet makes the node NotReady and moves its web pods elsewhere', async ({ page }, testInfo) => {
    const app = new AppPage(page);
    await app.open();
    await app.toEnd();
    const before = await app.podsByNode();
    const webOnNode1 = (before['node-1'] ?? []).filter((p) => p.startsWith('default/web-'));
    expect(webOnNode1.length).toBeGreaterThan(0);

    // Click the node's header to select it, then use the inspector's action.
    await app.node('node-1').locator('.node-name').click();
    await expect(app.inspector).toContainText('Node');
    await page.getByTestId('action-stop-kubelet').click();
    await expect(page.locator('pre.action-result')).toHaveText('kubelet on node-1 stopped');
    await app.toEnd();

    // node-lifecycle-controller: Ready=Unknown after the 50 s grace period; the taint manager
    // evicts the pods 300 s later and the ReplicaSet replaces them on node-2.
    await expect(app.node('node-1')).toContainText('NotReady');
    const after = await app.podsByNode();
    const webRunningElsewhere = (after['node-2'] ?? []).filter((p) => p.startsWith('default/web-'));
    expect(webRunningElsewhere.length).toBeGreaterThanOrEqual(3);
    await app.shot(testInfo, 'action-stop-kubelet.png');
  });
});
