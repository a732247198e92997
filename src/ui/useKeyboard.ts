// Keyboard shortcuts for teaching: Space play/pause, arrows step, Home/End, 1-8 switch views,
// ? shows them all (help/ShortcutsHelp.tsx).
// Keys typed into the editor or a form field are left alone.
import { useEffect } from 'react';
import type { SimulationStore } from '../state/simulationStore';
import type { UiStore, ViewName } from '../state/uiStore';

const VIEW_KEYS: ViewName[] = ['cluster', 'workloads', 'services', 'controlplane', 'rules', 'network', 'policies', 'storage'];

export function useKeyboard({ sim, ui, apply }: { sim: SimulationStore; ui: UiStore; apply: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        apply();
        return;
      }
      const target = e.target as HTMLElement | null;
      if (target && (target.closest('.monaco-editor') || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) return;
      const { cursor, events, seek } = sim.getState();
      const uiState = ui.getState();
      if (e.key === '?') {
        uiState.set({ helpOpen: !uiState.helpOpen });
        return;
      }
      if (uiState.helpOpen) return;
      if (e.key === ' ') {
        e.preventDefault();
        uiState.set({ playing: !uiState.playing });
      } else if (e.key === 'ArrowRight') {
        uiState.set({ playing: false });
        seek(Math.min(events.length - 1, cursor + 1));
      } else if (e.key === 'ArrowLeft') {
        uiState.set({ playing: false });
        seek(Math.max(0, cursor - 1));
      } else if (e.key === 'Home') {
        seek(0);
      } else if (e.key === 'End') {
        seek(events.length - 1);
      } else if (/^[1-8]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        uiState.setView(VIEW_KEYS[Number(e.key) - 1]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sim, ui, apply]);
}
