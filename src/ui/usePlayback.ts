// Advances the timeline cursor while playing: a few events per second at 1x, skipping the
// bookkeeping writes (Events, Leases) that have nothing to animate.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { SimulationStore } from '../state/simulationStore';
import type { UiStore } from '../state/uiStore';

export const EVENTS_PER_SECOND_AT_1X = 6;

export function usePlayback(sim: SimulationStore, ui: UiStore) {
  const playing = useStore(ui, (s) => s.playing);
  const speed = useStore(ui, (s) => s.speed);
  // Before the engine has booted the scene there is nothing to play (and no end to stop at).
  const ready = useStore(sim, (s) => s.status === 'ready');
  useEffect(() => {
    if (!playing || !ready) return;
    const timer = setInterval(() => {
      const { cursor, events, seek } = sim.getState();
      let next = cursor + 1;
      while (next < events.length - 1 && (events[next].kind === 'Event' || events[next].kind === 'Lease')) next++;
      if (next >= events.length) {
        ui.getState().set({ playing: false });
        return;
      }
      seek(next);
    }, 1000 / (EVENTS_PER_SECOND_AT_1X * speed));
    return () => clearInterval(timer);
  }, [playing, ready, speed, sim, ui]);
}
