import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { humanDuration, milliValue, quantityValue } from '../engine';
import { buildClusterView } from '../viewmodel/clusterView';
import { ClusterCanvas } from './canvas/ClusterCanvas';
import type { SimulationStore } from '../state/simulationStore';
import { LANGUAGES } from '../i18n';

const quantity = (q: string | undefined, kind: 'cpu' | 'memory') => (kind === 'cpu' ? milliValue(q) : quantityValue(q));

export function App({ store }: { store: SimulationStore }) {
  const { t, i18n } = useTranslation();
  const snapshot = useStore(store, (s) => s.snapshot);
  const diagnostics = useStore(store, (s) => s.diagnostics);
  const model = useMemo(() => buildClusterView(snapshot, quantity), [snapshot]);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <span className="tagline">{t('app.tagline')}</span>
        <span className="spacer" />
        <label>
          {t('language.label')}{' '}
          <select
            value={i18n.language}
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
      <main className="canvas" data-testid="canvas">
        <ClusterCanvas model={model} />
      </main>
      <footer className="statusbar" data-testid="statusbar">
        <span>{t('status.time', { time: humanDuration(snapshot.time) })}</span>
        <span>{t('status.events', { count: snapshot.eventIndex + 1 })}</span>
        {diagnostics.length > 0 && <span className="warn">{t('status.diagnostics', { count: diagnostics.length })}</span>}
      </footer>
    </div>
  );
}
