// Page object for the Monaco manifest editor (lazy-loaded). Reads and writes go through the
// editor instance the app puts on window.__kubeglassEditor; markers are read as the decorations
// Monaco draws for them (squiggly-error / squiggly-warning), which is what a person sees.
import { expect, type Locator, type Page } from '@playwright/test';

export interface EditorMarker {
  line: number;
  /** squiggly-error, squiggly-warning or squiggly-info */
  className: string;
}

interface EditorLike {
  getValue(): string;
  focus(): void;
  setPosition(pos: { lineNumber: number; column: number }): void;
  revealLineInCenter(line: number): void;
  trigger(source: string, handlerId: string, payload: unknown): void;
  setValue(text: string): void;
  getModel(): {
    getAllDecorations(): { range: { startLineNumber: number }; options: { className?: string | null } }[];
    getLinesContent(): string[];
  } | null;
}

declare global {
  interface Window {
    __kubeglassEditor?: unknown;
  }
}

export class EditorPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('editor');
  }

  /** Waits for the lazy Monaco chunk to load and create the editor. */
  async ready() {
    await this.page.waitForFunction(() => Boolean(window.__kubeglassEditor), undefined, { timeout: 20_000 });
  }

  value(): Promise<string> {
    return this.page.evaluate(() => (window.__kubeglassEditor as EditorLike).getValue());
  }

  async setValue(text: string) {
    await this.page.evaluate((t) => (window.__kubeglassEditor as EditorLike).setValue(t), text);
  }

  /** Replaces the first occurrence of `from` (a whole-text search) with `to`. */
  async replace(from: string, to: string) {
    const text = await this.value();
    if (!text.includes(from)) throw new Error(`editor text has no ${JSON.stringify(from)}`);
    await this.setValue(text.replace(from, to));
  }

  /** 1-based line number of the first line containing `needle`. */
  async lineOf(needle: string): Promise<number> {
    const lines = (await this.value()).split('\n');
    const i = lines.findIndex((l) => l.includes(needle));
    if (i < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
    return i + 1;
  }

  /** The marker decorations on the model (both monaco-yaml's and the engine's). */
  markers(): Promise<EditorMarker[]> {
    return this.page.evaluate(() => {
      const model = (window.__kubeglassEditor as EditorLike).getModel();
      if (!model) return [];
      return model
        .getAllDecorations()
        .filter((d) => /squiggly-(error|warning|info)/.test(d.options.className ?? ''))
        .map((d) => ({ line: d.range.startLineNumber, className: d.options.className ?? '' }));
    });
  }

  /** Squiggles drawn on screen (only lines in the viewport are rendered). */
  get squiggles(): Locator {
    return this.root.locator('.squiggly-error, .squiggly-warning');
  }

  /** Waits until a marker decoration (squiggle) sits on `line`. */
  async expectMarkerOnLine(line: number, timeout = 15_000) {
    await expect.poll(async () => (await this.markers()).some((m) => m.line === line), { timeout, message: `a marker on line ${line}` }).toBe(true);
  }

  /**
   * The hover a person gets on `line` (Monaco's marker decorations carry no message; the hover
   * shows the markers' messages). Moves the cursor there and runs "Show Hover".
   */
  async hoverText(line: number, column = 3): Promise<string> {
    await this.page.evaluate(
      ({ line, column }) => {
        const ed = window.__kubeglassEditor as EditorLike;
        ed.focus();
        ed.revealLineInCenter(line);
        ed.setPosition({ lineNumber: line, column });
        ed.trigger('e2e', 'editor.action.showHover', {});
      },
      { line, column },
    );
    const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).first();
    await expect(hover).toBeVisible();
    return (await hover.innerText()).trim();
  }
}
