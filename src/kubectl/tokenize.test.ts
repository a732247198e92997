import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quoteWord, tokenizeLine } from './tokenize';

const texts = (line: string) => tokenizeLine(line).words.map((w) => w.text);

describe('tokenizeLine', () => {
  it.each([
    ['get pods -n kube-system', ['get', 'pods', '-n', 'kube-system']],
    ["get pods -o jsonpath='{.items[*].metadata.name}'", ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']],
    ['annotate pod web note="hello world"', ['annotate', 'pod', 'web', 'note=hello world']],
    ['label pod web a=b\\ c', ['label', 'pod', 'web', 'a=b c']],
    ['exec web -- sh -c "echo \\"hi\\""', ['exec', 'web', '--', 'sh', '-c', 'echo "hi"']],
    ["get pod ''", ['get', 'pod', '']],
    ['   ', []],
  ])('splits %j like a POSIX shell', (line, words) => {
    expect(texts(line)).toEqual(words);
  });

  it('reports an unterminated quote', () => {
    expect(tokenizeLine("get 'pods").error).toMatch(/unexpected EOF/);
    expect(tokenizeLine('get "pods').error).toMatch(/unexpected EOF/);
  });

  it('records where each word starts and ends', () => {
    const [a, b] = tokenizeLine('get  "my pod"').words;
    expect([a.start, a.end, b.start, b.end]).toEqual([0, 3, 5, 13]);
  });

  it('gives back any list of words joined with quoteWord (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', "'", '"', '\\', '$', '=', '-', '/', '{', '}', '\t', '.', '*') })), (words) => {
        const line = words.map(quoteWord).join(' ');
        expect(texts(line)).toEqual(words);
      }),
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = tokenizeLine(s);
      for (const w of r.words) expect(w.end).toBeGreaterThan(w.start);
    }));
  });
});
