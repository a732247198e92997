// Parsing for the tiny sh subset (see shell.ts): a tokenizer that honours quotes and
// redirections, and a recursive-descent parser for lists, and-or chains, pipelines, loops,
// `if` and groups, following the POSIX shell grammar's shape.

export type Token = { t: 'word'; v: string; quoted: boolean } | { t: 'op'; v: string };

export type Node =
  | { k: 'simple'; argv: Token[]; redirect?: { path: string; append: boolean } }
  | { k: 'seq'; items: Node[] }
  | { k: 'and'; a: Node; b: Node }
  | { k: 'or'; a: Node; b: Node }
  | { k: 'pipe'; items: Node[] }
  | { k: 'while'; until: boolean; cond: Node; body: Node }
  | { k: 'for'; name: string; words: Token[]; body: Node }
  | { k: 'if'; cond: Node; then: Node; else?: Node }
  | { k: 'group'; body: Node };

const OPS = ['&&', '||', ';;', ';', '|', '&', '\n', '(', ')'];

/** Splits a script into words and operators, honouring single and double quotes. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op === ';;' ? ';' : op });
      i += op.length;
      continue;
    }
    if (c === '>' || (c === '2' && src[i + 1] === '>') || (c === '1' && src[i + 1] === '>')) {
      let j = i + (c === '>' ? 0 : 1);
      let v = '>';
      j++;
      if (src[j] === '>') {
        v = '>>';
        j++;
      }
      if (src[j] === '&') {
        // 2>&1 and friends: output goes to the same log either way.
        j++;
        while (j < src.length && /\d/.test(src[j])) j++;
        i = j;
        continue;
      }
      out.push({ t: 'op', v: c === '2' ? `2${v}` : v });
      i = j;
      continue;
    }
    let word = '';
    let quoted = false;
    while (i < src.length) {
      const d = src[i];
      if (d === "'") {
        quoted = true;
        const end = src.indexOf("'", i + 1);
        word += src.slice(i + 1, end === -1 ? src.length : end);
        i = end === -1 ? src.length : end + 1;
      } else if (d === '"') {
        quoted = true;
        let j = i + 1;
        while (j < src.length && src[j] !== '"') {
          if (src[j] === '\\' && j + 1 < src.length) {
            word += src[j + 1];
            j += 2;
          } else word += src[j++];
        }
        i = j + 1;
      } else if (d === '\\' && i + 1 < src.length) {
        word += src[i + 1];
        i += 2;
      } else if (/[\s;&|()<>]/.test(d)) {
        break;
      } else {
        word += d;
        i++;
      }
    }
    out.push({ t: 'word', v: word, quoted });
  }
  return out;
}

export class Parser {
  private i = 0;
  constructor(private toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && !t.quoted && t.v === v;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }
  private skipSeparators(): void {
    while (this.isOp(';') || this.isOp('\n') || this.isOp('&')) this.i++;
  }
  private expectWord(v: string): void {
    this.skipSeparators();
    if (!this.isWord(v)) throw new Error(`syntax error: expected "${v}"`);
    this.i++;
  }

  parseList(stop: string[] = []): Node {
    const items: Node[] = [];
    for (;;) {
      this.skipSeparators();
      const t = this.peek();
      if (!t || (t.t === 'word' && !t.quoted && stop.includes(t.v)) || (t.t === 'op' && (t.v === ')' || stop.includes(t.v)))) break;
      items.push(this.parseAndOr());
    }
    return items.length === 1 ? items[0] : { k: 'seq', items };
  }

  private parseAndOr(): Node {
    let node = this.parsePipe();
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.toks[this.i++] as { v: string }).v;
      while (this.isOp('\n')) this.i++;
      const rhs = this.parsePipe();
      node = op === '&&' ? { k: 'and', a: node, b: rhs } : { k: 'or', a: node, b: rhs };
    }
    return node;
  }

  private parsePipe(): Node {
    const items = [this.parseCommand()];
    while (this.isOp('|')) {
      this.i++;
      items.push(this.parseCommand());
    }
    return items.length === 1 ? items[0] : { k: 'pipe', items };
  }

  private parseCommand(): Node {
    if (this.isWord('while') || this.isWord('until')) {
      const until = this.isWord('until');
      this.i++;
      const cond = this.parseList(['do']);
      this.expectWord('do');
      const body = this.parseList(['done']);
      this.expectWord('done');
      return { k: 'while', until, cond, body };
    }
    if (this.isWord('for')) {
      this.i++;
      const name = (this.toks[this.i++] as { v: string }).v;
      const words: Token[] = [];
      if (this.isWord('in')) {
        this.i++;
        while (this.peek()?.t === 'word') words.push(this.toks[this.i++]);
      }
      this.expectWord('do');
      const body = this.parseList(['done']);
      this.expectWord('done');
      return { k: 'for', name, words, body };
    }
    if (this.isWord('if')) {
      this.i++;
      const cond = this.parseList(['then']);
      this.expectWord('then');
      const then = this.parseList(['else', 'fi', 'elif']);
      let elseNode: Node | undefined;
      this.skipSeparators();
      if (this.isWord('elif')) {
        // elif is `else if ... fi` sharing the closing fi.
        (this.toks[this.i] as { v: string }).v = 'if';
        elseNode = this.parseCommand();
        return { k: 'if', cond, then, else: elseNode };
      }
      if (this.isWord('else')) {
        this.i++;
        elseNode = this.parseList(['fi']);
      }
      this.expectWord('fi');
      return { k: 'if', cond, then, else: elseNode };
    }
    if (this.isWord('{')) {
      this.i++;
      const body = this.parseList(['}']);
      this.expectWord('}');
      return { k: 'group', body };
    }
    if (this.isOp('(')) {
      this.i++;
      const body = this.parseList();
      if (!this.isOp(')')) throw new Error('syntax error: expected ")"');
      this.i++;
      return { k: 'group', body };
    }
    const argv: Token[] = [];
    let redirect: { path: string; append: boolean } | undefined;
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.t === 'op' && (t.v === '>' || t.v === '>>' || t.v === '2>' || t.v === '2>>')) {
        this.i++;
        const target = this.toks[this.i++];
        if (target?.t === 'word' && !t.v.startsWith('2')) redirect = { path: target.v, append: t.v === '>>' };
        continue;
      }
      if (t.t !== 'word') break;
      argv.push(t);
      this.i++;
    }
    return { k: 'simple', argv, redirect };
  }
}

