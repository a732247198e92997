// The app shell: editor (left), graph canvas (centre), inspector (right), timeline and event
// log (bottom). Panels resize and collapse; all text goes through i18n. The engine is a chunk of
// its own (state/engineLoader.ts): the shell paints with an empty canvas saying the cluster is
// starting, and the scene appears when the store reports `ready`.
import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import type { UserAction } from '../engine';
import { buildClusterView } from '../viewmodel/clusterView';
import type { SimulationStore } from '../state/simulationStore';
import type { UiStore, ViewName } from '../state/uiStore';
import type { DraftStore } from '../state/draftStore';
import { LANGUAGES } from '../i18n';
import { Splitter } from './layout/Splitter';
import { EventLog } from './panels/EventLog';
import { Timeline } from './panels/Timeline';
import { usePlayback } from './usePlayback';
import { useKeyboard } from './useKeyboard';
import { ShortcutsHelp } from './help/ShortcutsHelp';
import { ViewSwitch } from './ViewSwitch';
import { Narration } from './panels/Narration';
const KubectlConsole = lazy(() => import('./console/KubectlConsole').then((m) => ({ default: m.KubectlConsole })));

const YamlEditor = lazy(() => import('../editor/YamlEditor'));
// Lazy: it renders YAML with the yaml package and lists engine simplifications, both engine-chunk
// material; nothing can be selected before the engine is up anyway.
const loadInspector = () => import('./panels/Inspector');
const Inspector = lazy(() => loadInspector().then((m) => ({ default: m.Inspector })));

const NO_ACTIVITIES: never[] = [];
const NO_KUBELETS: ReadonlySet<string> = new Set();
/** Durations before the engine (and its humanDuration) has arrived: there are no events yet. */
const noDuration = () => '';

export const VIEWS: ViewName[] = ['cluster', 'workloads', 'services', 'controlplane', 'rules', 'network', 'policies', 'storage'];

export interface AppProps {
  sim: SimulationStore;
  ui: UiStore;
  draft: DraftStore;
}

