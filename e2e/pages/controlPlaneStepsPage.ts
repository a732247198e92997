// Page object for the numbered causal steps beside the Control plane graph.
import type { Locator, Page } from '@playwright/test';
import type { AppPage } from './appPage';

export class ControlPlaneStepsPage {
  constructor(readonly page: Page) {}

  /** Opens the app at the last event of the default scene, on the control-plane view with its step list shown. */
  async openAtEnd(app: AppPage) {
    await app.open();
    await app.toEnd();
    await app.showView('controlplane');
    await this.ready();
  }

  /** Waits for the view's chunk (it is loaded lazily, with the graph layout engine) to show the list. */
  async ready() {
    await this.panel.waitFor({ state: 'visible', timeout: 30_000 });
  }

  get panel(): Locator {
    return this.page.getByTestId('causal-steps');
  }

  get steps(): Locator {
    return this.panel.getByTestId('causal-step');
  }

  step(n: number): Locator {
    return this.panel.locator(`[data-testid="causal-step"][data-step="${n}"]`);
  }

  /** The step(s) the timeline cursor is in. */
  get current(): Locator {
    return this.panel.locator('[data-testid="causal-step"][aria-current="step"]');
  }

  get root(): Locator {
    return this.panel.getByTestId('causal-root');
  }

  get notes(): Locator {
    return this.panel.getByTestId('causal-notes');
  }

  /** Whether a step can be clicked to move the timeline (the view was given a seek callback). */
  async seekable(): Promise<boolean> {
    return (await this.panel.getAttribute('data-seekable')) === 'true';
  }

  /** The control plane graph's edge path for a link (`link:cp:kube-scheduler`, `etcd`). */
  edge(id: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id="${id}"] path.gedge`);
  }

  /** Moves the timeline cursor to an event index with the scrubber (this also pauses playback). */
  async seek(index: number) {
    await this.page.getByTestId('scrubber').fill(String(index));
  }

  async actions(): Promise<string[]> {
    return this.steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
  }
}
