import { describe, expect, it } from 'vitest';
import { appendEntries, applyCompletion, browseHistory, MAX_ENTRIES, pushHistory, type HistoryState } from './consoleModel';

describe('console model', () => {
  it('walks history up and back down to the line being typed', () => {
    let h: HistoryState = { items: [], index: null, draft: '' };
    h = pushHistory(pushHistory(h, 'get pods'), 'get svc');
    let r = browseHistory(h, -1, 'get no');
    expect(r.line).toBe('get svc');
    r = browseHistory(r.state, -1, r.line);
    expect(r.line).toBe('get pods');
    r = browseHistory(r.state, -1, r.line);
    expect(r.line).toBe('get pods');
    r = browseHistory(r.state, 1, r.line);
    r = browseHistory(r.state, 1, r.line);
    expect(r.line).toBe('get no');
  });

  it('does not repeat the same line twice in a row', () => {
    const h = pushHistory(pushHistory({ items: [], index: null, draft: '' }, 'get pods'), 'get pods');
    expect(h.items).toEqual(['get pods']);
  });

  it('completes a single candidate with a trailing space, and stops at / or =', () => {
    expect(applyCompletion('get po', { from: 4, to: 6, candidates: ['pods'] }).line).toBe('get pods ');
    expect(applyCompletion('logs dep', { from: 5, to: 8, candidates: ['deploy/'] }).line).toBe('logs deploy/');
  });

  it('extends to the common prefix, or lists candidates when it cannot', () => {
    expect(applyCompletion('get d', { from: 4, to: 5, candidates: ['deploy', 'deployments'] }).line).toBe('get deploy');
    expect(applyCompletion('de', { from: 0, to: 2, candidates: ['delete', 'describe'] })).toEqual({ line: 'de', list: ['delete', 'describe'] });
  });

  it('keeps the transcript bounded', () => {
    const many = Array.from({ length: MAX_ENTRIES + 10 }, (_, i) => ({ id: i, kind: 'out' as const, text: `${i}\n` }));
    const list = appendEntries([], many);
    expect(list).toHaveLength(MAX_ENTRIES);
    expect(list[0].id).toBe(10);
  });
});
