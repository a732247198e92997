import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('pageerror', e => console.log('PAGEERROR', e.stack.split('\n').slice(0,4).join('\n')));
page.on('console', m => m.type() === 'error' && console.log('CONSOLE', m.text().slice(0, 300)));
await page.goto(process.argv[2]);
await page.waitForTimeout(Number(process.argv[4] ?? 8000));
await page.screenshot({ path: process.argv[3] ?? '/tmp/s2.png' });
await browser.close();
