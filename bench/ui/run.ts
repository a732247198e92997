// npm run bench:ui — the app's figures in headless Chromium (issue 6), against `vite preview` of
// the production build in dist/ (built first when missing; `-- --build` forces a rebuild).
// Prints one line per measurement and a final JSON line, like `npm run bench`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { Simulation } from '../../src/engine';
import { Reporter, median, quantile, round } from '../measure';
import { summarise } from '../profileSummary';
import { initialJs, jsBeforeFirstScene } from './bundleSize';
import { fiftyObjects, twentyNodesTwoHundredPods } from './manifests';

// `-- --profile`: an unminified build (function names kept) in a temp dir, and a CPU profile of
// the 200-pod playback, summarised by function.
const PROFILE = process.argv.includes('--profile');
const PROFILE_DIR = '/tmp/kubeglass-bench-profile';
const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = PROFILE ? '/tmp/kubeglass-bench-profile/dist' : `${ROOT}dist`;
const PORT = 4183;
const BASE = `http://127.0.0.1:${PORT}/`;
const CHROMIUM = process.env.KUBEGLASS_CHROMIUM || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const VIEWPORT = { width: 1280, height: 720 };

const reporter = new Reporter();

function build(): void {
  const extra = PROFILE ? ['--minify', 'false', '--outDir', DIST, '--emptyOutDir'] : [];
  const r = spawnSync(process.execPath, [`${ROOT}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn', ...extra], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status})`);
}

async function startPreview(): Promise<ChildProcess> {
  // vite's own binary (not npx), so killing this pid stops the server.
  const args = ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', ...(PROFILE ? ['--outDir', DIST] : [])];
  const child = spawn(process.execPath, [`${ROOT}node_modules/vite/bin/vite.js`, ...args], { cwd: ROOT, stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(BASE)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${BASE}`);
}

/**
 * Navigation start to the first frame after a `[data-testid="node"]` with a box is in the DOM
 * (cold: a new browser context each time). Also: the first frame with the canvas (the app shell
 * is up), and the timeline cursor when the first node showed (playback starts at event 0, so
 * nodes appear only once playback reaches the first Node event).
 */
// In-page scripts are plain strings: tsx (esbuild keepNames) wraps named functions in a
// `__name(...)` helper that does not exist in the page.
const FIRST_RENDER_PROBE = `(() => {
  const first = (window.__kbFirst = {});
  const seen = (selector, key) => {
    if (key in first || (key + 'Pending') in first) return;
    const el = document.querySelector(selector);
    if (!el) return;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    first[key + 'Pending'] = 1;
    requestAnimationFrame(() => {
      first[key] = performance.now();
      if (key === 'node') first.cursor = window.__kubeglass ? window.__kubeglass.cursor() : -1;
    });
  };
  const mo = new MutationObserver(() => {
    seen('[data-testid="canvas"]', 'canvas');
    seen('[data-testid="node"]', 'node');
    if ('nodePending' in first) mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

async function firstRender(browser: Browser, runs: number): Promise<void> {
  const nodeMs: number[] = [];
  const canvasMs: number[] = [];
  const cursors: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.addInitScript({ content: FIRST_RENDER_PROBE });
    await page.goto(BASE);
    await page.waitForFunction(() => (window as unknown as { __kbFirst: Record<string, number> }).__kbFirst.node !== undefined, undefined, { timeout: 90_000 });
    const first = await page.evaluate(() => (window as unknown as { __kbFirst: Record<string, number> }).__kbFirst);
    nodeMs.push(first.node);
    canvasMs.push(first.canvas);
    cursors.push(first.cursor);
    await context.close();
  }
  reporter.add({
    name: 'ui.first-render-default-scene',
    n: runs,
    medianMs: round(median(nodeMs)),
    minMs: round(Math.min(...nodeMs)),
    maxMs: round(Math.max(...nodeMs)),
    canvasMedianMs: round(median(canvasMs)),
    cursorAtFirstNode: median(cursors),
    targetMs: 1500,
  });
}

async function openWithEditor(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(BASE);
  await page.waitForFunction(() => Boolean(window.__kubeglass && (window as unknown as { __kubeglassEditor?: unknown }).__kubeglassEditor), undefined, { timeout: 60_000 });
  return { page, close: () => context.close() };
}

async function setEditorText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    (window as unknown as { __kubeglassEditor: { setValue(v: string): void } }).__kubeglassEditor.setValue(t);
  }, text);
}

/**
 * Click Apply (from page script, so the clock starts right before the click) and time: the click
 * handler's return (parse, diff, engine apply + settle, store update — all synchronous), the
 * first change of the timeline DOM (its event count grows with the applied writes), and the frame
 * after it. Not the canvas: playback starts at the apply's first event, so the canvas changes only
 * when playback reaches the first new pod (seconds later), and redraws nothing before.
 */
async function timeApply(page: Page): Promise<{ handlerMs: number; domMs: number; frameMs: number }> {
  return page.evaluate(
    () =>
      new Promise<{ handlerMs: number; domMs: number; frameMs: number }>((resolve, reject) => {
        const timeline = document.querySelector('[data-testid="timeline"]')!;
        let t0 = 0;
        let handlerMs = 0;
        const timer = setTimeout(() => reject(new Error('timeline did not change within 30 s of Apply')), 30_000);
        const mo = new MutationObserver(() => {
          mo.disconnect();
          const domMs = performance.now() - t0;
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve({ handlerMs, domMs, frameMs: performance.now() - t0 });
          });
        });
        mo.observe(timeline, { childList: true, subtree: true, attributes: true, characterData: true });
        t0 = performance.now();
        (document.querySelector('[data-testid="apply"]') as HTMLButtonElement).click();
        handlerMs = performance.now() - t0;
      }),
  );
}

async function applyToFrame(browser: Browser, runs: number): Promise<void> {
  const samples: { handlerMs: number; domMs: number; frameMs: number }[] = [];
  const text = fiftyObjects();
  for (let i = 0; i < runs; i++) {
    const { page, close } = await openWithEditor(browser);
    await page.evaluate(() => window.__kubeglass!.toEnd()); // a still canvas before the click
    await setEditorText(page, text);
    await page.waitForTimeout(300); // draft store and markers catch up
    samples.push(await timeApply(page));
    await close();
  }
  const frames = samples.map((s) => s.frameMs);
  const mid = samples[frames.indexOf(quantile(frames, 0.5))];
  reporter.add({ name: 'ui.apply-50-objects-to-frame', n: runs, medianMs: round(median(frames)), handlerMs: round(mid.handlerMs), domChangeMs: round(mid.domMs), minMs: round(Math.min(...frames)), targetMs: 150 });
}

interface FrameProbe { deltas: number[]; cursorStart: number; cursorEnd: number; events: number; pods: number; nodes: number }
const FRAME_PROBE = `new Promise((resolve) => {
  const api = window.__kubeglass;
  const cursorStart = api.cursor();
  const deltas = [];
  let last = performance.now();
  const end = last + 5000;
  const tick = (t) => {
    deltas.push(t - last);
    last = t;
    if (t < end) requestAnimationFrame(tick);
    else resolve({ deltas, cursorStart, cursorEnd: api.cursor(), events: api.eventCount(),
      pods: document.querySelectorAll('[data-testid="pod"]').length, nodes: document.querySelectorAll('[data-testid="node"]').length });
  };
  requestAnimationFrame(tick);
})`;

/** The event index at which the manifest's last default-namespace pod has been created (same seed as the app: 1). */
function indexWithAllPods(text: string): number {
  const sim = Simulation.load([{ name: 'manifest.yaml', text }], { seed: 1 });
  sim.run({ until: 600_000 });
  const events = sim.events();
  const total = (sim.snapshot().objects.Pod ?? []).filter((p) => p.metadata.namespace === 'default').length;
  let created = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.kind === 'Pod' && e.type === 'ADDED' && e.namespace === 'default' && ++created === total) return i;
  }
  return events.length - 1;
}