export function App({ sim, ui, draft }: AppProps) {
  const { t, i18n } = useTranslation();
  const snapshot = useStore(sim, (s) => s.snapshot);
  const events = useStore(sim, (s) => s.events);
  const cursor = useStore(sim, (s) => s.cursor);
  const diagnostics = useStore(sim, (s) => s.diagnostics);
  const status = useStore(sim, (s) => s.status);
  const engine = useStore(sim, (s) => s.engine);
  const simulation = useStore(sim, (s) => s.sim);
  const text = useStore(draft, (s) => s.text);
  const state = useStore(ui);
  usePlayback(sim, ui);

  const apply = useCallback(() => {
    const ok = sim.getState().applyText(draft.getState().text);
    if (ok) ui.getState().set({ playing: true });
  }, [sim, draft, ui]);
  useKeyboard({ sim, ui, apply });

  useEffect(() => {
    document.documentElement.dataset.theme = state.theme;
    localStorage.setItem('kubeglass.theme', state.theme);
  }, [state.theme]);

  useEffect(() => {
    // Fetch the inspector's chunk once the scene is up, so the first click does not wait for it.
    if (status === 'ready') void loadInspector();
  }, [status]);

  const model = useMemo(() => (engine ? buildClusterView(snapshot, (q, kind) => (kind === 'cpu' ? engine.milliValue(q) : engine.quantityValue(q))) : undefined), [snapshot, engine]);
  const explainContext = useMemo(() => ({ snapshot, activities: simulation?.activities() ?? NO_ACTIVITIES }), [snapshot, simulation]);
  const formatDuration = engine?.humanDuration ?? noDuration;
  const highlight = useMemo(() => {
    if (!state.selected || state.selectedFromEditor || !simulation) return undefined;
    const source = simulation.sources.get(state.selected);
    return source ? { startLine: source.startLine, endLine: source.endLine } : undefined;
  }, [state.selected, state.selectedFromEditor, simulation]);

  const seekAndPause = useCallback(
    (i: number) => {
      ui.getState().set({ playing: false });
      sim.getState().seek(i);
    },
    [sim, ui],
  );
  const select = useCallback((ref?: string) => ui.getState().select(ref), [ui]);

  const act = useCallback(
    (action: UserAction) => {
      const result = sim.getState().act(action);
      ui.getState().set({ playing: true });
      return result;
    },
    [sim, ui],
  );
  // The live list (it grows as the simulation runs); the step list re-reads it as the cursor moves.
  const activities = simulation?.activities();
  const stoppedKubelets = useMemo(
    () => (simulation ? new Set([...simulation.internals.kubelets.values()].filter((k) => !simulation.internals.host.isEnabled(k.name)).map((k) => k.nodeName)) : NO_KUBELETS),
    // Recomputed when the log grows (an action ran).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [simulation, events],
  );

  // Moving the editor cursor into an object's document selects that object in the views.
  const selectAtLine = useCallback(
    (line: number) => {
      for (const [key, source] of sim.getState().sim?.sources ?? []) {
        if (line >= source.startLine && line <= source.endLine) {
          if (ui.getState().selected !== key) ui.getState().select(key, false);
          return;
        }
      }
    },
    [sim, ui],
  );

  const closeHelp = useCallback(() => ui.getState().set({ helpOpen: false }), [ui]);

  const columns = [state.editorOpen ? `${state.editorWidth}px 6px` : '', 'minmax(300px, 1fr)', state.inspectorOpen ? `6px ${state.inspectorWidth}px` : ''].join(' ');

  return (
    <div className="app" data-testid="app">
      {state.helpOpen && <ShortcutsHelp onClose={closeHelp} />}
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav className="view-tabs" role="tablist" aria-label="views">
          {VIEWS.map((v, i) => (
            <button key={v} role="tab" aria-selected={state.view === v} onClick={() => state.setView(v)} title={`${t(`view.${v}`)} (${i + 1})`} data-testid={`view-${v}`}>
              {t(`view.${v}`)}
            </button>
          ))}
        </nav>
        <span className="spacer" />
        <span className="panel-toggles" role="group" aria-label="panels">
          <button aria-pressed={state.editorOpen} onClick={() => state.set({ editorOpen: !state.editorOpen })} title={t('toolbar.editor')} data-testid="toggle-editor">
            ✎
          </button>
          <button aria-pressed={state.inspectorOpen} onClick={() => state.set({ inspectorOpen: !state.inspectorOpen })} title={t('toolbar.inspector')} data-testid="toggle-inspector">
            i
          </button>
          <button aria-pressed={state.bottomOpen} onClick={() => state.set({ bottomOpen: !state.bottomOpen })} title={t('toolbar.bottom')} data-testid="toggle-bottom">
            ☰
          </button>
        </span>
        <button className="primary" onClick={apply} title={t('toolbar.applyHint')} data-testid="apply">
          {t('toolbar.apply')}
        </button>
        <button onClick={() => state.set({ helpOpen: true })} title={t('help.title')} aria-label={t('help.title')} data-testid="open-help">
          ?
        </button>
        <button aria-pressed={state.theme === 'dark'} onClick={() => state.set({ theme: state.theme === 'dark' ? 'light' : 'dark' })} title={t('toolbar.theme')} aria-label={t('toolbar.theme')} data-testid="toggle-theme">
          {state.theme === 'dark' ? '☀' : '☾'}
        </button>
        <label>
          <select
            aria-label={t('language.label')}
            value={i18n.language}
            data-testid="language"
            onChange={(e) => {
              void i18n.changeLanguage(e.target.value);
              localStorage.setItem('kubeglass.language', e.target.value);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="workspace" style={{ gridTemplateColumns: columns }}>
        {state.editorOpen && (
          <>
            <section className="editor-pane" aria-label={t('toolbar.editor')}>
              <Suspense fallback={<div className="loading">{t('editor.loading')}</div>}>
                <YamlEditor value={text} onChange={draft.getState().setText} onApply={apply} diagnostics={diagnostics} highlight={highlight} theme={state.theme} onCursorLine={selectAtLine} />
              </Suspense>
            </section>
            <Splitter direction="vertical" label={t('toolbar.editor')} onDrag={(d) => state.set({ editorWidth: clamp(ui.getState().editorWidth + d, 240, 900) })} />
          </>
        )}
        <main className="canvas" data-testid="canvas" data-view={state.view} aria-busy={status === 'loading'}>
          {simulation && model ? (
            <ViewSwitch view={state.view} snapshot={snapshot} events={events} model={model} config={simulation.config} kubeProxy={simulation.engineConfigs.kubeProxy} selected={state.selected} onSelect={state.select} act={act} stoppedKubelets={stoppedKubelets} ui={ui} onSeek={seekAndPause} activities={activities} />
          ) : (
            <div className={`engine-status ${status}`} role="status" data-testid="engine-status" data-status={status}>
              {status === 'failed' ? t('app.engineFailed') : t('app.starting')}
            </div>
          )}
        </main>
        {state.inspectorOpen && (
          <>
            <Splitter direction="vertical" label={t('toolbar.inspector')} onDrag={(d) => state.set({ inspectorWidth: clamp(ui.getState().inspectorWidth - d, 240, 800) })} />
            <aside className="inspector-pane" aria-label={t('toolbar.inspector')}>
              <Suspense fallback={<div className="loading">…</div>}>
                <Inspector snapshot={snapshot} selected={state.selected} explainContext={explainContext} act={act} stoppedKubelets={stoppedKubelets} />
              </Suspense>
            </aside>
          </>
        )}
      </div>
      {state.bottomOpen && (
        <>
          <Splitter direction="horizontal" label={t('toolbar.bottom')} onDrag={(d) => state.set({ bottomHeight: clamp(ui.getState().bottomHeight - d, 100, 600) })} />
          <section className="bottom-pane" style={{ height: state.bottomHeight }}>
            <Narration event={events[cursor]} formatDuration={formatDuration} />
            <Timeline events={events} cursor={cursor} playing={state.playing} speed={state.speed} onSeek={seekAndPause} onPlay={(p) => state.set({ playing: p })} onSpeed={(s) => state.set({ speed: s })} formatDuration={formatDuration} />
            <div className="panel-tabs bottom-tabs" role="tablist">
              <button role="tab" aria-selected={state.bottomTab === 'log'} onClick={() => state.set({ bottomTab: 'log' })} data-testid="tab-log">
                {t('bottom.log')}
              </button>
              <button role="tab" aria-selected={state.bottomTab === 'console'} onClick={() => state.set({ bottomTab: 'console' })} data-testid="tab-console">
                {t('bottom.console')}
              </button>
            </div>
            {state.bottomTab === 'log' ? (
              <EventLog events={events} cursor={cursor} onSeek={seekAndPause} onSelect={select} formatDuration={formatDuration} />
            ) : status !== 'ready' ? (
              <div className="loading">{status === 'failed' ? t('app.engineFailed') : t('app.starting')}</div>
            ) : (
              <Suspense fallback={<div className="loading">…</div>}>
                <KubectlConsole sim={sim} readFile={() => draft.getState().text} />
              </Suspense>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function clamp(v: number, lo: number, hi: number) {
  return Math.max(lo, Math.min(hi, v));
}
