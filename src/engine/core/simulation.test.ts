import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { DEFAULT_SCENE } from '../../scenes/defaultScene';

const logOf = (sim: Simulation) => JSON.stringify(sim.events().map((e) => [e.t, e.type, e.kind, e.namespace, e.name, e.component, e.reason, e.object]));

describe('Simulation determinism', () => {
  it('produces a byte-identical event log for the same manifests and seed', () => {
    const a = Simulation.load(DEFAULT_SCENE, { seed: 7 });
    const b = Simulation.load(DEFAULT_SCENE, { seed: 7 });
    a.run({ until: 120_000 });
    b.run({ until: 120_000 });
    expect(a.events().length).toBeGreaterThan(50);
    expect(logOf(a)).toBe(logOf(b));
  });

  it('with another seed, differs only in what randomness decides (names, uids), not in what happens', () => {
    const a = Simulation.load(DEFAULT_SCENE, { seed: 1 });
    const b = Simulation.load(DEFAULT_SCENE, { seed: 2 });
    a.run({ until: 120_000 });
    b.run({ until: 120_000 });
    expect(logOf(a)).not.toBe(logOf(b));
    // Names, uids, scheduling ties and the order of name-sorted work change; what happens does not.
    const shape = (sim: Simulation) => sim.events().map((e) => `${e.type} ${e.kind} ${e.namespace} ${e.component.split('/')[0]} ${e.reason}`).sort();
    expect(shape(a)).toEqual(shape(b));
    const phases = (sim: Simulation) => (sim.snapshot().objects.Pod ?? []).map((p) => `${p.metadata.namespace} ${p.status?.phase}`).sort();
    expect(phases(a)).toEqual(phases(b));
  });

  it('rewinds by replay: replaying to time t gives the snapshot the original had at t', () => {
    const sim = Simulation.load(DEFAULT_SCENE, { seed: 3 });
    sim.run({ until: 300_000 });
    const t = 2_000;
    const lastBefore = sim.events().filter((e) => e.t <= t).at(-1)!;
    const expected = sim.snapshot(lastBefore.index);
    const replayed = sim.replayTo(t);
    const actual = replayed.snapshot();
    expect(actual.eventIndex).toBe(expected.eventIndex);
    expect(JSON.stringify(actual.objects)).toBe(JSON.stringify(expected.objects));
  });

  it('keeps actions in the replayed input, so a rewind repeats what the user did', () => {
    const sim = Simulation.load(DEFAULT_SCENE, { seed: 3 });
    sim.run({ until: 60_000 });
    const result = sim.apply({ type: 'label', target: { kind: 'Service', name: 'web' }, labels: { tier: 'frontend' } });
    expect(result).toEqual({ ok: true, message: 'service/web labeled' });
    sim.run({ until: 120_000 });
    const replayed = sim.replayTo(sim.now());
    expect(replayed.snapshot().objects.Service!.find((s) => s.metadata.name === 'web')!.metadata.labels).toEqual({ tier: 'frontend' });
  });
});

describe('Simulation snapshots', () => {
  it('rebuilds the objects at any event index from the log', () => {
    const sim = Simulation.load(DEFAULT_SCENE);
    sim.run({ until: 60_000 });
    const atStart = sim.snapshot(0);
    expect(Object.values(atStart.objects).flat()).toHaveLength(1);
    const now = sim.snapshot();
    const rebuilt = sim.snapshot(sim.events().length - 2);
    expect(rebuilt.eventIndex).toBe(sim.events().length - 2);
    expect(now.eventIndex).toBe(sim.events().length - 1);
  });
});

describe('SnapshotCursor', () => {
  it('gives the same snapshot as a full fold at every position, stepping forward and jumping back', async () => {
    const { SnapshotCursor } = await import('./snapshot');
    const sim = Simulation.load(DEFAULT_SCENE, { seed: 4 });
    sim.run({ until: 120_000 });
    const n = sim.events().length;
    const cursor = new SnapshotCursor(() => sim.events());
    const positions = [0, 1, 2, 50, 51, n - 1, 10, 499, 500, 501, 3, n - 2];
    for (const i of positions) {
      const a = cursor.at(i);
      const b = sim.snapshot(i);
      expect(a.eventIndex).toBe(b.eventIndex);
      expect(JSON.stringify(a.objects)).toBe(JSON.stringify(b.objects));
    }
  });
});
