// Scheduling as a person sees it: an applied Deployment's pods land in node boxes, and a pod that
// fits nowhere waits in the unscheduled lane with the scheduler's reason in the inspector.
import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';
import { EditorPage } from './pages/editorPage';

const API_DEPLOYMENT = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: nginx:1.27
          resources:
            requests:
              cpu: 200m
              memory: 64Mi
`;

const HUGE_POD = `---
apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: "64"
`;

test.describe('scheduling', () => {
  test('applying a Deployment schedules its pods onto worker nodes', async ({ page }, testInfo) => {
    const app = new AppPage(page);
    const editor = new EditorPage(page);
    await app.open();
    await editor.ready();
    await app.toEnd();
    const eventsBefore = await app.eventCount();
    await editor.setValue((await editor.value()) + API_DEPLOYMENT);
    await app.apply();
    // Apply starts playback: the cursor moves on by itself.
    const cursorAfterApply = await app.cursor();
    await expect.poll(() => app.cursor(), { timeout: 10_000 }).toBeGreaterThan(cursorAfterApply);
    await app.toEnd();
    expect(await app.eventCount()).toBeGreaterThan(eventsBefore);
    const apiPods = (await app.podPlacements()).filter(([, p]) => /^default\/api-[a-z0-9]+-[a-z0-9]{5}$/.test(p));
    expect(apiPods).toHaveLength(2);
    for (const [node, pod] of apiPods) {
      expect(['node-1', 'node-2']).toContain(node);
      await expect(app.node(node).locator(`[data-testid="pod"][data-pod="${pod}"]`)).toBeVisible();
    }
    await app.shot(testInfo, 'scheduling-api-deployment.png');
  });

  test('a Pending pod explains why it waits: Insufficient cpu', async ({ page }, testInfo) => {
    const app = new AppPage(page);
    await openWithHugePodSelected(app);
    // The scheduler's FailedScheduling message, as upstream words it (framework Diagnosis).
    await expect(app.explanation).toContainText('Insufficient cpu');
    await app.shot(testInfo, 'inspector-explanation.png');
  });

  test('a Pending pod explanation names the plugin that rejected each node', async ({ page }) => {
    // From the failed attempt's decision record: TaintToleration rejected the control plane,
    // NodeResourcesFit the two workers (Insufficient cpu).
    const app = new AppPage(page);
    await openWithHugePodSelected(app);
    await expect(app.explanation).toContainText('NodeResourcesFit', { timeout: 2_000 });
    await expect(app.explanation).toContainText('TaintToleration', { timeout: 2_000 });
  });
});

/** Opens the default scene plus a pod requesting 64 CPUs, and clicks it in the unscheduled lane. */
async function openWithHugePodSelected(app: AppPage) {
  const editor = new EditorPage(app.page);
  await app.open();
  await editor.ready();
  await editor.setValue((await editor.value()) + HUGE_POD);
  await app.apply();
  await app.toEnd();
  expect((await app.podsByNode())['']).toContain('default/huge');
  const chip = app.unscheduledLane.locator('[data-testid="pod"][data-pod="default/huge"]');
  await expect(chip).toBeVisible();
  await chip.click();
  expect(await app.selected()).toBe('Pod/default/huge');
  await expect(app.inspector).toBeVisible();
}
