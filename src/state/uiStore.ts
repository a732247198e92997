// UI state that is not the simulation: which view, what is selected, panel sizes, theme,
// playback. Serialisable, so a later share link can carry it.
import { createStore } from 'zustand/vanilla';

export type ViewName = 'cluster' | 'workloads' | 'services' | 'controlplane' | 'rules' | 'network' | 'policies' | 'storage';

export interface UiState {
  view: ViewName;
  /** `Kind/namespace/name` (or `Kind/name` for cluster-scoped kinds). */
  selected?: string;
  /** Where the selection came from: the editor cursor needs no highlight of its own lines. */
  selectedFromEditor: boolean;
  theme: 'light' | 'dark';
  editorOpen: boolean;
  inspectorOpen: boolean;
  bottomOpen: boolean;
  editorWidth: number;
  inspectorWidth: number;
  bottomHeight: number;
  playing: boolean;
  bottomTab: 'log' | 'console';
  /** Events per second at 1x. */
  speed: number;
  /** The keyboard shortcuts overlay is open. */
  helpOpen: boolean;
  /** A packet trace asked for outside the Rules view (the context menu): the tracer runs it. */
  traceRequest?: { from: string; to?: string };
  setView(view: ViewName): void;
  /** Selects an object; the inspector opens unless `openInspector` is false (editor cursor moves). */
  select(key?: string, openInspector?: boolean): void;
  set(partial: Partial<Omit<UiState, 'set' | 'select' | 'setView'>>): void;
}

export function createUiStore() {
  const storedTheme = typeof localStorage !== 'undefined' ? localStorage.getItem('kubeglass.theme') : null;
  return createStore<UiState>()((set) => ({
    view: 'cluster',
    theme: storedTheme === 'dark' ? 'dark' : 'light',
    editorOpen: true,
    // Opens when something is selected: the canvas gets the room until then.
    inspectorOpen: false,
    bottomOpen: true,
    editorWidth: 380,
    inspectorWidth: 320,
    bottomHeight: 220,
    playing: true,
    bottomTab: 'log',
    speed: 1,
    helpOpen: false,
    setView: (view) => set({ view }),
    selectedFromEditor: false,
    select: (selected, openInspector = true) => set(openInspector ? { selected, inspectorOpen: true, selectedFromEditor: false } : { selected, selectedFromEditor: true }),
    set: (partial) => set(partial),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
