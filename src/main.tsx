import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { App } from './ui/App';
import { initI18n } from './i18n';
import { createSimulationStore } from './state/simulationStore';
import { DEFAULT_SCENE } from './scenes/defaultScene';
import { installTestApi } from './state/testApi';

initI18n();
const store = createSimulationStore(DEFAULT_SCENE);
installTestApi(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
