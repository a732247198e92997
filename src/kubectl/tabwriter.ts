// Go's text/tabwriter (elastic tabstops), which every kubectl table and `describe` goes through:
// a cell is text terminated by a tab; a column block is a run of consecutive lines that all
// have a cell in that column; each block is as wide as its widest cell plus padding (at least
// minwidth). The text after a line's last tab is not a cell and never widens a column, and a
// line without tabs ends every block. Follows go/src/text/tabwriter/tabwriter.go (format,
// writeLines) and github.com/liggitt/tabwriter's RememberWidths, which kubectl's printers use so
// that `get -w` rows keep the widths of the table printed before them.

export interface TabWriterOptions {
  minwidth: number;
  padding: number;
  /** liggitt/tabwriter RememberWidths: columns never shrink below widths seen in earlier flushes. */
  rememberWidths?: boolean;
}

/** cli-runtime/pkg/printers/tabwriter.go GetNewTabWriter: minwidth 6, padding 3, RememberWidths. */
export const PRINTER_TABWRITER: TabWriterOptions = { minwidth: 6, padding: 3, rememberWidths: true };
/** kubectl/pkg/describe/describe.go tabbedString (and rollout history): minwidth 0, padding 2. */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, padding: 2 };

const width = (s: string) => [...s].length;

export class TabWriter {
  private buffer = '';
  private remembered: number[] = [];

  constructor(private readonly opts: TabWriterOptions) {}

  write(text: string): this {
    this.buffer += text;
    return this;
  }

  /** Formats everything written since the last flush and returns it. */
  flush(): string {
    const text = this.buffer;
    this.buffer = '';
    if (text === '') return '';
    const endsWithNewline = text.endsWith('\n');
    const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
    const out: string[] = [];
    this.format(lines, 0, lines.length, [], out);
    return out.join('\n') + (endsWithNewline ? '\n' : '');
  }

  private format(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      // A block for this column starts at line i: print the lines before it with known widths.
      this.writeLines(lines, start, i, widths, out);
      start = i;
      let w = this.opts.minwidth;
      for (; i < line1; i++) {
        if (column >= lines[i].length - 1) break;
        w = Math.max(w, width(lines[i][column]) + this.opts.padding);
      }
      if (this.opts.rememberWidths) {
        w = Math.max(w, this.remembered[column] ?? 0);
        this.remembered[column] = w;
      }
      this.format(lines, start, i, [...widths, w], out);
      start = i;
      i--; // the outer loop's i++ lands on the first line after the block
    }
    this.writeLines(lines, start, line1, widths, out);
  }

  private writeLines(lines: string[][], from: number, to: number, widths: number[], out: string[]): void {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let text = '';
      cells.forEach((cell, j) => {
        text += cell;
        if (j < widths.length && j < cells.length - 1) text += ' '.repeat(Math.max(0, widths[j] - width(cell)));
      });
      out.push(text);
    }
  }
}

/** Formats tab-separated text in one go. */
export function tabwrite(text: string, opts: TabWriterOptions): string {
  return new TabWriter(opts).write(text).flush();
}