async function ensurePlaying(page: Page): Promise<void> {
  const label = (await page.getByTestId('play').getAttribute('aria-label')) ?? '';
  if (!/pause/i.test(label)) await page.getByTestId('play').click();
}

/**
 * rAF deltas for 5 s while the 20-node x 200-pod scene plays at 1x: once right after Apply
 * (playback starts at the apply's first event, so few pods are on screen yet), and once from
 * the event where all 200 pods exist (scrubber), so every pod is drawn while it animates.
 */
async function framesWhilePlaying(browser: Browser): Promise<void> {
  const text = twentyNodesTwoHundredPods();
  const allPodsAt = indexWithAllPods(text);
  const { page, close } = await openWithEditor(browser);
  await page.evaluate(() => window.__kubeglass!.toEnd());
  await setEditorText(page, text);
  await page.waitForTimeout(300);
  const apply = await timeApply(page);
  await page.waitForFunction(() => window.__kubeglass!.nodeNames().length === 20, undefined, { timeout: 60_000 });
  await ensurePlaying(page);
  const report = (name: string, r: FrameProbe, extra: Record<string, number | string> = {}) => {
    const d = r.deltas.slice(1); // the first delta spans the evaluate call
    reporter.add({
      name,
      n: d.length,
      p50Ms: round(quantile(d, 0.5), 1),
      p95Ms: round(quantile(d, 0.95), 1),
      p99Ms: round(quantile(d, 0.99), 1),
      maxMs: round(Math.max(...d)),
      over50Ms: d.filter((x) => x > 50).length,
      eventsPlayed: r.cursorEnd - r.cursorStart,
      cursor: `${r.cursorStart}->${r.cursorEnd}`,
      podsInDom: r.pods,
      nodesInDom: r.nodes,
      ...extra,
      targetP95Ms: 25,
    });
  };
  report('ui.frames-20x200-after-apply', (await page.evaluate(FRAME_PROBE)) as FrameProbe, { applyFrameMs: round(apply.frameMs), applyHandlerMs: round(apply.handlerMs) });
  await page.getByTestId('scrubber').fill(String(allPodsAt));
  await page.waitForTimeout(500);
  await ensurePlaying(page);
  const cdp = PROFILE ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  if (PROFILE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  report('ui.frames-20-nodes-200-pods', (await page.evaluate(FRAME_PROBE)) as FrameProbe);
  if (PROFILE) {
    const trace = await browser.stopTracing();
    writeFileSync(`${PROFILE_DIR}/frames-20x200.trace.json`, trace);
    console.log(traceBreakdown(JSON.parse(trace.toString('utf8'))).join('\n'));
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`${PROFILE_DIR}/frames-20x200.cpuprofile`, JSON.stringify(profile));
    console.log(summarise(profile as never, 30).join('\n'));
  }
  await close();
}

