// kubectl's plain-text table layout (cli-runtime printers/tablewriter: tabwriter with
// minwidth 0, tabwidth 8, padding 3, padchar ' '): columns padded to the widest cell plus three
// spaces, the last column not padded.

export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : (cell ?? '').padEnd(widths[i] + 3))).join(''))
    .join('\n');
}
