import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';
import { cleanYamlMessage } from './yamlText';

/** The classic billion-laughs document: ten levels, each alias list nine times the one before. */
function billionLaughs(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let previous = 'a';
  for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
    lines.push(`  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    previous = name;
  }
  return `${lines.join('\n')}\n`;
}

describe('parseManifests: YAML problems', () => {
  it('reports a syntax error in the yaml package words, at its line and column', () => {
    const r = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [web\n', { file: 'p.yaml' });
    expect(r.documents).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ file: 'p.yaml', document: 0, severity: 'error', code: 'yaml-syntax', line: 5, column: 1 });
    expect(r.diagnostics[0].message).toMatch(/^[A-Z].*\.$/);
  });

  it('cleans position suffixes and code frames out of yaml messages', () => {
    expect(cleanYamlMessage('Implicit keys need to be on a single line at line 3, column 1:\n\nfoo\n^^^\n')).toBe(
      'Implicit keys need to be on a single line.',
    );
  });

  it('names a duplicate key and the line of its first occurrence', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: etcd
spec:
  selector:
    name: etcd
  replicas: 1
  selector:
    name: other
`;
    const r = parseManifests(text);
    expect(r.documents).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        document: 0,
        line: 9,
        column: 3,
        severity: 'error',
        code: 'duplicate-key',
        message: 'mapping key "selector" already defined at line 6 (in spec).',
      },
    ]);
  });

  it('refuses a key that is itself a mapping, as an unrendered {{ template }} makes', () => {
    const r = parseManifests('apiVersion: v1\nkind: ReplicationController\nmetadata: {name: x}\nspec:\n  replicas: {{replicas}}\n');
    expect(r.diagnostics).toMatchObject([{ code: 'yaml-syntax', severity: 'error', line: 5, column: 14 }]);
    expect(r.diagnostics[0].message).toContain('spec.replicas');
  });

  it('stops a billion-laughs document quickly with an alias-limit error at the first alias', () => {
    const text = `${billionLaughs()}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: after}\n`;
    const r = parseManifests(text);
    expect(r.diagnostics).toMatchObject([{ code: 'alias-limit', severity: 'error', document: 0, line: 6, column: 10 }]);
    expect(r.diagnostics[0].message).toContain('excessive aliasing');
    // The next document still loads.
    expect(r.documents.map((d) => d.object.metadata.name)).toEqual(['after']);
  });

  it('stops wide alias reuse that the yaml package lets through, by counting the copies', () => {
    // One anchor of 2000 items used 2000 times: no nested aliases, but four million values.
    const items = Array.from({ length: 2000 }, (_, i) => i).join(',');
    const uses = Array(2000).fill('*big').join(',');
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\nbig: &big [${items}]\ncopies: [${uses}]\n`;
    const r = parseManifests(text);
    expect(r.diagnostics).toMatchObject([{ code: 'alias-limit' }]);
  });

  it('refuses an alias that contains itself', () => {
    const r = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nloop: &x [*x]\n');
    expect(r.diagnostics).toMatchObject([{ code: 'alias-limit', line: 4, column: 11 }]);
  });

  it('refuses text over the size limit before parsing, with a clear message', () => {
    const r = parseManifests('a'.repeat(101), { maxBytes: 100 });
    expect(r).toEqual({
      documents: [],
      configDocuments: [],
      diagnostics: [
        {
          document: 0,
          line: 1,
          column: 1,
          severity: 'error',
          code: 'too-large',
          message: 'The text is larger than 0 MiB, the most Kubeglass reads at a time; split it into smaller files.',
        },
      ],
    });
  });

  it('counts the size limit in UTF-8 bytes, not characters', () => {
    // 40 characters of 3 bytes each: 120 bytes.
    expect(parseManifests('€'.repeat(40), { maxBytes: 100 }).diagnostics[0].code).toBe('too-large');
    expect(parseManifests(`# ${'€'.repeat(30)}`, { maxBytes: 100 }).diagnostics).toEqual([]);
  });

  it('defaults the size limit to 5 MiB', () => {
    const big = `# ${'x'.repeat(5 * 1024 * 1024)}`;
    expect(parseManifests(big).diagnostics[0].message).toContain('5 MiB');
  });
});
