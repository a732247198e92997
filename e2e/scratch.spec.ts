import { test } from '@playwright/test';
import { AppPage } from './pages/appPage';
import { EditorPage } from './pages/editorPage';
test('scratch', async ({ page }) => {
  const app = new AppPage(page);
  const editor = new EditorPage(page);
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 300)));
  page.on('worker', (w) => console.log('WORKER', w.url()));
  await app.open();
  await editor.ready();
  await editor.replace('  replicas: 3', '  replicaz: 3');
  await page.waitForTimeout(5000);
  console.log(JSON.stringify(await editor.markers()));
  await editor.replace('kind: Deployment', 'kind: Deployment\nfoo: 1');
  await page.waitForTimeout(4000);
  console.log(JSON.stringify(await editor.markers()));
  console.log(await editor.squiggles.count());
});
