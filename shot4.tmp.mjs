import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('pageerror', e => console.log('PAGEERROR', e.stack.split('\n').slice(0,3).join('\n')));
page.on('console', m => m.type() === 'error' && console.log('CONSOLE', m.text().slice(0, 300)));
await page.goto(process.argv[2]);
await page.waitForFunction(() => Boolean(window.__kubeglass));
await page.evaluate(() => window.__kubeglass.toEnd());
await page.waitForTimeout(1500);
for (const v of (process.argv[3] ?? 'cluster').split(',')) {
  await page.click(`[data-testid="view-${v}"]`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/view-${v}.png` });
}
await browser.close();
