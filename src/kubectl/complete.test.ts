import { describe, expect, it } from 'vitest';
import { complete } from './complete';
import { ctxOf, webApp } from './testing/builders';

const ctx = ctxOf(webApp(), 0);
const cands = (line: string) => complete(line, ctx).candidates;

describe('tab completion', () => {
  it('completes command names', () => {
    expect(cands('de')).toEqual(['delete', 'describe']);
    expect(cands('kubectl rol')).toEqual(['rollout']);
  });

  it('completes resource types, then names of that type in the namespace', () => {
    expect(cands('get dep')).toEqual(['deploy', 'deployments']);
    expect(cands('get pods web-7d4b9c8f5-a')).toEqual(['web-7d4b9c8f5-a1b2c']);
    expect(cands('describe svc ')).toEqual(['web']);
    expect(cands('get svc -n kube-system ')).toEqual(['kube-dns']);
  });

  it('completes TYPE/NAME words', () => {
    expect(cands('logs deploy/')).toEqual(['deploy/web']);
  });

  it('completes subcommands, flags and flag values', () => {
    expect(cands('rollout ')).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(cands('get pods --all-')).toEqual(['--all-namespaces']);
    expect(cands('get pods -o ')).toContain('wide');
    expect(cands('get pods -n ')).toEqual(['default', 'kube-system']);
  });

  it('completes node names for node commands and ssh', () => {
    expect(cands('cordon node')).toEqual(['node-1', 'node-2']);
    expect(cands('ssh node-1 ip ')).toEqual(['addr', 'neigh', 'route']);
  });

  it('replaces exactly the word under completion', () => {
    const c = complete('get pods web', ctx);
    expect([c.from, c.to]).toEqual([9, 12]);
  });
});
