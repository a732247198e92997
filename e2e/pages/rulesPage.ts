// Page object for the Rules view: a node's kube-proxy rules and the packet tracer.
import { expect, type Locator, type Page } from '@playwright/test';

export class RulesPage {
  constructor(readonly page: Page) {}

  get node(): Locator {
    return this.page.getByTestId('rules-node');
  }

  get raw(): Locator {
    return this.page.getByTestId('rules-raw');
  }

  get from(): Locator {
    return this.page.getByTestId('trace-from');
  }

  get to(): Locator {
    return this.page.getByTestId('trace-to');
  }

  get hops(): Locator {
    return this.page.getByTestId('trace-hops');
  }

  get iptablesSave(): Locator {
    return this.page.getByTestId('iptables-save');
  }

  get tracedLines(): Locator {
    return this.iptablesSave.locator('.traced');
  }

  /** Hops whose rule sits in a chain whose name starts with `prefix`. */
  hopsInChain(prefix: string): Locator {
    return this.hops.locator(`li[data-chain^="${prefix}"]`);
  }

  /** Traces from a pod ("ns/name") to the option of trace-to whose label contains `service` ("ns/name"). */
  async trace(fromPod: string, service: string) {
    await this.from.selectOption(fromPod);
    const option = this.to.locator('option', { hasText: `${service} (` });
    const value = await option.getAttribute('value');
    if (!value) throw new Error(`no trace target for ${service}`);
    await this.to.selectOption(value);
    await this.page.getByTestId('trace-run').click();
    await expect(this.hops).toBeVisible();
    return value;
  }
}
