// kubectl in the console changes the cluster the canvas shows: scale and a rolling update.
import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';
import { ConsolePage } from './pages/consolePage';

const webPods = (placements: [string, string][]) => placements.filter(([, p]) => p.startsWith('default/web-'));
/** "default/web-<rs hash>-<5 chars>" -> the pod-template-hash the ReplicaSet name carries. */
const templateHash = (pod: string) => /^default\/web-([a-z0-9]+)-[a-z0-9]{5}$/.exec(pod)?.[1];

test.describe('kubectl console', () => {
  test('scale deployment web --replicas=5 makes five web pods', async ({ page }, testInfo) => {
    const app = new AppPage(page);
    const kubectl = new ConsolePage(page);
    await app.open();
    await app.toEnd();
    expect(webPods(await app.podPlacements())).toHaveLength(3);
    await kubectl.show();
    expect(await kubectl.run('scale deployment web --replicas=5')).toContain('deployment.apps/web scaled');
    await app.toEnd();
    const pods = webPods(await app.podPlacements());
    expect(pods).toHaveLength(5);
    for (const [node] of pods) expect(['node-1', 'node-2']).toContain(node);
    expect(await kubectl.run('get deployment web')).toMatch(/web\s+5\/5\s+5\s+5/);
    await app.shot(testInfo, 'console.png');
  });

  test('set image rolls the Deployment onto a new ReplicaSet', async ({ page }, testInfo) => {
    const app = new AppPage(page);
    const kubectl = new ConsolePage(page);
    await app.open();
    await app.toEnd();
    const oldHashes = new Set(webPods(await app.podPlacements()).map(([, p]) => templateHash(p)));
    expect(oldHashes.size).toBe(1);
    await kubectl.show();
    expect(await kubectl.run('set image deployment/web nginx=nginx:1.28')).toContain('deployment.apps/web image updated');

    // Mid-rollout: step the timeline until pods of the old and the new ReplicaSet run side by
    // side; the Workloads view then shows both ReplicaSets.
    await app.showView('workloads');
    let mixed = false;
    for (let i = 0; i < 150 && !mixed; i++) {
      const hashes = new Set(webPods(await app.podPlacements()).map(([, p]) => templateHash(p)));
      mixed = hashes.size >= 2 && [...hashes].some((h) => oldHashes.has(h));
      if (!mixed) await page.getByTestId('step-forward').click();
    }
    expect(mixed).toBe(true);
    await expect(page.locator('[data-testid="graph-node"][data-ref^="ReplicaSet/default/web-"]')).toHaveCount(2);
    await app.shot(testInfo, 'workloads-rollout.png');

    await app.toEnd();
    const pods = webPods(await app.podPlacements());
    expect(pods).toHaveLength(3);
    const newHashes = [...new Set(pods.map(([, p]) => templateHash(p)))];
    expect(newHashes).toHaveLength(1);
    expect(newHashes[0]).toBeDefined();
    expect(oldHashes.has(newHashes[0])).toBe(false);
    await expect(app.graphNode(`ReplicaSet/default/web-${newHashes[0]}`)).toBeVisible();
    expect(await kubectl.run('rollout status deployment/web')).toContain('successfully rolled out');
  });
});
