import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from './locales/en/common.json';
import zh from './locales/zh/common.json';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(tsx?)$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('interface translations', () => {
  it('has the same keys in English and Simplified Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('translates every key into Chinese (no empty strings, not just the English text)', () => {
    const same = Object.entries(zh).filter(([k, v]) => !v || (v === (en as Record<string, string>)[k] && /[a-z]{4,}/.test(v) && !/^[{}\w.:/ -]+$/.test(v)));
    expect(same.map(([k]) => k)).toEqual([]);
  });

  it('defines every literal key the UI passes to t()', () => {
    const root = new URL('..', import.meta.url).pathname;
    const used = new Set<string>();
    for (const file of [...sourceFiles(join(root, 'ui')), ...sourceFiles(join(root, 'viewmodel'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[\w.]+)'/g)) used.add(m[1]);
      for (const m of readFileSync(file, 'utf8').matchAll(/\bkey: '([a-zA-Z]+\.[\w.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !(k in en) && !Object.keys(en).some((e) => e.startsWith(`${k}_`)));
    expect(missing).toEqual([]);
  });
});
