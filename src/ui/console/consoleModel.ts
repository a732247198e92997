// The console's pure parts: history navigation, applying a completion to the input line, and
// keeping the transcript bounded. The React component only wires these to keys and the store.
import type { Completion } from '../../kubectl';

export interface Entry {
  id: number;
  kind: 'command' | 'out' | 'err' | 'note';
  text: string;
}

export const MAX_ENTRIES = 1500;

/** Appends entries, dropping the oldest beyond MAX_ENTRIES. */
export function appendEntries(list: readonly Entry[], more: Entry[]): Entry[] {
  const next = [...list, ...more];
  return next.length > MAX_ENTRIES ? next.slice(next.length - MAX_ENTRIES) : next;
}

export interface HistoryState {
  items: string[];
  /** Position while browsing; null when editing a new line. */
  index: number | null;
  /** The line being typed before browsing started. */
  draft: string;
}

export function pushHistory(h: HistoryState, line: string): HistoryState {
  const items = line.trim() && h.items[h.items.length - 1] !== line ? [...h.items, line].slice(-500) : h.items;
  return { items, index: null, draft: '' };
}

/** Up (-1) or down (+1) through the history; returns the new state and the line to show. */
export function browseHistory(h: HistoryState, dir: -1 | 1, current: string): { state: HistoryState; line: string } {
  if (!h.items.length) return { state: h, line: current };
  if (h.index === null) {
    if (dir === 1) return { state: h, line: current };
    const index = h.items.length - 1;
    return { state: { ...h, index, draft: current }, line: h.items[index] };
  }
  const index = h.index + dir;
  if (index < 0) return { state: { ...h, index: 0 }, line: h.items[0] };
  if (index >= h.items.length) return { state: { ...h, index: null }, line: h.draft };
  return { state: { ...h, index }, line: h.items[index] };
}

function commonPrefix(words: string[]): string {
  if (!words.length) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/**
 * What Tab does with a completion, as bash does: one candidate replaces the word (and adds a
 * space unless it ends in `/` or `=`); several extend the word to their common prefix, or are
 * listed when that adds nothing.
 */
export function applyCompletion(line: string, c: Completion): { line: string; list: string[] } {
  if (!c.candidates.length) return { line, list: [] };
  const word = line.slice(c.from, c.to);
  if (c.candidates.length === 1) {
    const cand = c.candidates[0];
    const suffix = /[/=]$/.test(cand) ? '' : ' ';
    return { line: line.slice(0, c.from) + cand + suffix + line.slice(c.to), list: [] };
  }
  const prefix = commonPrefix(c.candidates);
  if (prefix.length > word.length) return { line: line.slice(0, c.from) + prefix + line.slice(c.to), list: [] };
  return { line, list: c.candidates };
}

/** Lays candidates out in columns like bash's completion listing. */
export function columns(words: string[], width = 100): string {
  const w = Math.max(...words.map((x) => x.length)) + 2;
  const per = Math.max(1, Math.floor(width / w));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += per) rows.push(words.slice(i, i + per).map((x) => x.padEnd(w)).join('').trimEnd());
  return rows.join('\n');
}
