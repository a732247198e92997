// Page object for the Kubeglass app: what a person looks at, and the test API on window.
import type { Page, Locator } from '@playwright/test';

export class AppPage {
  constructor(readonly page: Page) {}

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

  podsByNode(): Promise<Record<string, string[]>> {
    return this.page.evaluate(() => window.__kubeglass!.podsByNode());
  }

  nodeNames(): Promise<string[]> {
    return this.page.evaluate(() => window.__kubeglass!.nodeNames());
  }
}
