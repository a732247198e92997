import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';
import { EditorPage } from './pages/editorPage';

test.describe('manifest editor', () => {
  test('an unknown field in the Deployment gets a monaco-yaml schema marker', async ({ page }, testInfo) => {
    const app = new AppPage(page);
    const editor = new EditorPage(page);
    await app.open();
    await editor.ready();
    await editor.replace('  replicas: 3', '  replicaz: 3');
    const line = await editor.lineOf('replicaz');
    // monaco-yaml (yaml-language-server) reports additionalProperties as 'Property replicaz is not allowed.'
    await editor.expectMarkerOnLine(line, /replicaz/i);
    await expect(editor.squiggles.first()).toBeVisible();
    await app.shot(testInfo, 'editor-schema-marker.png');
    console.log(JSON.stringify(await editor.markers()));
  });

  test('a YAML syntax error keeps the last scene and marks the right line', async ({ page }, testInfo) => {
    const app = new AppPage(page);
    const editor = new EditorPage(page);
    await app.open();
    await editor.ready();
    await app.toEnd();
    const before = await app.podPlacements();
    expect(before.length).toBeGreaterThan(0);
    // An unclosed flow sequence on the image line.
    await editor.replace('image: nginx:1.27', 'image: [nginx:1.27');
    const line = await editor.lineOf('image: [nginx');
    await app.apply();
    await expect.poll(() => app.diagnostics()).not.toEqual([]);
    const diags = await app.diagnostics();
    console.log(JSON.stringify(diags), line);
    console.log(JSON.stringify(await editor.markers()));
    await app.shot(testInfo, 'editor-syntax-error.png');
  });
});