interface TraceEvent { name: string; ph: string; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } }

/**
 * CPU time per trace event name on the renderer's main thread (nested events counted in their own
 * right; thread time, so other processes on a busy machine do not inflate it), and per playback
 * step (one TimerFire each): script, style, layout, pre-paint, paint.
 */
function traceBreakdown(trace: { traceEvents: TraceEvent[] }): string[] {
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map<string, { ms: number; count: number }>();
  for (const e of trace.traceEvents) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    const cur = byName.get(e.name) ?? { ms: 0, count: 0 };
    cur.ms += (e.tdur ?? e.dur) / 1000;
    cur.count++;
    byName.set(e.name, cur);
  }
  const steps = byName.get('TimerFire')?.count || 1;
  const perStep = ['TimerFire', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'].map((k) => `${k}=${((byName.get(k)?.ms ?? 0) / steps).toFixed(1)}`).join('  ');
  return [
    '-- renderer main thread CPU, by trace event (ms, count) --',
    ...[...byName.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20).map(([k, v]) => `${v.ms.toFixed(0).padStart(7)}ms  ${String(v.count).padStart(5)}  ${k}`),
    `per playback step (${steps} steps, ms; Paint counts nested paints twice): ${perStep}`,
  ];
}

async function main(): Promise<void> {
  if (PROFILE) mkdirSync(PROFILE_DIR, { recursive: true });
  if (PROFILE || process.argv.includes('--build') || !existsSync(`${DIST}/index.html`)) build();
  const js = initialJs(DIST);
  reporter.add({
    name: 'ui.initial-js',
    chunks: js.chunks.map((c) => `${c.file}:${round(c.gzipBytes / 1024, 1)}`).join(','),
    rawKiB: round(js.totalBytes / 1024, 1),
    gzipKiB: round(js.totalGzipBytes / 1024, 1),
    allJsGzipKiB: round(js.allJsGzipBytes / 1024, 1),
    targetGzipKiB: 250,
  });
  // The engine is its own chunk, requested by the entry at startup: the shell paints without it,
  // the default scene cannot. Both figures are reported.
  const firstScene = jsBeforeFirstScene(DIST);
  reporter.add({
    name: 'ui.js-before-first-scene',
    engineChunk: firstScene.engineChunk,
    chunks: firstScene.chunks.map((c) => `${c.file}:${round(c.gzipBytes / 1024, 1)}`).join(','),
    rawKiB: round(firstScene.totalBytes / 1024, 1),
    gzipKiB: round(firstScene.totalGzipBytes / 1024, 1),
  });

  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    if (!PROFILE) {
      await firstRender(browser, 5);
      await applyToFrame(browser, 3);
    }
    await framesWhilePlaying(browser);
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(reporter.json());
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
