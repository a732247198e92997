// Page object for the Monaco manifest editor (lazy-loaded). Reads and writes go through the
// editor instance the app puts on window.__kubeglassEditor; markers are read as the decorations
// Monaco draws for them (squiggly-error / squiggly-warning), which is what a person sees.
import { expect, type Locator, type Page } from '@playwright/test';

export interface EditorMarker {
  line: number;
  className: string;
  message: string;
}

interface EditorLike {
  getValue(): string;
  setValue(text: string): void;
  getModel(): {
    getAllDecorations(): { range: { startLineNumber: number }; options: { className?: string | null; hoverMessage?: unknown } }[];
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
        .map((d) => {
          const hover = d.options.hoverMessage as { value?: string } | { value?: string }[] | undefined;
          const message = Array.isArray(hover) ? hover.map((h) => h.value ?? '').join('\n') : (hover?.value ?? '');
          return { line: d.range.startLineNumber, className: d.options.className ?? '', message };
        });
    });
  }

  /** Squiggles drawn on screen (only lines in the viewport are rendered). */
  get squiggles(): Locator {
    return this.root.locator('.squiggly-error, .squiggly-warning');
  }

  async expectMarkerOnLine(line: number, pattern: RegExp, timeout = 15_000) {
    await expect.poll(async () => (await this.markers()).filter((m) => m.line === line && pattern.test(m.message)).length, { timeout }).toBeGreaterThan(0);
  }
}
