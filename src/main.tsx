import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { App } from './ui/App';
import { initI18n } from './i18n';
import { createSimulationStore } from './state/simulationStore';
import { createUiStore } from './state/uiStore';
import { createDraftStore, loadDraft } from './state/draftStore';
import { DEFAULT_SCENE } from './scenes/defaultScene';
import { installTestApi } from './state/testApi';

initI18n();
const draftText = loadDraft(DEFAULT_SCENE);
const draft = createDraftStore(draftText);
const ui = createUiStore();
// Open on the last text the user applied... the draft is what they were editing; start from it
// when it loads cleanly, else from the default scene (the draft stays in the editor either way).
const sim = createSimulationStore(draftText, 1, { startAtBeginning: true });
installTestApi(sim, ui);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App sim={sim} ui={ui} draft={draft} />
  </StrictMode>,
);
