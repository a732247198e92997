// kubectl's plain-text table layout: cells joined by tabs and aligned by the printers' tabwriter
// (cli-runtime/pkg/printers/tabwriter.go: minwidth 6, padding 3, padchar ' '), so a column is
// its widest cell plus three spaces (at least six wide) and the last column is not padded.
import { PRINTER_TABWRITER, TabWriter } from './tabwriter';

/** Tab-separated lines for a header and rows (no trailing newline). */
export function tableText(header: string[] | null, rows: string[][]): string {
  return [...(header ? [header] : []), ...rows].map((r) => r.join('\t')).join('\n');
}

export function formatTable(header: string[], rows: string[][], writer = new TabWriter(PRINTER_TABWRITER)): string {
  return writer.write(tableText(header, rows) + '\n').flush().replace(/\n$/, '');
}
