import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, PRINTER_TABWRITER, TabWriter, tabwrite } from './tabwriter';

describe('tabwriter (go text/tabwriter)', () => {
  // go/src/text/tabwriter/example_test.go ExampleWriter_Init: minwidth 5, padding 1.
  it('pads each column to its widest cell plus padding, at least minwidth', () => {
    const text = tabwrite('a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n', { minwidth: 5, padding: 1 });
    expect(text).toBe('a    b     c       d         .\n123  12345 1234567 123456789 .\n');
  });

  it('never pads or widens by the text after the last tab of a line', () => {
    expect(tabwrite('Name:\tweb\nNamespace:\tdefault-with-a-long-name\n', DESCRIBE_TABWRITER)).toBe('Name:       web\nNamespace:  default-with-a-long-name\n');
  });

  it('ends a column block at a line without that column', () => {
    const text = tabwrite('Name:\tx\nContainers:\n  nginx-container-name:\tfoo\n', DESCRIBE_TABWRITER);
    expect(text).toBe('Name:  x\nContainers:\n  nginx-container-name:  foo\n');
  });

  it('pads a cell followed by empty text (kubectl describe leaves trailing spaces)', () => {
    expect(tabwrite('IP:\t\nName:\tweb\n', DESCRIBE_TABWRITER)).toBe('IP:    \nName:  web\n');
  });

  it('keeps widths across flushes with RememberWidths, as kubectl get -w rows do', () => {
    const w = new TabWriter(PRINTER_TABWRITER);
    const first = w.write('NAME\tSTATUS\tAGE\nweb-1\tContainerCreating\t0s\n').flush();
    const second = w.write('web-1\tRunning\t2s\n').flush();
    expect(first).toBe('NAME    STATUS              AGE\nweb-1   ContainerCreating   0s\n');
    expect(second).toBe('web-1   Running             2s\n');
  });

  it('gives printer columns a minimum width of six', () => {
    expect(tabwrite('A\tB\n1\t2\n', PRINTER_TABWRITER)).toBe('A     B\n1     2\n');
  });
});
