// A small API on window for end-to-end tests to read the engine's state without scraping the
// screen (STYLE.md: a test API on window for state assertions). It appears once the engine chunk
// has loaded and booted the scene, so waiting for `window.__kubeglass` (AppPage.open) waits for
// the simulation, not just for the app shell.
import type { SimulationStore } from './simulationStore';
import type { UiStore } from './uiStore';

export interface KubeglassTestApi {
  podsByNode(): Record<string, string[]>;
  nodeNames(): string[];
  eventCount(): number;
  diagnostics(): { line: number; message: string; severity: string }[];
  /** Jumps the timeline to the newest event and stops playback. */
  toEnd(): void;
  cursor(): number;
  selected(): string | undefined;
}

declare global {
  interface Window {
    __kubeglass?: KubeglassTestApi;
  }
}

export function installTestApi(store: SimulationStore, ui: UiStore): void {
  if (store.getState().status === 'ready') {
    publish(store, ui);
    return;
  }
  const unsubscribe = store.subscribe((s) => {
    if (s.status !== 'ready') return;
    unsubscribe();
    publish(store, ui);
  });
}

function publish(store: SimulationStore, ui: UiStore): void {
  window.__kubeglass = {
    podsByNode() {
      const out: Record<string, string[]> = {};
      for (const pod of store.getState().snapshot.objects.Pod ?? []) {
        const node = pod.spec?.nodeName ?? '';
        (out[node] ??= []).push(`${pod.metadata.namespace}/${pod.metadata.name}`);
      }
      return out;
    },
    nodeNames: () => (store.getState().snapshot.objects.Node ?? []).map((n) => n.metadata.name ?? ''),
    eventCount: () => store.getState().snapshot.eventIndex + 1,
    diagnostics: () => store.getState().diagnostics.map((d) => ({ line: d.line, message: d.message, severity: d.severity })),
    toEnd() {
      ui.getState().set({ playing: false });
      const { events, seek } = store.getState();
      seek(events.length - 1);
    },
    cursor: () => store.getState().cursor,
    selected: () => ui.getState().selected,
  };
}
