import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';

test('? lists the keyboard shortcuts; keys do not drive the timeline while the list is open', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  await app.toEnd();
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeHidden();

  await page.locator('body').press('?');
  await expect(help).toBeVisible();
  await expect(help.getByRole('dialog')).toContainText('Keyboard shortcuts');
  await expect(help.locator('kbd')).toHaveCount(8);
  await app.shot(testInfo, 'shortcuts-help.png');

  // ArrowLeft would step the timeline back; with the list open it does nothing.
  const cursor = await app.cursor();
  await page.keyboard.press('ArrowLeft');
  expect(await app.cursor()).toBe(cursor);

  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.locator('body').press('ArrowLeft');
  await expect.poll(() => app.cursor()).toBe(cursor - 1);

  // The toolbar button opens it too, and the close button closes it.
  await page.getByTestId('open-help').click();
  await expect(help).toBeVisible();
  await page.getByTestId('shortcuts-close').click();
  await expect(help).toBeHidden();
});
