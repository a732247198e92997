// Measures text with the fonts the graph cards use (canvas.css), so the layout reserves the
// width the browser will really draw — system fonts differ a lot (DejaVu Sans is ~15% wider
// than Segoe UI), and an estimate would either clip text or waste space.
import type { MeasureText, TextStyle } from '../../viewmodel/layout';

let cached: MeasureText | undefined;

export function browserMeasure(): MeasureText | undefined {
  if (cached) return cached;
  if (typeof document === 'undefined') return undefined;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return undefined;
  const css = getComputedStyle(document.documentElement);
  const sans = css.getPropertyValue('--font').trim() || 'system-ui, sans-serif';
  const mono = css.getPropertyValue('--mono').trim() || 'monospace';
  const fonts: Record<TextStyle, string> = {
    sans: `400 14px ${sans}`,
    sansBold: `600 14px ${sans}`,
    label: `700 16px ${mono}`,
    mono: `400 14px ${mono}`,
  };
  const memo = new Map<string, number>();
  cached = (text, style) => {
    const key = `${style}\u0000${text}`;
    let width = memo.get(key);
    if (width === undefined) {
      ctx.font = fonts[style];
      width = Math.ceil(ctx.measureText(text).width);
      memo.set(key, width);
    }
    return width;
  };
  return cached;
}
