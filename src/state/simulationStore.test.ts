// The simulation store before and after the engine chunk arrives (issue 6): the shell renders
// from a `loading` store with an empty cluster; the scene boots when the engine module resolves.
import { describe, expect, it } from 'vitest';
import * as engineModule from '../engine';
import { DEFAULT_SCENE } from '../scenes/defaultScene';
import { loadEngine, type Engine } from './engineLoader';
import { createSimulationStore, EMPTY_SNAPSHOT } from './simulationStore';

function deferred() {
  let resolve!: (e: Engine) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Engine>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const nodeNames = (store: ReturnType<typeof createSimulationStore>) => (store.getState().snapshot.objects.Node ?? []).map((n) => n.metadata.name);

describe('simulation store', () => {
  it('starts loading with an empty cluster, and ignores seeks and actions until the engine arrives', () => {
    const store = createSimulationStore(DEFAULT_SCENE, 1, { startAtBeginning: true }, deferred().promise);
    const s = store.getState();
    expect(s).toMatchObject({ status: 'loading', events: [], cursor: -1, snapshot: EMPTY_SNAPSHOT });
    expect(s.sim).toBeUndefined();
    expect(s.engine).toBeUndefined();
    s.seek(5);
    expect(store.getState().cursor).toBe(-1);
    expect(s.act({ type: 'scale', target: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 5 })).toMatchObject({ ok: false });
  });

  it('boots the default scene when the engine resolves: three nodes, cursor just before the first kubectl write', async () => {
    const engine = deferred();
    const store = createSimulationStore(DEFAULT_SCENE, 1, { startAtBeginning: true }, engine.promise);
    engine.resolve(engineModule);
    await flush();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.engine).toBe(engineModule);
    expect(nodeNames(store)).toEqual(['control-plane', 'node-1', 'node-2']);
    const firstUserEvent = s.events.findIndex((e) => e.component === 'kubectl');
    expect(firstUserEvent).toBeGreaterThan(0);
    expect(s.cursor).toBe(firstUserEvent - 1);
    // Playback can now step through the log.
    s.seek(s.events.length - 1);
    expect(store.getState().cursor).toBe(s.events.length - 1);
    expect((store.getState().snapshot.objects.Pod ?? []).filter((p) => p.metadata.name?.startsWith('web-'))).toHaveLength(3);
  });

  it('boots from text applied while the engine was still loading', async () => {
    const engine = deferred();
    const store = createSimulationStore(DEFAULT_SCENE, 1, { startAtBeginning: true }, engine.promise);
    const edited = DEFAULT_SCENE.replace('replicas: 3', 'replicas: 5');
    expect(edited).not.toBe(DEFAULT_SCENE);
    expect(store.getState().applyText(edited)).toBe(true);
    engine.resolve(engineModule);
    await flush();
    const { seek, events } = store.getState();
    seek(events.length - 1);
    expect(store.getState().appliedText).toBe(edited);
    expect((store.getState().snapshot.objects.Pod ?? []).filter((p) => p.metadata.name?.startsWith('web-'))).toHaveLength(5);
  });

  it('reports a failed engine load and stays empty', async () => {
    const engine = deferred();
    const store = createSimulationStore(DEFAULT_SCENE, 1, {}, engine.promise);
    engine.reject(new Error('Failed to fetch dynamically imported module'));
    await flush();
    expect(store.getState()).toMatchObject({ status: 'failed', loadError: 'Failed to fetch dynamically imported module', snapshot: EMPTY_SNAPSHOT });
  });
});

describe('loadEngine', () => {
  it('requests the engine once and hands every caller the same module', async () => {
    const first = loadEngine();
    expect(loadEngine()).toBe(first);
    expect(await first).toHaveProperty('Simulation', engineModule.Simulation);
  });
});
