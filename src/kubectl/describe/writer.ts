// describe.go's PrefixWriter over a tabwriter (minwidth 0, padding 2): each level indents by two
// spaces, tabs separate aligned cells, Flush ends the alignment blocks written so far.
import { DESCRIBE_TABWRITER, TabWriter } from '../tabwriter';

export class DescribeWriter {
  private tw = new TabWriter(DESCRIBE_TABWRITER);
  private done = '';

  /** Writes text at an indentation level (LEVEL_0 = no indent, LEVEL_1 = two spaces, ...). */
  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text);
  }

  /** PrefixWriter.WriteLine: the text and a newline, no indent. */
  line(text: string): void {
    this.tw.write(`${text}\n`);
  }

  flush(): void {
    this.done += this.tw.flush();
  }

  text(): string {
    this.flush();
    return this.done;
  }
}

/** printLabelsMultilineWithIndent: `Title:\tk=v` then further pairs under the first, sorted; `<none>` when empty. */
export function labelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', skip: Set<string> = new Set()): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).filter((k) => !skip.has(k)).sort();
  if (!keys.length) {
    w.line('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printAnnotationsMultiline: long or multi-line values go on their own indented lines, shortened to 138 chars. */
export function annotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort();
  if (!keys.length) {
    w.line('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i) w.write(0, '\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
        w.write(0, `\t  ${short}\n`);
      }
    } else w.write(0, `${k}: ${value}\n`);
  });
}

interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

/** printTolerationsMultilineWithIndent, sorted by key. */
export function tolerationsMultiline(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (!list.length) {
    w.line('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i) w.write(0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** printTaintsMultilineWithIndent: sorted by "effect,key"; Taint.ToString is key[=value]:effect. */
export function taintsMultiline(w: DescribeWriter, title: string, taints: { key: string; value?: string; effect: string }[] | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (!list.length) {
    w.line('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i) w.write(0, '\t');
    w.write(0, `${taintString(t)}\n`);
  });
}

export function taintString(t: { key: string; value?: string; effect: string }): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;
}
