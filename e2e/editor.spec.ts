// The manifest editor: schema validation from monaco-yaml, engine diagnostics as markers, and
// the draft surviving a reload.
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
    await editor.expectMarkerOnLine(line);
    await expect(editor.squiggles.first()).toBeVisible();
    // yaml-language-server words additionalProperties as "Property replicaz is not allowed."
    expect(await editor.hoverText(line)).toMatch(/replicaz/);
    await app.shot(testInfo, 'editor-schema-marker.png');
  });

  test('the ClusterConfig kind validates against its own schema: no marker when right, one on a wrong field', async ({ page }) => {
    const app = new AppPage(page);
    const editor = new EditorPage(page);
    await app.open();
    await editor.ready();
    const config = ['apiVersion: kubeglass.dev/v1alpha1', 'kind: ClusterConfig', 'spec:', '  nodes: 4', '  cni: flannel', '---'].join('\n');
    await editor.setValue(`${config}\n${await editor.value()}`);
    // A wrong field is marked (so validation did run on this document)...
    await editor.replace('  cni: flannel', '  cnii: flannel');
    const line = await editor.lineOf('cnii');
    await editor.expectMarkerOnLine(line);
    expect(await editor.hoverText(line)).toMatch(/cnii/);
    // ...and once it is right, none of the ClusterConfig's lines is.
    await editor.replace('  cnii: flannel', '  cni: flannel');
    await expect.poll(async () => (await editor.markers()).filter((m) => m.line <= 5), { timeout: 15_000 }).toEqual([]);
  });

  test('a YAML syntax error keeps the last scene and marks the right line', async ({ page }, testInfo) => {
    const app = new AppPage(page);
    const editor = new EditorPage(page);
    await app.open();
    await editor.ready();
    await app.toEnd();
    const before = await app.podPlacements();
    expect(before.map(([, p]) => p)).toEqual(expect.arrayContaining([expect.stringMatching(/^default\/web-/)]));
    // A plain scalar cannot hold ": " inside a block mapping: the yaml parser rejects this line.
    await editor.replace('image: nginx:1.27', 'image: nginx: 1.27');
    const line = await editor.lineOf('image: nginx: 1.27');
    const column = (await editor.value()).split('\n')[line - 1].indexOf('nginx: 1.27') + 2;
    await app.apply();
    await expect.poll(() => app.diagnostics()).not.toEqual([]);
    const diags = await app.diagnostics();
    expect(diags[0]).toMatchObject({ line, severity: 'error' });
    await editor.expectMarkerOnLine(line);
    // The scene on screen is the last good one.
    await app.toEnd();
    expect(await app.podPlacements()).toEqual(before);
    for (const [, pod] of before) await expect(app.pod(pod)).toBeVisible();
    expect(await editor.hoverText(line, column)).toContain(diags[0].message.split('\n')[0]);
    await app.shot(testInfo, 'editor-syntax-error.png');
  });

  test('reload restores the edited text', async ({ page }) => {
    const app = new AppPage(page);
    const editor = new EditorPage(page);
    await app.open();
    await editor.ready();
    await editor.replace('image: nginx:1.27', 'image: nginx:1.27-reload-check');
    await page.waitForTimeout(500); // the draft autosaves 300 ms after the last change
    await page.reload();
    await editor.ready();
    expect(await editor.value()).toContain('image: nginx:1.27-reload-check');
  });
});
