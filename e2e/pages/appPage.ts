// Page object for the Kubeglass app: what a person looks at, and the test API on window.
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, type Page, type Locator, type TestInfo } from '@playwright/test';

export type ViewName = 'cluster' | 'workloads' | 'services' | 'controlplane' | 'rules' | 'network' | 'policies' | 'storage';

/** Where screenshots are copied too, so a person can look at them after the run. */
export const SHOTS_DIR = '/tmp/e2e-shots';

export class AppPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && this.errors.push(m.text()));
  }

  async open(path = './') {
    await this.page.goto(path);
    await this.page.waitForFunction(() => Boolean(window.__kubeglass));
  }

  node(name: string): Locator {
    return this.page.locator(`[data-testid="node"][data-node="${name}"]`);
  }

  pod(namespaceName: string): Locator {
    return this.page.locator(`[data-testid="pod"][data-pod="${namespaceName}"]`);
  }

  get unscheduledLane(): Locator {
    return this.page.getByTestId('unscheduled-lane');
  }

  get canvas(): Locator {
    return this.page.getByTestId('canvas');
  }

  /** The canvas's line while the engine chunk loads (or failed to); gone once the scene is up. */
  get engineStatus(): Locator {
    return this.page.getByTestId('engine-status');
  }

  /**
   * Holds back the engine chunk (state/engineLoader.ts) until the returned `release` is called,
   * or fails its request when `fail` is set: the app shell shows what it shows while it loads.
   */
  async holdEngine({ fail = false } = {}): Promise<{ release: () => void }> {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    await this.page.route(/\/assets\/engine-[^/]+\.js$/, async (route) => {
      if (fail) return route.abort();
      await gate;
      await route.continue();
    });
    return { release: () => release() };
  }

  get inspector(): Locator {
    return this.page.getByTestId('inspector');
  }

  get explanation(): Locator {
    return this.page.getByTestId('explanation');
  }

  graphNode(ref: string): Locator {
    return this.page.locator(`[data-testid="graph-node"][data-ref="${ref}"]`);
  }

  get graphNodes(): Locator {
    return this.page.getByTestId('graph-node');
  }

  async showView(view: ViewName) {
    await this.page.getByTestId(`view-${view}`).click();
    await expect(this.canvas).toHaveAttribute('data-view', view);
  }

  /** Presses Apply; the engine loads the draft and playback starts from the new events. */
  async apply() {
    await this.page.getByTestId('apply').click();
  }

  podsByNode(): Promise<Record<string, string[]>> {
    return this.page.evaluate(() => window.__kubeglass!.podsByNode());
  }

  /** Pods on a node (the unscheduled ones under ''), as a flat list of [node, "ns/name"]. */
  async podPlacements(): Promise<[string, string][]> {
    const byNode = await this.podsByNode();
    return Object.entries(byNode).flatMap(([node, pods]) => pods.map((p): [string, string] => [node, p]));
  }

  nodeNames(): Promise<string[]> {
    return this.page.evaluate(() => window.__kubeglass!.nodeNames());
  }

  eventCount(): Promise<number> {
    return this.page.evaluate(() => window.__kubeglass!.eventCount());
  }

  cursor(): Promise<number> {
    return this.page.evaluate(() => window.__kubeglass!.cursor());
  }

  selected(): Promise<string | undefined> {
    return this.page.evaluate(() => window.__kubeglass!.selected());
  }

  diagnostics(): Promise<{ line: number; message: string; severity: string }[]> {
    return this.page.evaluate(() => window.__kubeglass!.diagnostics());
  }

  /** Jumps the timeline to the last event (and stops playback). */
  async toEnd() {
    await this.page.evaluate(() => window.__kubeglass!.toEnd());
  }

  /** Saves a screenshot of the page in the test's output dir and copies it to SHOTS_DIR. */
  async shot(testInfo: TestInfo, name: string): Promise<string> {
    const path = testInfo.outputPath(name);
    await this.page.screenshot({ path });
    mkdirSync(SHOTS_DIR, { recursive: true });
    copyFileSync(path, `${SHOTS_DIR}/${basename(path)}`);
    return path;
  }
}
