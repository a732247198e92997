// Page object for the kubectl console in the bottom panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class ConsolePage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('kubectl-console');
  }

  get input(): Locator {
    return this.page.getByTestId('kubectl-input');
  }

  get output(): Locator {
    return this.root.locator('pre');
  }

  async show() {
    await this.page.getByTestId('tab-console').click();
    await expect(this.root).toBeVisible();
  }

  /** Types a command (without "kubectl") and presses Enter; returns the text it added. */
  async run(command: string): Promise<string> {
    const before = (await this.output.textContent()) ?? '';
    await this.input.fill(command);
    await this.input.press('Enter');
    await expect(this.output).toContainText(`$ kubectl ${command}`);
    const after = (await this.output.textContent()) ?? '';
    const added = after.slice(before.length);
    return added.slice(added.indexOf('\n') + 1);
  }
}
