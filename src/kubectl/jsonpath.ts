// A subset of kubectl's JSONPath (k8s.io/client-go/util/jsonpath), enough for the templates
// people type: literal text, `{.a.b}`, `{.items[0].x}`, `{.items[*].x}`, `{['key.with.dots']}`,
// `{range .items[*]}...{end}`, string literals `{"\n"}` and `{.a[-1]}`. Results of one
// expression are joined by spaces; maps and lists print as JSON, as upstream does.
// Not supported (an error says so): filters `[?(@.x=="y")]`, unions `[a,b]`, slices with steps,
// recursive descent `..`.

type Step = { field: string } | { index: number } | { wildcard: true };
type Node = { text: string } | { path: Step[] } | { range: Step[]; body: Node[] };

export class JsonPathError extends Error {}

function parsePath(expr: string): Step[] {
  const steps: Step[] = [];
  let s = expr.trim();
  if (s.startsWith('$')) s = s.slice(1);
  let i = 0;
  while (i < s.length) {
    if (s[i] === '.') {
      if (s[i + 1] === '.') throw new JsonPathError('recursive descent (..) is not supported in Kubeglass');
      i++;
      let j = i;
      while (j < s.length && /[^.[\]]/.test(s[j])) j++;
      const f = s.slice(i, j);
      if (f === '*') steps.push({ wildcard: true });
      else if (f) steps.push({ field: f });
      i = j;
    } else if (s[i] === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) throw new JsonPathError(`unterminated array`);
      const inner = s.slice(i + 1, close).trim();
      if (inner === '*') steps.push({ wildcard: true });
      else if (/^-?\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if (/^'.*'$/.test(inner) || /^".*"$/.test(inner)) steps.push({ field: inner.slice(1, -1) });
      else throw new JsonPathError(`[${inner}] is not supported in Kubeglass's JSONPath subset`);
      i = close + 1;
    } else if (s[i] === '@') {
      i++;
    } else {
      let j = i;
      while (j < s.length && /[^.[\]]/.test(s[j])) j++;
      steps.push({ field: s.slice(i, j) });
      i = j;
    }
  }
  return steps;
}

export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ text: template.slice(i, open) });
    const close = findClose(template, open);
    const expr = template.slice(open + 1, close).trim();
    i = close + 1;
    if (/^".*"$/s.test(expr)) {
      stack[stack.length - 1].push({ text: JSON.parse(expr) as string });
    } else if (expr.startsWith('range ')) {
      const node: Node = { range: parsePath(expr.slice(6)), body: [] };
      stack[stack.length - 1].push(node);
      stack.push(node.body);
    } else if (expr === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else {
      stack[stack.length - 1].push({ path: parsePath(expr) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed action');
  return root;
}

function findClose(s: string, open: number): number {
  let inStr = false;
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (inStr) {
      if (c === '\\') j++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '}') return j;
  }
  throw new JsonPathError('unclosed action');
}

function walk(values: unknown[], steps: Step[]): unknown[] {
  let cur = values;
  for (const st of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (v === null || v === undefined) continue;
      if ('field' in st) {
        if (typeof v === 'object' && !Array.isArray(v) && st.field in (v as object)) next.push((v as Record<string, unknown>)[st.field]);
      } else if ('index' in st) {
        if (Array.isArray(v)) {
          const idx = st.index < 0 ? v.length + st.index : st.index;
          if (idx >= 0 && idx < v.length) next.push(v[idx]);
          else throw new JsonPathError(`array index out of bounds: index ${st.index}, length ${v.length}`);
        }
      } else if (Array.isArray(v)) next.push(...v);
      else if (typeof v === 'object') next.push(...Object.values(v as object));
    }
    cur = next;
  }
  return cur;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function run(nodes: Node[], data: unknown): string {
  let out = '';
  for (const n of nodes) {
    if ('text' in n) out += n.text;
    else if ('path' in n) {
      const vals = walk([data], n.path);
      out += vals.map(show).join(' ');
    } else {
      for (const item of walk([data], n.range)) out += run(n.body, item);
    }
  }
  return out;
}

/** Evaluates a kubectl JSONPath template against an object (or a List of them). */
export function evalJsonPath(template: string, data: unknown): string {
  return run(parseTemplate(template), data);
}

/** The value(s) of one path, for custom-columns. */
export function evalPath(path: string, data: unknown): unknown[] {
  return walk([data], parsePath(path.replace(/^\{|\}$/g, '')));
}
