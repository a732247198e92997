// Page object for the canvas context menu (right-click or ContextMenu/Shift+F10 on an object)
// and the toast that reports an action's result.
import { expect, type Locator, type Page } from '@playwright/test';

export class ContextMenuPage {
  constructor(readonly page: Page) {}

  get menu(): Locator {
    return this.page.getByTestId('context-menu');
  }

  /** An entry by its id: inspect, scale, trace, or an engine action id (kill, cordon, delete…). */
  item(id: string): Locator {
    return this.page.getByTestId(`menu-${id}`);
  }

  get items(): Locator {
    return this.menu.getByRole('menuitem');
  }

  get toast(): Locator {
    return this.page.getByTestId('action-toast');
  }

  get scaleInput(): Locator {
    return this.page.getByTestId('menu-scale-input');
  }

  /** Right-clicks `target` (at `position` inside it, else its centre) and waits for the menu. */
  async openOn(target: Locator, position?: { x: number; y: number }) {
    await target.click({ button: 'right', position });
    await expect(this.menu).toBeVisible();
  }

  /** Opens the menu with the keyboard for the selected object. */
  async openWithKey(key: 'ContextMenu' | 'Shift+F10' = 'Shift+F10') {
    await this.page.keyboard.press(key);
    await expect(this.menu).toBeVisible();
  }

  async choose(id: string) {
    await this.item(id).click();
    await expect(this.menu).toBeHidden();
  }

  /** The id of the menu item that has keyboard focus. */
  focusedItem(): Promise<string | undefined> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid')?.replace(/^menu-/, '') ?? undefined);
  }

  async box() {
    const box = await this.menu.boundingBox();
    if (!box) throw new Error('context menu is not on screen');
    return box;
  }
}
