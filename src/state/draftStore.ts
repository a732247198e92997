// The editor's text, autosaved to localStorage so a reload never loses it. Kept apart from the
// applied scene: a draft may be broken YAML while the last good scene stays on screen.
import { createStore } from 'zustand/vanilla';

const KEY = 'kubeglass.draft.v1';

export interface DraftState {
  text: string;
  setText(text: string): void;
}

export function loadDraft(fallback: string): string {
  try {
    return localStorage.getItem(KEY) ?? fallback;
  } catch {
    return fallback;
  }
}

export function createDraftStore(initial: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return createStore<DraftState>()((set) => ({
    text: initial,
    setText(text) {
      set({ text });
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          localStorage.setItem(KEY, text);
        } catch {
          // Storage full or blocked: the text stays in memory; nothing else to do.
        }
      }, 300);
    },
  }));
}

export type DraftStore = ReturnType<typeof createDraftStore>;
